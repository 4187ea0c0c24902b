#!/usr/bin/env bash
# Peak memory of the reader on a file: quoth runs in a tmux window under /usr/bin/time -v
# until its attribution is shown (the status line says "N quotes"), then quits with q.
#
#   benches/reader_memory.sh FILE
#
# Prints the peak resident size and its ratio to the file size. Needs tmux and GNU time.
set -euo pipefail
file=$1
quoth=${QUOTH:-target/release/quoth}
out=$(mktemp)
state=$(mktemp -d)
name=mem$$
tmux new-session -d -s "$name" -x 120 -y 40 \
  "env XDG_STATE_HOME=$state /usr/bin/time -v -o $out $quoth $file"
for _ in $(seq 1 1200); do
  if tmux capture-pane -p -t "$name" | grep -q '[0-9] \(quotes\|statements\)'; then break; fi
  sleep 0.1
done
tmux send-keys -t "$name" q
for _ in $(seq 1 100); do
  if grep -q 'Maximum resident' "$out" 2>/dev/null; then break; fi
  sleep 0.1
done
kb=$(awk -F': ' '/Maximum resident/ {print $2}' "$out")
size=$(stat -c %s "$file")
python3 -c "import sys; kb, size = int(sys.argv[1]), int(sys.argv[2]); print(f'{sys.argv[3]}: file {size/1e6:.1f} MB, peak RSS {kb/1e3:.1f} MB, {kb*1e3/size:.2f}x the file')" "$kb" "$size" "$file"
rm -f "$out"
