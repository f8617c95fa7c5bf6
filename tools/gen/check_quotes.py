#!/usr/bin/env python3
# SPDX-License-Identifier: MulanPSL-2.0
"""Checks that the words the project quotes from 东府〔2024〕1号 are the text's
words (whitespace removed; pieces between ellipses each found):

- every `phrase` field of data/catalog.json (a condition's words, …), in the
  part of the document its measure belongs to;
- every Chinese quotation in the comments of lib/measures/*.c, in the part the
  file implements.  A quotation is a run of Chinese text (characters, Chinese
  punctuation, digits, %, ratios) with at least six Chinese characters; a
  leading item number （十九） / 四、 / 附件1 is not part of it, and a run that
  ends with a colon is a label, not a quotation.  The file's opening comment
  (the attachment's title) is checked against the part's heading likewise.  A
  quotation from another part is found there when its comment names that part
  (附件1 …).

The clause texts and parameter phrases the library carries are checked by
tests/unit/test_source.c through the library itself.

Usage: check_quotes.py   (exit 1 and one line per quotation not found)
"""
import json
import pathlib
import re
import sys

import source_text as st

ROOT = st.ROOT
FILES = {"opinion.c": "OP", "a1_doubling.c": "A1", "a2_scitech.c": "A2",
         "a3_services.c": "A3", "a4_trade.c": "A4", "a5_quality.c": "A5"}
COMMENT = re.compile(r"/\*.*?\*/", re.S)
HAN = r"\u4e00-\u9fff"
RUN = re.compile(rf"[{HAN}\u3000-\u303f\uff00-\uffef“”‘’…—0-9%:. \n*]+")
LEADING = re.compile(rf"^[*0-9.]*(附件\d)?((（[一二三四五六七八九十]+）)|([一二三四五六七八九十]+、))*")


def comment_quotes(source):
    """(line, quotation, comment) for each quotation in the comments of a C source."""
    for c in COMMENT.finditer(source):
        body = re.sub(r"\n\s*\*(?!/)", "\n", c.group()[2:-2])
        for r in RUN.finditer(body):
            q = st.squeeze(r.group()).strip("*").rstrip(".")
            q = LEADING.sub("", q)
            if len(re.findall(f"[{HAN}]", q)) < 6 or q.endswith((":", "：")):
                continue
            line = source.count("\n", 0, c.start()) + body.count("\n", 0, r.start()) + 1
            yield line, q, body


def catalog_phrases(node, path=""):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "phrase" and isinstance(v, str):
                yield path, v
            else:
                yield from catalog_phrases(v, f"{path}.{k}" if path else k)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from catalog_phrases(v, f"{path}[{i}]")


def main():
    parts = st.parts()
    errors = []
    for m in json.loads((ROOT / "data/catalog.json").read_text(encoding="utf-8")):
        part = st.part_of(parts, m["id"])
        for path, phrase in catalog_phrases(m):
            if phrase and st.missing_piece(phrase, part.text):
                errors.append(f"data/catalog.json {m['id']} {path}: not in {part.location}: "
                              f"{st.missing_piece(phrase, part.text)}")
    checked = 0
    for name, prefix in FILES.items():
        path = ROOT / "lib/measures" / name
        part = next(p for p in parts if p.prefix == prefix)
        for line, q, comment in comment_quotes(path.read_text(encoding="utf-8")):
            checked += 1
            missing = st.missing_piece(q, part.text)
            # A quotation of another part must name that part in its comment (附件1（九）…).
            for other in parts:
                if missing and other is not part and other.prefix and other.location in comment \
                        and not st.missing_piece(q, other.text):
                    missing = None
            if missing:
                errors.append(f"lib/measures/{name}:{line}: not the words of {part.location}: {missing}")
    for e in errors:
        print(e, file=sys.stderr)
    if checked < 100:
        print(f"only {checked} quotations found in lib/measures/*.c: the check reads them wrong", file=sys.stderr)
        return 1
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
