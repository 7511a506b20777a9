"""The `dates` component: every date expression, absolute or relative, resolved to a DateValue
at the precision the text gives.

Absolute dates ("8 March 2017", "Oct. 27, 2020", "May 2017", "in 2014", "mid-2020") stand on
their own. Relative ones are resolved against the narrative: the last explicit date before
them ("In November of the same year", "a month later", "Fifteen months earlier", "the following
year", "Three days after the bombing", "The same day", "that June", "27 August"), or against
the date of the document or of the dateline they stand under ("on Monday", "today",
"yesterday", "last August", "this year"). A result is never finer than its words: "a month
later" gives a month, "the following year" a year.

Writes `Mention("date", span, DateValue, data={"how": "absolute" | "relative" | "weekday" |
"document", "anchor": iso or None})` for each, skipping page furniture.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from sourcebook.extract._calendar import (Found, add_days, add_months, at_precision, get_calendar,
                                          last_weekday, parse_date, to_date)
from sourcebook.extract._lexicon import alternation, load_lexicon
from sourcebook.extract._numbers import number_words
from sourcebook.extract.sentences import dateline_date, in_boilerplate, paragraph_at, sentence_at
from sourcebook.model import DateValue, Document, Mention
from sourcebook.pipeline.registry import component

PRIORITY = {"absolute": 0, "partial": 1, "relative": 2, "document": 2, "weekday": 3, "year": 4}


@dataclass(slots=True)
class Candidate:
    """A date expression before resolution: its span, its kind and how to resolve it."""

    start: int
    end: int
    kind: str                     # absolute, partial, year, relative, document, weekday
    value: DateValue | None = None
    rule: tuple = ()
    data: dict = field(default_factory=dict)


class DateFinder:
    """Finds and resolves the date expressions of a text (regexes compiled once)."""

    def __init__(self):
        cal = self.cal = get_calendar()
        nums = load_lexicon("number_words")
        self.count_nouns = set(nums["count_nouns"])
        self.name_words = set(nums["name_words"])
        self.year_before = set(nums["year_before"])
        self.qualifier_words = {w for q in load_lexicon("qualifiers")["before"] for w in q.split()[-1:]}
        n = number_words()
        self.number = n
        months = cal.months
        unit = r"(?P<unit>day|week|fortnight|month|year|decade)s?"
        count = rf"(?P<n>{n.pattern}|an?)"
        def i(p: str) -> str:  # a case-insensitive part (month and weekday names keep their capital)
            return f"(?i:{p})"

        same_year = i(r"(?:the\s+same|that)\s+year")
        direction = i(r"later|earlier|after(?:wards)?|before|on|previously|ago|prior")
        which_next = i(r"the\s+(?P<which>following|next|previous|preceding|subsequent|same)")
        unit_next = i(r"(?P<unit>day|morning|afternoon|evening|night|week|month|year)")
        which_month = i(r"(?P<which>that|the\s+following|the\s+previous|the\s+next)")
        which_year = i(r"(?P<which>last|this|next)\s+year")
        which_deictic = i(r"(?P<which>last|this|next)")
        early = i("early|mid|late")
        month_before = i(alternation(cal.month_before))
        rel = [
            ("month_of_year", rf"(?P<m>{months})\s+(?:of\s+)?{same_year}"),
            ("offset", rf"{i(count)}\s+{i(unit)}\s+(?P<dir>{direction})\b"),
            ("next", rf"{which_next}\s+{unit_next}\b"),
            ("unit_dir", i(r"the\s+(?P<unit>day|week|month|year)\s+(?P<dir>after|before)\b")),
            ("same", i(r"(?:(?P<lat>later|earlier)\s+(?:that|the\s+same|in\s+that|in\s+the\s+same)|that)\s+"
                       r"(?P<unit>day|night|morning|afternoon|evening|month|year)\b")),
            ("that_month", rf"{which_month}\s+(?P<m>{months})\b"),
            ("doc_month_year", rf"(?P<m>{months})\s+{which_year}\b"),
            ("doc_month", rf"{which_deictic}\s+(?P<m>{months})\b"),
            ("doc_unit", i(r"(?:(?:later|earlier)\s+)?(?P<which>last|this|next)\s+(?P<unit>year|month|week)\b")),
            ("in_the", i(r"(?:earlier|later)\s+in\s+the\s+(?P<unit>day|week|month|year)\b")),
            ("today", i(r"(?P<w>today|yesterday|tonight|this\s+morning|this\s+afternoon|this\s+evening|last\s+night)\b")),
            ("bare_month", rf"{month_before}\s+(?:(?P<em>{early})[-\s]+)?(?P<m>{months})\b(?!\s*,?\s*\d)"),
        ]
        self.relative = [(name, re.compile(rf"(?<![\w-]){p}")) for name, p in rel]
        self.weekday = re.compile(
            rf"(?:(?P<pre>{i(alternation(cal.weekday_before))})\s+)?\b(?P<wd>{cal.weekdays})(?P<poss>['’]s)?\b"
            rf"(?:\s+(?P<post>{alternation(cal.weekday_after)})\b)?")
        self.appositive = re.compile(r"\s*,?\s*(?:on\s+|in\s+)?")
        # "after the Gao bombing": the words naming the event a relative date counts from
        self.event_after = re.compile(r"\s+(?:(?:the|that|this)\s+)?([^.;:,()\n|]{1,60})")
        self.proper = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*[a-z][\w'’-]*")
        self.calendar_words = {w.lower() for w in cal.month_of} | set(cal.weekday_of)
        # a regular past ends in -ed ("need", "speed" do not count; names are capitalised)
        self.past = re.compile(rf"\b(?:[a-z]\w*[^\We]ed|{alternation(cal.past_tense)})\b")
        self.clause = re.compile(r"[,;:—–()]")
        self.skip_before = re.compile(
            r"(?i:\b(?:within|for|over|in|of|past|last|next|every|about|some|the|than|nearly|almost|under|around)\s+)$")

    # -- finding ----------------------------------------------------------------------------

    def find(self, text: str) -> list[Candidate]:
        """Every date expression, overlaps resolved (longest first, then absolute before relative)."""
        cands = [Candidate(f.start, f.end, "absolute", f.value, data=_mod(f)) for f in self.cal.find_absolute(text)]
        cands += self._partials(text)
        cands += self._years(text)
        for name, rx in self.relative:
            for m in rx.finditer(text):
                c = self._relative(name, m, text)
                if c:
                    cands.append(c)
        cands += self._weekdays(text)
        cands.sort(key=lambda c: (c.start, -(c.end - c.start), PRIORITY[c.kind]))
        out: list[Candidate] = []
        for c in cands:
            if out and c.start < out[-1].end:
                continue
            out.append(c)
        return [c for i, c in enumerate(out) if not self._appositive(text, c, out[i + 1:i + 2])]

    def _appositive(self, text: str, c: Candidate, following: list[Candidate]) -> bool:
        """A relative date restated at once by an explicit one ("Two days later, on 29 August")."""
        if c.kind not in ("relative", "weekday", "document") or not following:
            return False
        nxt = following[0]
        gap = self.appositive.fullmatch(text, c.end, nxt.start)
        return bool(gap) and nxt.kind in ("absolute", "partial")

    def _partials(self, text: str) -> list[Candidate]:
        out = []
        for rx in (self.cal.partial_dm, self.cal.partial_md):
            for m in rx.finditer(text):
                day = int(m.group("d"))
                if not 1 <= day <= 31:
                    continue
                after = text[m.end():m.end() + 20].split()
                if rx is self.cal.partial_md and after and after[0].strip(",.;").lower() in self.count_nouns:
                    continue  # "In March 15 people were killed"
                out.append(Candidate(m.start(), m.end(), "partial", rule=(self.cal.month(m.group("m")), day)))
        return out

    def _years(self, text: str) -> list[Candidate]:
        out, last_end = [], -10
        for m in self.cal.year.finditer(text):
            before = text[max(0, m.start() - 25):m.start()]
            prev = re.search(r"([\w.$€£(]+)\s*$", before)
            prev_word = prev.group(1).lower() if prev else ""
            after = text[m.end():m.end() + 25].split()
            next_word = after[0].strip(",.;:)").lower() if after else ""
            start, mod = self.cal.modified(text, m.start())
            if prev_word in self.name_words or prev_word[-1:] in ("$", "€", "£"):
                continue
            in_range = re.fullmatch(r"\s*(?:[–—-]|to|and|until)\s*", text[last_end:m.start()] or "x") is not None
            temporal = mod or in_range or prev_word in self.year_before or before.rstrip().endswith("(")
            if not temporal and (prev_word in self.qualifier_words or next_word in self.count_nouns):
                continue
            out.append(Candidate(start, m.end(), "year", DateValue(int(m.group("y"))),
                                 data={"modifier": mod} if mod else {}))
            last_end = m.end()
        return out

    def _relative(self, name: str, m: re.Match, text: str) -> Candidate | None:
        g = m.groupdict()
        if name == "offset":
            if self.skip_before.search(text, max(0, m.start() - 12), m.start()):
                return None  # "within two days", "for three years"
            amount = 1.0 if g["n"].lower() in ("a", "an") else self.number.value(g["n"])
            if amount is None:
                return None
            sign = -1 if g["dir"].lower() in ("earlier", "before", "previously", "ago", "prior") else 1
            kind = "document" if g["dir"].lower() == "ago" else "relative"
            return Candidate(m.start(), m.end(), kind, rule=("offset", g["unit"].lower(), sign * amount),
                             data=self._event(text, m.end()) if g["dir"].lower() in ("after", "before") else {})
        if name == "next":
            which, unit = g["which"].lower(), g["unit"].lower()
            unit = "day" if unit in ("morning", "afternoon", "evening", "night") else unit
            step = {"following": 1, "next": 1, "subsequent": 1, "previous": -1, "preceding": -1, "same": 0}[which]
            return Candidate(m.start(), m.end(), "relative", rule=_calendar_unit(unit, step))
        if name == "unit_dir":
            step = 1 if g["dir"].lower() == "after" else -1
            return Candidate(m.start(), m.end(), "relative", rule=("offset", g["unit"].lower(), step),
                             data=self._event(text, m.end()))
        if name == "same":
            unit = g["unit"].lower()
            unit = "day" if unit in ("night", "morning", "afternoon", "evening") else unit
            return Candidate(m.start(), m.end(), "relative", rule=("offset", unit, 0))
        if name == "in_the":
            return Candidate(m.start(), m.end(), "relative", rule=_calendar_unit(g["unit"].lower(), 0))
        if name == "month_of_year":
            return Candidate(m.start(), m.end(), "relative", rule=("month", self.cal.month(g["m"]), "same"))
        if name == "that_month":
            which = " ".join(g["which"].lower().split())
            return Candidate(m.start(), m.end(), "relative", rule=("month", self.cal.month(g["m"]), which))
        if name == "doc_month_year":
            return Candidate(m.start(), m.end(), "document",
                             rule=("month_year", self.cal.month(g["m"]), g["which"].lower()))
        if name == "doc_month":
            return Candidate(m.start(), m.end(), "document", rule=("month_deictic", self.cal.month(g["m"]), g["which"].lower()))
        if name == "doc_unit":
            step = {"last": -1, "this": 0, "next": 1}[g["which"].lower()]
            return Candidate(m.start(), m.end(), "document", rule=_calendar_unit(g["unit"].lower(), step))
        if name == "today":
            w = " ".join(g["w"].lower().split())
            return Candidate(m.start(), m.end(), "document", rule=("offset", "day", -1 if w in ("yesterday", "last night") else 0))
        if name == "bare_month":
            # the span starts at the month (or its "early"), so that a longer form from there wins
            start = m.start("em") if g["em"] else m.start("m")
            # "since January" measures up to the time of writing, not from the last date told
            which = "since" if _SINCE.search(text, max(0, start - 8), start) else "bare"
            return Candidate(start, m.end(), "relative", rule=("month", self.cal.month(g["m"]), which))
        return None

    def _event(self, text: str, end: int) -> dict:
        """The names in "after the Gao bombing" / "before that Kabul attack": the event the
        date counts from, which need not be the last one dated."""
        m = self.event_after.match(text, end)
        if not m:
            return {}
        if not (m.group(0).lstrip()[:1].isupper() or m.group(0).split()[0].lower() in ("the", "that", "this")):
            return {}
        names = [w for w in self.proper.findall(m.group(1)) if w.lower() not in self.calendar_words]
        return {"event": names} if names else {}

    def _weekdays(self, text: str) -> list[Candidate]:
        out = []
        for m in self.weekday.finditer(text):
            pre, poss, post = m.group("pre"), m.group("poss"), m.group("post")
            sentence_start = re.search(r"(?:^|[.!?]\s+|\n)$", text[max(0, m.start() - 3):m.start()])
            opener = sentence_start and text[m.end():m.end() + 1] == ","
            if not (pre or poss or post or opener):
                continue  # "Friday prayers", "Sunday service"
            strictly = bool(pre) and pre.lower() == "last"
            end = m.end() if post else m.end("wd")
            out.append(Candidate(m.start(), end, "weekday",
                                 rule=("weekday", self.cal.weekday_of[m.group("wd").lower()], strictly)))
        return out

    # -- resolving --------------------------------------------------------------------------

    def resolve(self, doc: Document, cands: list[Candidate]) -> list[Mention]:
        """Resolve candidates in reading order against the narrative and the document date.

        The narrative's anchor is the last date written, with two limits: a date that opens a
        list item or a table row anchors only that row (notes after a chronology do not count
        from its last line), and "after the Gao bombing" counts from the date of the sentence
        that told of Gao, or stays unresolved when none did.
        """
        out: list[Mention] = []
        anchor: DateValue | None = None
        anchor_at = -1
        row: tuple[int, int] | None = None          # the row the anchor dates, when it opens one
        told: list[tuple[int, int, DateValue]] = []  # sentences with the first date each gives
        for c in cands:
            if in_boilerplate(doc, c.start, c.end):
                continue
            here = paragraph_at(doc, c.start)
            ref_iso = dateline_date(doc, c.start)
            ref = parse_date(ref_iso) if ref_iso else None
            value, how, base = None, c.kind, None
            if c.kind in ("absolute", "year"):
                value, how = c.value, "absolute"
            elif c.kind == "partial":
                month, day = c.rule
                value, base = self._partial(month, day, anchor, ref), anchor or ref
                how = "relative"
            elif c.kind == "weekday":
                if ref and ref.day:
                    value, base = last_weekday(ref, c.rule[1], c.rule[2]), ref
            elif c.kind == "document":
                if not self._generic_today(doc, c):
                    value, base = self._apply(c.rule, ref), ref
            else:
                if "event" in c.data:
                    base = self._told(doc, c.data["event"], c.start, told)
                elif c.rule[2:] == ("since",) and ref and ref.month and here != paragraph_at(doc, anchor_at):
                    base, how = ref, "document"
                elif row and row[0] <= c.start < row[1] or here == paragraph_at(doc, anchor_at):
                    base = anchor
                else:
                    # a paragraph of its own: about a row of a chronology when it names one
                    base = self._told(doc, self._topic(doc, c.start), c.start, [t for t in told if t[3]])
                    if base is None and row is None:
                        base = anchor
                value = self._apply(c.rule, base)
            if value is None:
                continue
            extra = {k: v for k, v in c.data.items() if k != "event"}
            data = {"how": how, "anchor": base.iso() if base is not None and how != "absolute" else None, **extra}
            out.append(Mention("date", doc.span(c.start, c.end), value, data))
            if c.kind in ("absolute", "year", "partial") or c.rule[:1] == ("month",) and c.rule[2] in ("bare", "since"):
                anchor, anchor_at, row = value, c.start, self._row(doc, c.start)
                unit = row or sentence_at(doc, c.start)
                if unit and (not told or told[-1][0] != unit[0]):
                    told.append((unit[0], unit[1], value, row is not None))
        return out

    @staticmethod
    def _row(doc: Document, offset: int) -> tuple[int, int] | None:
        """The list item or table row a date opens, or None when it stands in running text."""
        para = paragraph_at(doc, offset)
        if para is None:
            return None
        text = doc.text
        line_start = text.rfind("\n", 0, para[0]) + 1
        marked = bool(text[line_start:para[0]].strip()) or text[para[0]:para[0] + 1] == "|"
        opens = not text[para[0]:offset].strip(" *_|#")
        return para if marked or opens else None

    def _told(self, doc: Document, names: list[str], offset: int, told: list) -> DateValue | None:
        """The date of the earlier sentence or row that names the event: the one sharing the
        most of `names` ("after the Gao bombing" -> the sentence about Gao), the last of those
        in prose; None when none does, or when several rows do equally."""
        if not names:
            return None
        here = sentence_at(doc, offset)
        rxs = [re.compile(rf"(?<![\w-]){re.escape(w)}(?![\w-])") for w in dict.fromkeys(names)]
        best, best_score, tied_rows = None, 0, False
        for start, end, value, is_row in reversed(told):
            if here and start <= here[0] < end or start >= offset:
                continue
            score = sum(1 for rx in rxs if rx.search(doc.text, start, end))
            if score > best_score:
                best, best_score, tied_rows = value, score, False
            elif score and score == best_score and is_row:
                tied_rows = True
        return None if tied_rows else best

    def _topic(self, doc: Document, offset: int) -> list[str]:
        """The names a paragraph speaks of up to `offset` (not the words that open its sentences):
        what tells which row of a chronology a note after it is about."""
        para = paragraph_at(doc, offset)
        if para is None:
            return []
        text = doc.text
        openers = {s for s, _ in doc.sentences if para[0] <= s < offset}
        names = []
        for m in self.proper.finditer(text, para[0], offset):
            if m.start() not in openers and m.group().lower() not in self.calendar_words:
                names.append(m.group())
        return names

    def _generic_today(self, doc: Document, c: Candidate) -> bool:
        """True for "today" meaning "nowadays": no past-tense verb in its clause ("Today the
        group controls the north"), where "the army today began a sweep" tells an event."""
        if c.rule != ("offset", "day", 0) or doc.text[c.start:c.end].lower() != "today":
            return False
        sent = sentence_at(doc, c.start) or (c.start, c.end)
        text = doc.text
        cuts = [m.start() for m in self.clause.finditer(text, sent[0], sent[1])]
        lo = max([x + 1 for x in cuts if x < c.start], default=sent[0])
        hi = min([x for x in cuts if x >= c.end], default=sent[1])
        if not text[lo:c.start].strip() and text[c.end:c.end + 1] == ",":
            hi = min([x for x in cuts if x > c.end], default=sent[1])  # "Today, the group ..."
        if text[c.end:c.end + 2] in ("'s", "’s"):
            return False  # "today's attack"
        return not self.past.search(text, lo, hi)

    @staticmethod
    def _partial(month: int, day: int, anchor: DateValue | None, ref: DateValue | None) -> DateValue | None:
        """A day and month without a year: the year that puts it nearest the narrative's date
        (or, with no narrative yet, the last such day on or before the dateline)."""
        base = anchor or ref
        if base is None:
            return None
        if base.month is None:
            years = [base.year]
        else:
            years = [base.year - 1, base.year, base.year + 1]
        mid = to_date(DateValue(base.year, base.month or 7, base.day or 15))
        best = None
        for year in years:
            try:
                d = to_date(DateValue(year, month, day))
            except ValueError:
                continue
            if anchor is None and d > mid:
                continue  # under a dateline, "28 December" is the last one
            if best is None or abs((d - mid).days) < abs((best - mid).days):
                best = d
        return DateValue(best.year, best.month, best.day) if best else None

    def _apply(self, rule: tuple, base: DateValue | None) -> DateValue | None:
        """Apply a relative rule to its anchor, never finer than the words allow."""
        if base is None:
            return None
        kind = rule[0]
        if kind == "week":
            # a calendar week (Monday to Sunday): a month only when the whole week lies in one
            if not base.day:
                return None
            monday = add_days(base, 7 * rule[1] - to_date(base).weekday())
            sunday = add_days(monday, 6)
            return at_precision(monday, "month") if (monday.year, monday.month) == (sunday.year, sunday.month) else None
        if kind == "offset":
            _, unit, amount = rule
            if unit in ("day", "week", "fortnight"):
                if not base.day:
                    return None
                days = {"day": 1, "week": 7, "fortnight": 14}[unit] * amount
                if unit == "day":
                    return add_days(base, int(days)) if days == int(days) else None
                lo, hi = add_days(base, int(days) - 3), add_days(base, int(days) + 3)
                return at_precision(lo, "month") if (lo.year, lo.month) == (hi.year, hi.month) else None
            months = {"month": 1, "year": 12, "decade": 120}[unit] * amount
            if unit == "month":
                if not base.month or months != int(months):
                    return None
                return at_precision(add_months(base, int(months)), "month")
            if months % 12 == 0:
                return DateValue(base.year + int(months // 12))
            if not base.month:
                return None
            return DateValue(add_months(base, round(months)).year)
        if kind == "month":
            _, month, which = rule
            year = base.year
            if which == "since" and base.month and month > base.month:
                year -= 1           # "since October" written in March: the October before
            if which in ("the following", "the next") and (not base.month or base.month >= month):
                year += 1
            elif which == "the previous" and (not base.month or base.month <= month):
                year -= 1
            return DateValue(year, month)
        if kind == "month_year":
            _, month, which = rule
            return DateValue(base.year + {"last": -1, "this": 0, "next": 1}[which], month)
        if kind == "month_deictic":
            _, month, which = rule
            if not base.month:
                return None
            if which == "last":
                return DateValue(base.year if month < base.month else base.year - 1, month)
            if which == "next":
                return DateValue(base.year if month > base.month else base.year + 1, month)
            return DateValue(base.year, month)
        return None


_SINCE = re.compile(r"\bsince\s+(?:early\s+|late\s+|mid-?\s*)?$", re.I)


def _calendar_unit(unit: str, step: int) -> tuple:
    """The rule of "the following week", "last week", "later in the month": a week is a
    calendar week, not seven days from the anchor."""
    return ("week", step) if unit == "week" else ("offset", unit, step)


def _mod(found: Found) -> dict:
    return {"modifier": found.modifier} if found.modifier else {}


@component("dates", requires=["doc.sentences", "doc.meta.doc_date", "doc.meta.datelines"], assigns=["doc.mentions"])
def make_dates(codebook, **config):
    """Finds dates, absolute and relative, and resolves them against the narrative and the document's date."""
    finder = DateFinder()

    def dates(doc: Document) -> Document:
        doc.mentions.extend(finder.resolve(doc, finder.find(doc.text)))
        return doc

    return dates


__all__ = ["make_dates", "DateFinder", "parse_date"]
