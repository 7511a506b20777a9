"""The `quantities` component: figures with their qualifier, range and the noun they count.

A figure is written in digits ("1,500", "2.5 million", "183+") or words ("seven", "two
million", "a dozen"), alone or as a range ("300-400", "1,500 to 2,200", "between 7,000 and
8,500"), with a qualifier before it ("up to", "at least", "an estimated") or after it ("or
more"), normalised as qualifiers.yaml says. Its noun is the phrase of up to four words after it
("police cadets", "IS-K militants and supporters").

Not figures: years and the numbers of dates (the `dates` mentions), times ("10:50", "4 p.m."),
ordinals ("24th"), numbers in names ("Resolution 1267", "Executive Order 13224"), list numbers,
vague plurals ("dozens", "hundreds"), and anything in page furniture.

Writes `Mention("quantity", span, Quantity(low, high, qualifier), data={"noun": str | None,
...})`; `data` may also hold `percent`, `currency`, `partitive` ("23 of the dead") and
`attributive` ("a 60-page letter").
"""
from __future__ import annotations

import bisect
import re

from sourcebook.extract._calendar import get_calendar
from sourcebook.extract._layout import merge
from sourcebook.extract._lexicon import alternation, load_lexicon
from sourcebook.extract._numbers import number_words
from sourcebook.extract.sentences import in_boilerplate
from sourcebook.model import Document, Mention, Quantity
from sourcebook.pipeline.registry import component

NOUN_WORDS = 4


class QuantityFinder:
    """Finds the figures of a text (regexes compiled once)."""

    def __init__(self):
        quals = load_lexicon("qualifiers")
        nums = load_lexicon("number_words")
        self.before = {k.lower(): v for k, v in quals["before"].items()}
        self.after = {k.lower().lstrip("-"): v for k, v in quals["after"].items()}
        self.suffix = quals["suffix"]
        self.name_words = set(nums["name_words"])
        self.pronoun_one = set(nums["pronoun_one_before"])
        self.stop = set(nums["noun_stop"])
        self.time_words = set(nums["time_words"])
        self.numbers = number_words()
        num = f"(?i:{self.numbers.pattern})"
        qual = alternation(self.before)
        after = alternation([k for k in self.after if k != "plus"])
        self.figure = re.compile(
            rf"(?i:(?P<qual>\b{qual})\s+)?(?i:(?P<between>\bbetween|\bfrom)\s+)?"
            rf"(?<![\w/:.,#-])(?P<cur>(?:US)?[$€£])?\s?(?P<a>{num})(?![\w/]|[:.,]\d)"
            rf"(?:\s*(?(between)(?i:and|to|-|–|—)|(?i:-|–|—|to))\s*(?:US)?[$€£]?\s?(?P<b>{num})(?![\w/]|[:.,]\d))?"
            rf"(?P<plus>\+)?(?P<pct>\s?%|\s+per\s?cent\b|\s+percent\b)?"
            rf"(?i:\s*(?P<after>-plus\b|\s{after}\b))?", re.UNICODE)
        self.word = re.compile(r"\s*([A-Za-z][\w.'’&-]*|%)")
        self.line_start = re.compile(r"(?:^|\n)[ \t(]*$")

    def find(self, doc: Document, excluded: list[tuple[int, int]]) -> list[Mention]:
        text = doc.text
        out: list[Mention] = []
        for m in self.figure.finditer(text):
            start = m.start("qual") if m.group("qual") else m.start("between") if m.group("between") else m.start("cur") if m.group("cur") else m.start("a")
            end = m.end()
            if _overlaps(excluded, m.start("a"), m.end("b" if m.group("b") else "a")):
                continue
            if in_boilerplate(doc, start, end) or not self._is_figure(text, m):
                continue
            low = self.numbers.value(m.group("a"))
            high = self.numbers.value(m.group("b")) if m.group("b") else low
            if low is None or high is None:
                continue
            if m.group("b") and high < low:
                continue  # "22-01196", "5-3": a code or a score
            low, high = self._scaled(m, low, high)
            if low != int(low) or high != int(high):
                continue  # "two and a half": no whole figure to keep
            qualifier = self._qualifier(m)
            data = self._noun(text, end)
            if m.group("pct"):
                data = {"noun": "%", "percent": True}
            if m.group("cur"):
                data["currency"] = m.group("cur")
            span = doc.span(start, end)
            out.append(Mention("quantity", span, Quantity(int(low), int(high), qualifier), data))
        return out

    def _is_figure(self, text: str, m: re.Match) -> bool:
        a = m.group("a")
        if a[0] == "0" and len(a) > 1 and a[1].isdigit():
            return False  # "01196": a code
        before = text[max(0, m.start("a") - 30):m.start("a")]
        prev = re.search(r"([\w.]+)[\s()]*$", before)
        if prev and prev.group(1).lower() in self.name_words:
            return False  # "Resolution 1267", "E.O. 13224"
        nxt = text[m.end():m.end() + 8].split()
        if nxt and nxt[0].lower().rstrip(",;") in self.time_words:
            return False  # "4 p.m."
        if self.line_start.search(text, max(0, m.start() - 12), m.start()) and not m.group("qual"):
            after_a = text[m.end("a"):m.end("a") + 2]
            if re.match(r"[.)]\s", after_a) or re.fullmatch(r"\d+\.\d+", a) and after_a[:1] == " ":
                return False  # a list number: "61. Member States...", "1.1 The movement..."
        if a.lower() == "one" and not m.group("b"):
            words = before.lower().split()
            if words and words[-1] in self.pronoun_one or text[m.end():m.end() + 8].lower().strip().startswith("another"):
                return False  # "no one", "the one that", "one another"
        return True

    def _scaled(self, m: re.Match, low: float, high: float) -> tuple[float, float]:
        """ "1.5 to 2 million": the scale word of the second figure applies to the first."""
        b, a = m.group("b"), m.group("a")
        if not b or re.search(r"[a-z]{2}", a, re.I):
            return low, high
        scale = self.numbers.scales.get(b.split()[-1].lower(), 1) if len(b.split()) > 1 else 1
        if scale > 1 and low * scale <= high:
            return low * scale, high
        return low, high

    def _qualifier(self, m: re.Match) -> str | None:
        if m.group("qual"):
            return self.before.get(" ".join(m.group("qual").lower().split()))
        if m.group("plus"):
            return self.suffix.get("+")
        if m.group("after"):
            return self.after.get(" ".join(m.group("after").lower().lstrip("-").split()))
        return None

    def _noun(self, text: str, end: int) -> dict:
        """The noun phrase after a figure: up to four words, ending at a function word."""
        if text[end:end + 1] == "-" and (w := re.match(r"-([A-Za-z][\w-]*)", text[end:end + 30])):
            return {"noun": w.group(1), "attributive": True}  # "a 60-page letter"
        data: dict = {"noun": None}
        pos = end
        partitive = re.match(r"\s+of\s+(?:the|its|their|whom|them|those)\b", text[pos:pos + 20])
        if partitive:
            data["partitive"] = True
            if partitive.group(0).split()[-1] in ("them", "whom", "those"):
                return data
            pos += partitive.end()
        words: list[str] = []
        while len(words) < NOUN_WORDS:
            w = self.word.match(text, pos)
            if not w or "\n" in text[pos:w.start(1)]:
                break
            token = w.group(1)
            low = token.lower().rstrip(".,;:")
            if low == "and" and words:
                nxt = self.word.match(text, w.end())
                if nxt and nxt.group(1).lower() not in self.stop and not re.search(r"(?:ing|ed)$", nxt.group(1)):
                    words.append(token)
                    pos = w.end()
                    continue
                break
            if low in self.stop and not (not words and low in ("dead", "others", "wounded", "injured")):
                break
            if words and token[:1].islower() and re.search(r"(?:ing|ed)$", low):
                break  # "people wounded", "cadets killed"
            abbreviation = re.fullmatch(r"(?:[A-Za-z]\.){2,}", token) is not None  # "U.S."
            words.append(token if abbreviation else token.rstrip(".,;:"))
            pos = w.end()
            if token[-1] in ",;:" or token[-1] == "." and not abbreviation or text[pos:pos + 1] in ",;:.)(" or text[pos:pos + 2] == "'s":
                break
        if words and words[-1].lower() == "and":
            words.pop()
        data["noun"] = " ".join(words) or None
        return data


def _overlaps(regions: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether `[start, end)` overlaps one of the sorted, disjoint `regions`."""
    i = bisect.bisect_right(regions, end - 1, key=lambda r: r[0]) - 1
    return i >= 0 and regions[i][1] > start


@component("quantities", requires=["doc.sentences", "doc.mentions"], assigns=["doc.mentions"])
def make_quantities(codebook, **config):
    """Finds figures with their qualifiers, ranges and counted nouns (not years, times or names)."""
    finder = QuantityFinder()
    cal = get_calendar()

    def quantities(doc: Document) -> Document:
        dates = [(m.start, m.end) for m in doc.mentions if m.label == "date"]
        if not dates:  # run alone: keep the numbers of written-out dates out all the same
            dates = [(f.start, f.end) for f in cal.find_absolute(doc.text)]
        # a day and month the narrative could not date is still no figure ("on March 14")
        dates += [m.span() for rx in (cal.partial_dm, cal.partial_md) for m in rx.finditer(doc.text)]
        doc.mentions.extend(finder.find(doc, merge(dates)))
        return doc

    return quantities


__all__ = ["make_quantities", "QuantityFinder"]
