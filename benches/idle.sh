#!/usr/bin/env bash
# What an idle reader does: quoth runs in a tmux window on FILE; once its attribution is shown
# it is left alone for SECONDS, and the kernel's counters say how many write calls it made
# and how often its threads woke up meanwhile (/proc/PID/io, /proc/PID/task/*/status).
#
#   benches/idle.sh FILE [SECONDS]
set -euo pipefail
file=$1
secs=${2:-5}
quoth=${QUOTH:-target/release/quoth}
name=idle$$
tmux new-session -d -s "$name" -x 120 -y 40 "env XDG_STATE_HOME=$(mktemp -d) $quoth $file"
for _ in $(seq 1 600); do
  if tmux capture-pane -p -t "$name" | grep -q '[0-9] \(quotes\|statements\)'; then break; fi
  sleep 0.1
done
sleep 1
pid=$(tmux list-panes -t "$name" -F '#{pane_pid}')
counters() {
  local w s
  w=$(awk '/^syscw/ {print $2}' /proc/"$pid"/io)
  s=$(cat /proc/"$pid"/task/*/status | awk '/ctxt_switches/ {n += $2} END {print n}')
  echo "$w $s"
}
read -r w0 s0 < <(counters)
sleep "$secs"
read -r w1 s1 < <(counters)
echo "$quoth idle for ${secs}s: $((w1 - w0)) write calls, $((s1 - s0)) thread wake-ups"
tmux send-keys -t "$name" q
sleep 0.5
tmux kill-session -t "$name" 2>/dev/null || true
