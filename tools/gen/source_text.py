# SPDX-License-Identifier: MulanPSL-2.0
"""The text of 东府〔2024〕1号 as kept in data/source/, for the generators and
checks under tools/gen/.

`parts()` gives each part (opinion, 附件1–5, colophon) with its text, whitespace
removed (the published layout breaks lines and pages, sometimes inside a word),
and the paragraphs it is made of.  `quoted()` tells whether a quotation is in a
text: the pieces between ellipses (……) must each be found, in order.
"""
import hashlib
import json
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parents[2]
SOURCE = ROOT / "data/source"
WHITESPACE = re.compile(r"[\s\u3000\u00a0]+")
ELLIPSIS = re.compile(r"…+")
# A paragraph goes on past a line break when its line does not end a sentence
# (a page break of the published layout).
SENTENCE_END = tuple("。；：！？”）〕」")


def squeeze(text):
    return WHITESPACE.sub("", text)


class Part:
    def __init__(self, meta, raw):
        self.meta = meta
        self.prefix = meta["prefix"]
        self.location = meta["location"]
        self.raw = raw
        self.paragraphs = []          # (start offset in self.text, squeezed text)
        current = ""
        for line in raw.splitlines():
            line = squeeze(line)
            if not line:
                continue
            current += line
            if current.endswith(SENTENCE_END) or re.fullmatch(r"附件\d", current) or len(current) < 40:
                self._close(current)
                current = ""
        if current:
            self._close(current)
        self.text = "".join(p for _, p in self.paragraphs)
        assert self.text == squeeze(raw)

    def _close(self, paragraph):
        start = sum(len(p) for _, p in self.paragraphs)
        self.paragraphs.append((start, paragraph))


def document():
    return json.loads((SOURCE / "document.json").read_text(encoding="utf-8"))


def parts():
    doc = document()
    raw = [(p, (SOURCE / p["file"]).read_text(encoding="utf-8")) for p in doc["parts"]]
    whole = "".join(r for _, r in raw).encode("utf-8")
    if hashlib.sha256(whole).hexdigest() != doc["sha256"]:
        raise SystemExit("data/source: the parts are not the published text (sha256 differs)")
    return [Part(p, r) for p, r in raw]


def part_of(all_parts, measure_id):
    prefix = measure_id.split(".")[0]
    for p in all_parts:
        if p.prefix == prefix:
            return p
    raise KeyError(measure_id)


def pieces(quote):
    return [q for q in ELLIPSIS.split(squeeze(quote)) if q]


def find(quote, text):
    """The (start, end) spans of the pieces of `quote` in `text`, in order, or
    None when a piece is missing."""
    spans, at = [], 0
    for q in pieces(quote):
        i = text.find(q, at)
        if i < 0:
            i = text.find(q)      # a quotation may also reorder its pieces
            if i < 0:
                return None
        spans.append((i, i + len(q)))
        at = i + len(q)
    return spans


def missing_piece(quote, text):
    for q in pieces(quote):
        if q not in text:
            return q
    return None
