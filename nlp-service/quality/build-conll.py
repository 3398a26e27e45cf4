#!/usr/bin/env python3
"""Turns a marked-up, pre-tokenised text (NAME.txt: [[tokens|CLASS]], one sentence per line, "=== id" per document)
into a CoNLL-2003 file with IOB2 tags. Run from the repository root:
python3 nlp-service/quality/build-conll.py heldout-wire  (-> nlp-service/src/test/resources/conll/heldout-wire.conll)"""
import os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
NAME = sys.argv[1]
MARK = re.compile(r"\[\[([^|\]]+)\|(PER|ORG|LOC|MISC)\]\]")

out = []
for line in open(os.path.join(HERE, NAME + ".txt"), encoding="utf-8").read().split("\n"):
    if line.startswith("#") or not line.strip():
        continue
    if line.startswith("=== "):
        out.append("-DOCSTART- -X- -X- O\n")
        continue
    assert "[[" not in MARK.sub("", line), line
    rows, pos = [], 0
    for m in MARK.finditer(line):
        rows += [(t, "O") for t in line[pos:m.start()].split()]
        tokens = m.group(1).split()
        rows += [(t, ("B-" if i == 0 else "I-") + m.group(2)) for i, t in enumerate(tokens)]
        pos = m.end()
    rows += [(t, "O") for t in line[pos:].split()]
    out.append("".join("%s X X %s\n" % r for r in rows))
target = os.path.join(HERE, "..", "src", "test", "resources", "conll", NAME + ".conll")
with open(target, "w", encoding="utf-8") as f:
    f.write("\n".join(out))
print(sum(1 for s in out for l in s.split("\n") if " B-" in l), "names ->", os.path.relpath(target))
