#!/usr/bin/env python3
"""Flags test and example sentences that echo the corpus: a check that unit-test sentences,
doc-comment examples and pattern templates were written for quoth, not copied (or lightly
paraphrased) from the PolNeAR training split or the seed article.

Every string literal and comment line of the Rust sources and of tools/patterns/generate.py is
cut into runs of N words (lower case, punctuation dropped); a line that shares at least MIN runs
with the corpus is printed with the runs it shares. Exit status 1 when anything is flagged.

  python3 tools/honesty/corpus-overlap.py [CORPUS_DIR ...]
      (default ../shared/corpus/polnear-train ../shared/corpus/seed)
"""
import glob
import os
import re
import sys

N = 5    # words per run: four-word runs are common English ("in the hours after")
MIN = 2  # runs shared before a line is flagged
WORD = re.compile(r"[a-z0-9’']+")
LITERAL = re.compile(r'"((?:[^"\\]|\\.){25,})"')


def runs(text):
    words = WORD.findall(text.lower().replace("’", "'"))
    return {" ".join(words[i:i + N]) for i in range(len(words) - N + 1)}


def corpus_runs(dirs):
    seen = set()
    for d in dirs:
        for path in glob.glob(os.path.join(d, "*.txt")):
            with open(path, encoding="utf-8", errors="replace") as f:
                seen |= runs(f.read())
    return seen


def candidate_lines(root):
    files = glob.glob(os.path.join(root, "crates", "**", "*.rs"), recursive=True)
    files += glob.glob(os.path.join(root, "src", "**", "*.rs"), recursive=True)
    files += glob.glob(os.path.join(root, "tests", "*.rs"))
    files += [os.path.join(root, "tools", "patterns", "generate.py")]
    for path in sorted(files):
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                texts = [m.group(1) for m in LITERAL.finditer(line)]
                comment = line.split("//", 1)[1] if "//" in line else ""
                for t in texts + ([comment] if comment else []):
                    yield path, n, t


def main():
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
    dirs = sys.argv[1:] or [os.path.join(root, "..", "shared", "corpus", "polnear-train"),
                            os.path.join(root, "..", "shared", "corpus", "seed")]
    dirs = [d for d in dirs if os.path.isdir(d)]
    if not dirs:
        print("no corpus folder found: nothing to check", file=sys.stderr)
        return 0
    seen = corpus_runs(dirs)
    flagged = 0
    for path, n, text in candidate_lines(root):
        shared = sorted(runs(text) & seen)
        if len(shared) >= MIN:
            flagged += 1
            print(f"{os.path.relpath(path, root)}:{n}: shares {len(shared)} runs: {shared[:3]}")
    print(f"{flagged} lines echo the corpus", file=sys.stderr)
    return 1 if flagged else 0


if __name__ == "__main__":
    sys.exit(main())
