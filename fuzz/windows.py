#!/usr/bin/env python3
"""Cheap crash search on stable Rust: runs the release binary on random windows of real news.

Each case is a window of an article cut at arbitrary characters (so a sentence, a quotation or
a cue clause may end the text), sometimes with commas dropped or a cue-like tail added. Any
panic is written to fuzz/artifacts/windows-N.txt to become a test in tests/fuzz_regressions.rs.

  cargo build --release
  python3 fuzz/windows.py [SEED] [CASES] [DIR]     (DIR defaults to sample-articles)
"""
import os
import random
import subprocess
import sys
import tempfile

seed = int(sys.argv[1]) if len(sys.argv) > 1 else 1
cases = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
folder = sys.argv[3] if len(sys.argv) > 3 else "sample-articles"
binary = os.environ.get("QUOTH_BIN", "target/release/quoth")
TAILS = ['"', "“", " said", ", said", " according to", ":", " —", " that", " told", " saying",
         ", he said,", " according", " who said", " (", " said the", " of the", "'s", " and said"]

random.seed(seed)
files = sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".txt"))
crashes = 0
with tempfile.TemporaryDirectory() as tmp:
    case = os.path.join(tmp, "case.txt")
    for _ in range(cases):
        text = open(random.choice(files), encoding="utf-8").read()
        a = random.randrange(0, max(1, len(text) - 10))
        piece = text[a:min(len(text), a + random.randrange(5, 600))]
        if random.random() < 0.3:
            piece = piece.replace(",", "", random.randrange(0, 3))
        if random.random() < 0.3:
            piece += random.choice(TAILS)
        with open(case, "w", encoding="utf-8") as f:
            f.write(piece)
        run = subprocess.run([binary, "quotes", "--json", case], capture_output=True)
        if run.returncode != 0 and b"panicked" in run.stderr:
            crashes += 1
            os.makedirs("fuzz/artifacts", exist_ok=True)
            with open(f"fuzz/artifacts/windows-{crashes}.txt", "w", encoding="utf-8") as f:
                f.write(piece)
            print(run.stderr.decode(errors="replace").splitlines()[0])
print(f"{cases} cases, {crashes} crashes")
sys.exit(1 if crashes else 0)
