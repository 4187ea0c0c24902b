#!/usr/bin/env python3
"""Builds a sample article and its gold (brat standoff) from one marked-up source file.

Markup, inside the article text (statement numbers tie the three parts together):
  ⟨c3⟩“…,”⟨/c⟩                     the content of statement 3 (with its quote marks, if any)
  ⟨s3,4=Ursula Frey⟩she⟨/s⟩        the source mention of statements 3 and 4, canonical name
  ⟨k3,4⟩said⟨/k⟩                   the cue of statements 3 and 4 (optional)
A statement without a source tag gets none in the gold. Offsets in the .ann are Unicode code
points, as in PolNeAR; every statement is an `E` line (Attribution Source Cue Content) and every
source has an `AnnotatorNotes` line with its canonical name.

  python3 tools/samples/annotate.py tools/samples/NAME.marked   -> sample-articles/NAME.{txt,ann}
"""
import os
import re
import sys

TAG = re.compile(r"⟨(/?)([csk])([^⟩]*)⟩")


def parse(marked):
    text, spans, open_tags = [], {}, {}
    pos = 0
    for m in TAG.finditer(marked):
        text.append(marked[pos:m.start()])
        pos = m.end()
        offset = sum(len(t) for t in text)
        closing, kind, rest = m.group(1), m.group(2), m.group(3)
        if closing:
            start, ids, name = open_tags.pop(kind)
            for i in ids:
                spans.setdefault(i, {})[kind] = (start, offset, name)
        else:
            ids_part, _, name = rest.partition("=")
            ids = [int(x) for x in ids_part.split(",") if x.strip()]
            if kind in open_tags:
                sys.exit(f"nested ⟨{kind}⟩ at {m.start()}")
            open_tags[kind] = (offset, ids, name.strip() or None)
    text.append(marked[pos:])
    if open_tags:
        sys.exit(f"unclosed tags: {sorted(open_tags)}")
    return "".join(text), spans


def write_ann(text, spans):
    lines, t = [], 0
    for e, n in enumerate(sorted(spans), start=1):
        parts = spans[n]
        if "c" not in parts:
            sys.exit(f"statement {n} has no content")
        refs = []
        for kind, label in (("c", "Content"), ("s", "Source"), ("k", "Cue")):
            if kind not in parts:
                continue
            a, b, _ = parts[kind]
            t += 1
            lines.append(f"T{t}\t{label} {a} {b}\t{text[a:b]}")
            refs.append((label, t))
        args = " ".join(f"{label}:T{i}" for label, i in refs)
        lines.append(f"E{e}\tAttribution {args}")
        if "s" in parts:
            src = next(i for label, i in refs if label == "Source")
            name = parts["s"][2] or text[parts["s"][0]:parts["s"][1]]
            lines.append(f"#{e}\tAnnotatorNotes T{src}\t{name}")
    return "\n".join(lines) + "\n"


def main():
    src = sys.argv[1]
    with open(src, encoding="utf-8") as f:
        marked = f.read()
    text, spans = parse(marked)
    name = os.path.splitext(os.path.basename(src))[0]
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "sample-articles", name)
    with open(out + ".txt", "w", encoding="utf-8") as f:
        f.write(text)
    with open(out + ".ann", "w", encoding="utf-8") as f:
        f.write(write_ann(text, spans))
    print(f"{name}: {len(spans)} statements", file=sys.stderr)


if __name__ == "__main__":
    main()
