#!/usr/bin/env bash
# Time to first screen, measured the same way for quoth and for less: start the program in a
# tmux window of 120x40 and poll `tmux capture-pane` until the file's first words appear.
#
#   benches/first_screen.sh [-n RUNS] FILE...
#
# For each file, prints the median of the runs (and every run) in milliseconds for quoth and
# for less, side by side, and their ratio. The needle is the first 20 characters of the file.
# Needs tmux and python3. QUOTH=path picks the binary (default target/release/quoth).
set -euo pipefail
runs=5
if [[ ${1:-} == -n ]]; then
  runs=$2
  shift 2
fi
quoth=${QUOTH:-target/release/quoth}
python3 - "$quoth" "$runs" "$@" <<'PY'
import os, statistics, subprocess, sys, tempfile, time
quoth, runs, files = sys.argv[1], int(sys.argv[2]), sys.argv[3:]

def first_screen(cmd, needle):
    name = f"fs{os.getpid()}"
    subprocess.run(["tmux", "kill-session", "-t", name], stderr=subprocess.DEVNULL)
    t0 = time.perf_counter()
    subprocess.run(["tmux", "new-session", "-d", "-s", name, "-x", "120", "-y", "40", cmd], check=True)
    while True:
        out = subprocess.run(["tmux", "capture-pane", "-p", "-t", name], capture_output=True, text=True).stdout
        if needle in out:
            break
        if time.perf_counter() - t0 > 30:
            sys.exit(f"timed out: {cmd}")
        time.sleep(0.002)
    ms = (time.perf_counter() - t0) * 1000
    subprocess.run(["tmux", "kill-session", "-t", name])
    time.sleep(0.2)
    return ms

print(f"{'file':<28} {'size':>9} {'quoth ms':>9} {'less ms':>8} {'ratio':>6}   runs (quoth | less)")
for f in files:
    with open(f, encoding="utf-8", errors="replace") as fh:
        needle = fh.read(20).split("\n")[0][:20]
    state = tempfile.mkdtemp()
    q, l = [], []
    for _ in range(runs):  # interleaved, so that a busy moment hurts both alike
        q.append(first_screen(f"env XDG_STATE_HOME={state} {quoth} {f}", needle))
        l.append(first_screen(f"less {f}", needle))
    qm, lm = statistics.median(q), statistics.median(l)
    size = os.path.getsize(f)
    print(f"{os.path.basename(f):<28} {size/1e6:>7.2f}MB {qm:>9.0f} {lm:>8.0f} {qm/lm:>6.2f}   "
          f"{' '.join(f'{t:.0f}' for t in sorted(q))} | {' '.join(f'{t:.0f}' for t in sorted(l))}")
PY
