#!/usr/bin/env bash
# Time to first screen, measured the same way for quoth and for less: start the program in a
# tmux window of 120x40 and poll `tmux capture-pane` until the article's first words appear.
#
#   benches/first_screen.sh FILE "first words" [runs]
#
# Prints the median of the runs in milliseconds for each program. Needs tmux and python3.
set -euo pipefail
file=$1
needle=$2
runs=${3:-5}
quoth=${QUOTH:-target/release/quoth}
measure() {
  local cmd=$1
  python3 - "$cmd" "$needle" "$runs" <<'PY'
import subprocess, sys, time
cmd, needle, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
times = []
for i in range(runs):
    name = f"fs{i}"
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
    times.append((time.perf_counter() - t0) * 1000)
    subprocess.run(["tmux", "kill-session", "-t", name])
    time.sleep(0.2)
times.sort()
print(f"{cmd}: median {times[len(times)//2]:.0f} ms (runs: {', '.join(f'{t:.0f}' for t in times)})")
PY
}
measure "env XDG_STATE_HOME=$(mktemp -d) $quoth $file"
measure "less $file"
