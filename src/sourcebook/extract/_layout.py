"""The layout of a document's text: its lines and what each one is (heading, list item, table
row, rule), the page furniture to leave alone, and the datelines that date it.

The `sentences` component reads these; they are kept apart so that sentences.py holds only the
splitting of prose.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from sourcebook.extract._calendar import get_calendar
from sourcebook.extract._lexicon import alternation, load_lexicon
from sourcebook.model import DateValue

# a list marker: "- ", "* ", "• ", "1. ", "1.1 ", "(a) ", "3) ", "III. ", "C. "
MARKER = re.compile(r"(?:[-*•▪●◦‣–]\s+|\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-z]|[ivxlcIVXLC]{1,6}|[A-Z])[.)]\s+"
                    r"|\d{1,3}(?:\.\d{1,3})+\s+)")
HASHES = re.compile(r"#{1,6}\s+")
RULE = re.compile(r"[-*_=·•~]{3,}")
TABLE_SEP = re.compile(r"\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?")
TERMINAL = re.compile(r"[.!?:;,][\"'”’)\]*_]*$")
LETTERS = re.compile(r"[^\W\d_]")


@dataclass(slots=True)
class Line:
    """One line of the text.

    Attributes:
        start, end: offsets of the line without its newline.
        content: offset where its words begin (after a list marker or '#'s).
        kind: `blank`, `rule`, `heading`, `item` (list item or numbered paragraph), `table`
            (a row of a table) or `text`.
    """

    start: int
    end: int
    content: int
    kind: str


def read_lines(text: str) -> list[Line]:
    """Every line of `text`, classified."""
    lines, pos = [], 0
    for raw in text.split("\n"):
        start, end = pos, pos + len(raw)
        pos = end + 1
        s = raw.strip()
        if not s:
            lines.append(Line(start, end, start, "blank"))
            continue
        lead = len(raw) - len(raw.lstrip())
        content = start + lead
        if RULE.fullmatch(s) or TABLE_SEP.fullmatch(s) and "-" in s:
            kind = "rule"
        elif s.startswith("|") or s.count(" | ") >= 2:
            kind = "table"
        elif m := HASHES.match(s):
            kind, content = "heading", content + m.end()
        elif m := MARKER.match(s):
            rest = s[m.end():]
            content += m.end()
            kind = "heading" if _heading_like(rest) and not s[0] in "-*•▪●◦‣–" else "item"
        else:
            kind = "heading" if _heading_like(s) else "text"
        lines.append(Line(start, end, content, kind))
    return lines


def _heading_like(s: str) -> bool:
    """A short line with no closing punctuation, an ALL-CAPS line, or a bold-only line."""
    words = s.split()
    if not words or not LETTERS.search(s):
        return False
    if s.startswith("**") and s.endswith("**") and s.count("**") == 2:
        return len(words) <= 15
    letters = LETTERS.findall(s)
    if sum(c.isupper() for c in letters) >= 0.8 * len(letters) and len(letters) >= 3 and len(words) <= 20:
        return True
    if len(words) > 12 or TERMINAL.search(s) or ";" in s or not (s[0].isupper() or s[0].isdigit() or s[0] in "\"“'‘*"):
        return False
    if s.lower().startswith("by ") or get_calendar().absolute.fullmatch(s.strip("*_ ")):
        return False  # bylines and date lines are not headings
    return True


def heading_text(text: str) -> str:
    """A heading's words, without '#', list numbering or emphasis marks."""
    s = HASHES.sub("", text.strip(), count=1)
    s = MARKER.sub("", s, count=1) if MARKER.match(s) and not s.startswith(("- ", "* ")) else s
    return s.strip(" *_#").strip()


class Furniture:
    """Finds page furniture: wire slugs, sign-offs, share and log-in prompts, navigation rows,
    copyright and page-number lines, and whole sections such as "See also" (furniture.yaml)."""

    MAX_WORDS = 15  # a furniture phrase marks a line only when the line is this short

    def __init__(self):
        lex = load_lexicon("furniture")
        self.phrase = re.compile(alternation(lex["phrases"]), re.I)
        self.lines = re.compile("|".join(f"(?:{p})" for p in lex["lines"]), re.I)
        self.sections = set(lex["sections"])
        self.navigation = re.compile(rf"\b{alternation(lex['navigation'])}\b", re.I)

    def regions(self, text: str, lines: list[Line]) -> list[tuple[int, int]]:
        """Furniture regions of the text, merged and sorted."""
        out: list[tuple[int, int]] = []
        section_end: int | None = None
        for i, line in enumerate(lines):
            if line.kind == "blank":
                continue
            s = text[line.start:line.end].strip()
            if line.kind == "heading":
                section_end = None
                if re.sub(r"\s*\(\d+\)$", "", heading_text(s).lower().rstrip(":")) in self.sections:
                    # the section runs to the next heading that is not furniture itself
                    section_end = next((ln.start for ln in lines[i + 1:] if ln.kind == "heading"
                                        and not self.is_furniture(text[ln.start:ln.end].strip())), len(text))
                    out.append((line.start, section_end))
                    continue
            if section_end is not None and line.start < section_end:
                continue
            if self.is_furniture(s):
                out.append((line.start, line.end))
        return merge(out)

    def is_furniture(self, s: str) -> bool:
        """True for a line (stripped) that is furniture as a whole."""
        bare = s.strip("*_ ")
        if self.lines.fullmatch(bare) or self.lines.fullmatch(s):
            return True
        if len(s.split()) <= self.MAX_WORDS and self.phrase.search(s):
            return True
        if " | " in s and not s.startswith("|"):
            cells = [c.strip(" <>«»") for c in s.split("|")]
            if all(len(c.split()) <= 6 for c in cells):
                if self.navigation.search(s):
                    return True
                letters = LETTERS.findall(s)
                return sum(c.isupper() for c in letters) >= 0.9 * len(letters)
        return False


def merge(regions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted regions with overlapping or touching ones joined."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(regions):
        if out and start <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


class Datelines:
    """Finds the datelines of a text ("PESHAWAR, Pakistan, March 4, 2022 —", "Rawalpindi –
    June 15, 2014", a date alone under a header) and the document's own date."""

    HEADER_LINES = 8      # lines at the top of the text that may carry its date
    AFTER_RULE_LINES = 4  # ... and at the top of each part after a horizontal rule

    def __init__(self):
        self.cal = get_calendar()
        place = r"[A-Z][\w.'’-]*(?:[ ][A-Z][\w.'’-]*){0,3}"
        lead = (rf"(?P<place>{place}(?:,\s*{place}){{0,2}})(?:\s*\([^)\n]{{1,30}}\))?"
                r"(?:,\s*|\s+[–—-]\s+|\s+)")
        self.line = re.compile(rf"{lead}(?P<date>{self.cal.absolute.pattern})(?P<tail>(?:\s*\([^)\n]{{1,30}}\))?\s*(?:[—–-]|:|$))")
        self.label = re.compile(r"(?:(?:last\s+)?(?:updated|edited|modified|published|posted|issued|released)"
                                r"(?:\s+on)?|date[d:]?|as\s+of)\s*:?\s*", re.I)

    def find(self, text: str, lines: list[Line]) -> tuple[list[tuple[int, str]], str | None]:
        """The datelines `[(start, iso)]` and the date of a labelled line ("Updated 15 April
        2024", "This page was last edited on ...") anywhere, as a fallback."""
        found: list[tuple[int, str]] = []
        labelled: str | None = None
        budget = self.HEADER_LINES
        for line in lines:
            if line.kind == "blank":
                continue
            if line.kind == "rule":
                budget = self.AFTER_RULE_LINES
                continue
            s = text[line.start:line.end]
            if budget > 0:
                budget -= 1
                value = self._header_date(s)
                if value is not None:
                    found.append((line.start, value.iso()))
                    continue
            value = self._dateline(s)
            if value is not None:
                found.append((line.start, value.iso()))
            elif labelled is None and (m := self.label.search(s)):
                d = self.cal.absolute.match(s, m.end())
                if d and (v := self.cal.from_match(d)) is not None and v.day:
                    labelled = v.iso()
        return found, labelled

    def _dateline(self, s: str) -> DateValue | None:
        """The date of a line opening with "PLACE[, Country], DATE —"."""
        m = self.line.match(s)
        if not m:
            return None
        value = self.cal.from_match(m)
        if value is None or not value.day:
            return None
        strong = m.group("place").split(",")[0].isupper() or m.end("date") == len(s.rstrip())
        return value if strong else None

    def _header_date(self, s: str) -> DateValue | None:
        """The date of a header line that is a date, or cells of which one is ("Updated 28 June 2021")."""
        for cell in re.split(r"\s[|·•]\s", s.strip("*_ ")):
            cell = cell.strip("*_ ")
            m = self.label.match(cell)
            rest = cell[m.end():] if m else cell
            d = self.cal.absolute.fullmatch(rest.rstrip(". "))
            if d and (v := self.cal.from_match(d)) is not None and v.day:
                return v
        return self._dateline(s)


__all__ = ["Line", "read_lines", "heading_text", "Furniture", "Datelines", "merge"]
