"""The `sentences` component: sentences, paragraphs, headings, sections, page furniture and the
document's own date.

Sentences are cut at a closing `.`, `!` or `?` (quotes and brackets after it kept) when the next
word opens a sentence, but not after abbreviations ("Lt Gen.", "U.S.", "Oct. 27", "No. 5",
"e.g."), initials or list numbers. A heading, a list item, a table row and every line that is
its own paragraph end a sentence; hard-wrapped lines are joined. A short bold or title-case
lead-in ("**Gao market.** A bomber...", "3.1 Kano. On the night...") stays with the sentence
it introduces.

Writes on the Document:
    doc.sentences: [(start, end)], end exclusive.
    doc.meta["paragraphs"], doc.meta["headings"]: [(start, end)].
    doc.meta["sections"]: [(start, end, heading text)], from each heading to the next.
    doc.meta["boilerplate"]: [(start, end)] regions that must yield no fact.
    doc.meta["datelines"]: [(start, iso)] the datelines, each dating the text after it.
    doc.meta["doc_date"]: ISO date of the document (metadata, its datelines or a dated header
        line), or None (also when two datelines disagree).
"""
from __future__ import annotations

import bisect
import re
from statistics import median

from sourcebook.extract._calendar import parse_date
from sourcebook.extract._layout import Datelines, Furniture, Line, heading_text, read_lines
from sourcebook.extract._lexicon import load_lexicon
from sourcebook.model import Document
from sourcebook.pipeline.registry import component

# words that open a sentence after an ambiguous abbreviation ("... in the U.S. The group ...")
OPENERS = {"The", "A", "An", "In", "On", "At", "It", "He", "She", "They", "We", "I", "This", "That",
           "These", "Those", "But", "And", "However", "Its", "His", "Her", "Their", "There", "After",
           "When", "While", "Since", "According", "Officials", "No", "Some", "Many"}
FUNCTION = {"a", "an", "the", "of", "in", "on", "at", "and", "for", "to", "by", "with", "de", "al", "el"}


class SentenceSplitter:
    """Splits a document's text into paragraphs and sentences (compiled once per component)."""

    def __init__(self):
        lex = load_lexicon("abbreviations")
        self.titles = set(lex["titles"])
        self.inner = set(lex["inner"])
        # a candidate end: closing punctuation, closing quotes/brackets/emphasis, then space
        self.end = re.compile(r"[.!?]+[\"'”’)\]*_]*(?=\s+[\"'“‘(\[*_]*[A-Z0-9À-Ý])")
        self.word_before = re.compile(r"([\w.'’-]+)$")

    def paragraphs(self, text: str, lines: list[Line]) -> list[tuple[int, int, str]]:
        """Paragraphs as `(content_start, end, kind)`: blank lines, headings, list items and
        table rows end one; the lines of a hard-wrapped block are joined."""
        out: list[tuple[int, int, str]] = []
        block: list[Line] = []

        def flush():
            if not block:
                return
            wrapped = self._wrapped(text, block)
            cur = None
            for ln in block:
                s = text[ln.content:ln.end].rstrip()
                if cur and (wrapped or s[:1].islower()) and ln.kind == "text":
                    cur[1] = ln.end
                else:
                    if cur:
                        out.append(tuple(cur))
                    cur = [ln.content, ln.end, ln.kind]
                if not wrapped and re.search(r"[.!?:;][\"'”’)\]*_]*\s*$", s):
                    out.append(tuple(cur))
                    cur = None
            if cur:
                out.append(tuple(cur))
            block.clear()

        for ln in lines:
            if ln.kind in ("blank", "rule"):
                flush()
            elif ln.kind in ("heading", "table"):
                flush()
                out.append((ln.content, ln.end, ln.kind))
            else:
                block.append(ln)
        flush()
        return [(s, _rstrip(text, s, e), k) for s, e, k in out if _rstrip(text, s, e) > s]

    @staticmethod
    def _wrapped(text: str, block: list[Line]) -> bool:
        """True for a hard-wrapped block: three or more lines of like length, most of them
        ending mid-sentence."""
        if len(block) < 3:
            return False
        lengths = [ln.end - ln.start for ln in block[:-1]]
        mid = median(lengths)
        open_ends = sum(1 for ln in block[:-1] if not re.search(r"[.!?:]\W*$", text[ln.start:ln.end]))
        like = sum(1 for n in lengths if abs(n - mid) <= 0.25 * mid)
        return 40 <= mid <= 110 and like >= 0.7 * len(lengths) and open_ends >= 0.5 * len(lengths)

    def sentences(self, text: str, start: int, end: int, kind: str) -> list[tuple[int, int]]:
        """The sentences of one paragraph."""
        if kind in ("heading", "table"):
            return [(start, end)]
        cuts = [start]
        for m in self.end.finditer(text, start, end):
            if self._breaks(text, start, m):
                cuts.append(m.end())
        cuts.append(end)
        spans = []
        for a, b in zip(cuts, cuts[1:]):
            while a < b and text[a].isspace():
                a += 1
            if b > a:
                spans.append((a, b))
        if len(spans) > 1 and self._lead_in(text, *spans[0]):
            spans[:2] = [(spans[0][0], spans[1][1])]
        return spans

    def _breaks(self, text: str, para_start: int, m: re.Match) -> bool:
        """Whether a candidate end really ends the sentence."""
        punct = m.group(0)
        if not punct.startswith("."):
            return True
        w = self.word_before.search(text, max(para_start, m.start() - 30), m.start())
        if not w:
            return True
        word = w.group(1).rstrip(".")
        nxt = re.match(r"\s+[\"'“‘(\[*_]*([\w.'’-]+)", text[m.end():m.end() + 40])
        following = nxt.group(1) if nxt else ""
        if word in self.titles:
            return False
        if word in self.inner:
            # "U.S." or "Jan." can end a sentence: only when a sentence opener follows
            return following in OPENERS and not following[:1].isdigit()
        if len(word) == 1 and word.isalpha() and word.isupper():
            return False  # an initial: "Abdul M. Rahman"
        if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word):
            return following in OPENERS  # dotted acronym ("U.N.") mid-sentence
        if w.start() == para_start and re.fullmatch(r"\d{1,3}(?:\.\d{1,3})*|[ivxlcIVXLC]{1,6}", word):
            return False  # a paragraph number
        return True

    @staticmethod
    def _lead_in(text: str, start: int, end: int) -> bool:
        """A bold lead-in, or a short title-case label ending with a period."""
        s = text[start:end].strip()
        if s.startswith("**") and s.endswith("**"):
            return True
        words = s.rstrip(".").split()
        if not s.endswith(".") or len(words) > 5:
            return False
        return all(w[:1].isupper() or w.lower() in FUNCTION for w in words)


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


@component("sentences", requires=["doc.text"],
           assigns=["doc.sentences", "doc.meta.paragraphs", "doc.meta.headings", "doc.meta.sections",
                    "doc.meta.boilerplate", "doc.meta.datelines", "doc.meta.doc_date"])
def make_sentences(codebook, **config):
    """Splits documents into sentences, paragraphs and sections, and finds page furniture and the document's date."""
    splitter = SentenceSplitter()
    furniture = Furniture()
    datelines = Datelines()

    def sentences(doc: Document) -> Document:
        text = doc.text
        lines = read_lines(text)
        paragraphs = splitter.paragraphs(text, lines)
        doc.sentences = [s for start, end, kind in paragraphs for s in splitter.sentences(text, start, end, kind)]
        doc.meta["paragraphs"] = [(start, end) for start, end, _ in paragraphs]
        headings = [(start, end) for start, end, kind in paragraphs if kind == "heading"]
        doc.meta["headings"] = headings
        bounds = [start for start, _ in headings] + [len(text)]
        doc.meta["sections"] = [(start, bounds[i + 1], heading_text(text[start:end]))
                                for i, (start, end) in enumerate(headings)]
        doc.meta["boilerplate"] = furniture.regions(text, lines)
        found, labelled = datelines.find(text, lines)
        doc.meta["datelines"] = found
        doc.meta["doc_date"] = _doc_date(doc.published, found, labelled)
        return doc

    return sentences


def _doc_date(published: str | None, datelines: list[tuple[int, str]], labelled: str | None) -> str | None:
    if published and (value := parse_date(str(published))) is not None:
        return value.iso()
    dates = {iso for _, iso in datelines}
    if len(dates) == 1:
        return dates.pop()
    if dates:
        return None  # several releases on one page: none of their dates is the page's
    return labelled


# -- helpers other components use ----------------------------------------------------------

def _find(spans, offset: int):
    i = bisect.bisect_right(spans, offset, key=lambda s: s[0]) - 1
    if i >= 0 and spans[i][0] <= offset < spans[i][1]:
        return spans[i]
    return None


def sentence_at(doc: Document, offset: int) -> tuple[int, int] | None:
    """The sentence `(start, end)` that holds `offset`, or None."""
    return _find(doc.sentences, offset)


def paragraph_at(doc: Document, offset: int) -> tuple[int, int] | None:
    """The paragraph `(start, end)` that holds `offset`, or None."""
    return _find(doc.meta.get("paragraphs", []), offset)


def section_at(doc: Document, offset: int) -> tuple[int, int, str] | None:
    """The section `(start, end, heading)` that holds `offset`, or None before the first heading."""
    return _find(doc.meta.get("sections", []), offset)


def in_boilerplate(doc: Document, start: int, end: int) -> bool:
    """True when `[start, end)` overlaps page furniture."""
    regions = doc.meta.get("boilerplate", [])
    i = bisect.bisect_right(regions, end - 1, key=lambda r: r[0]) - 1
    return i >= 0 and regions[i][1] > start


def dateline_date(doc: Document, offset: int) -> str | None:
    """The date that dates `offset`: the last dateline before it, else the document's date."""
    lines = doc.meta.get("datelines") or []
    i = bisect.bisect_right(lines, offset, key=lambda line: line[0]) - 1
    if i >= 0:
        return lines[i][1]
    return doc.meta.get("doc_date")


__all__ = ["make_sentences", "SentenceSplitter", "sentence_at", "paragraph_at", "section_at",
           "in_boilerplate", "dateline_date"]
