#!/usr/bin/env python3
"""Turns the marked-up gold-set.txt into gold-set.jsonl with exact offsets into title + "\\n\\n" + body.
Run from the repository root: python3 nlp-service/quality/build-gold-set.py [NAME] (NAME.txt -> NAME.jsonl; default
gold-set; gold-set-es is the Spanish set)"""
import json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
NAME = sys.argv[1] if len(sys.argv) > 1 else "gold-set"
MARK = re.compile(r"\[\[([^|\]]+)\|([A-Z]+)(?:\|([^\]]+))?\]\]")
# A name the starter knowledge base does not know has an id from its name alone ("name:slug"), as the extractor
# gives it: its type is each article's vote and may differ between articles. Values keep "type:slug".
KNOWN = {json.loads(l)["id"] for l in open(os.path.join(HERE, "..", "src", "main", "resources", "kb", "starter.jsonl"),
                                           encoding="utf-8") if l.strip()}
VALUES = {"DATE", "MONEY", "PERCENT"}


def slug(s):
    s = s.replace("$", " usd ").replace("\u20ac", " eur ").replace("\u00a3", " gbp ").replace("%", " percent ")
    s = "".join(c for c in unicodedata.normalize("NFD", s.lower()) if unicodedata.category(c) != "Mn")
    out, dash = [], False
    for i, c in enumerate(s):
        if c.isalnum():
            if dash and out:
                out.append("-")
            out.append(c)
            dash = False
        elif c == "." and 0 < i < len(s) - 1 and s[i - 1].isdigit() and s[i + 1].isdigit():
            out.append(".")
        elif c not in "'.,":
            dash = True
    return "".join(out)


def strip(marked, offset, mentions):
    text, pos = [], 0
    for m in MARK.finditer(marked):
        text.append(marked[pos:m.start()])
        start = offset + sum(len(t) for t in text)
        surface, typ, ident = m.group(1), m.group(2), m.group(3)
        text.append(surface)
        ident = ident or typ.lower() + ":" + slug(surface)
        if typ not in VALUES and ident not in KNOWN:
            ident = "name:" + ident.split(":", 1)[1]
        mentions.append({"start": start, "end": start + len(surface), "text": surface, "type": typ,
                         "entity": ident})
        pos = m.end()
    text.append(marked[pos:])
    return "".join(text)


articles, block = [], None
for line in open(os.path.join(HERE, NAME + ".txt"), encoding="utf-8").read().split("\n"):
    if line.startswith("#"):
        continue
    if line.startswith("=== "):
        block = {"head": line[4:], "lines": []}
        articles.append(block)
    elif block is not None:
        block["lines"].append(line)

with open(os.path.join(HERE, NAME + ".jsonl"), "w", encoding="utf-8") as out:
    for b in articles:
        ident, _, note = b["head"].partition(": ")
        lines = b["lines"]
        while lines and not lines[-1].strip():
            lines.pop()
        mentions = []
        title = strip(lines[0], 0, mentions)
        body = strip("\n".join(lines[1:]), len(title) + 2, mentions)
        full = title + "\n\n" + body
        for m in mentions:
            assert full[m["start"]:m["end"]] == m["text"], m
        out.write(json.dumps({"id": ident, "note": note, "title": title, "body": body, "mentions": mentions},
                             ensure_ascii=False) + "\n")
print(len(articles), "articles")
