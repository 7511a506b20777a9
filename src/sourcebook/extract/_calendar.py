"""Calendar dates written out in full: the regexes that find them and the arithmetic the
`dates` component resolves relative dates with.

Every form reports use: "8 March 2017", "March 8, 2017", "the 26th of August 2021",
"Oct. 27, 2020", "2017-03-08", "25/03/2017" (only when unambiguous), "May 2017", "November of
2016", "2014", "mid-2020", "early January 2015", "the last week of December 2016", and day and
month without a year ("27 August", "January 30"), whose year the narrative gives.
"""
from __future__ import annotations

import calendar as _cal
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from sourcebook.extract._lexicon import alternation, load_lexicon
from sourcebook.model import DateValue


@dataclass(slots=True)
class Found:
    """A date expression found in a text.

    Attributes:
        start, end: offsets (end exclusive).
        value: the date; for `partial` ones the year is missing (0) until the narrative gives it.
        partial: True for a day and month without a year.
        modifier: the period modifier in the span ("early", "mid", "the last week of"), if any.
    """

    start: int
    end: int
    value: DateValue
    partial: bool = False
    modifier: str | None = None


class Calendar:
    """Month and weekday names and the compiled date regexes (built once, see `get_calendar`)."""

    def __init__(self):
        lex = load_lexicon("calendar")
        self.month_of: dict[str, int] = {}
        for number, names in lex["months"].items():
            for name in names:
                for form in {name, name.upper()}:
                    self.month_of[form.rstrip(".").lower()] = int(number)
        self.months = alternation({f for names in lex["months"].values() for n in names
                                   for f in (n, n.upper())})
        self.weekday_of: dict[str, int] = {}
        for number, names in lex["weekdays"].items():
            for name in names:
                self.weekday_of[name.rstrip(".").lower()] = int(number)
        self.weekdays = alternation({n for names in lex["weekdays"].values() for n in names if not n.endswith(".")})
        self.weekday_before = lex["weekday_before"]
        self.weekday_after = lex["weekday_after"]
        self.past_tense = lex["past_tense"]
        self.month_before = lex["month_before"]
        self.units = lex["units"]
        mods = lex["period_modifiers"]
        mods_re = alternation([m for m in mods if m != "mid"])

        # a modifier before a date is found by looking back from it: a regex that tried one
        # at every position of the text would be several times slower
        self.modifier = re.compile(rf"(?:(?<![\w-])(?:{mods_re})\s+|(?<![\w-])mid-?\s*)$", re.I)

        day = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
        day2 = r"(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?"
        year = r"(?P<y>(?:1[89]|20)\d\d)(?![\d\w])"
        mon = rf"(?P<m>{self.months})(?![\w])"
        mon2 = rf"(?P<m2>{self.months})(?![\w])"
        mon3 = rf"(?P<m3>{self.months})(?![\w])"
        forms = [
            r"(?P<iso>(?<![\d-])(?P<iy>(?:1[89]|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d)(?![\d-]))",
            r"(?P<num>(?<![\d/.])(?P<na>[0-3]?\d)[/.](?P<nb>[0-3]?\d)[/.](?P<ny>(?:1[89]|20)\d\d)(?![\d/]))",
            rf"(?P<dmy>(?:the\s+)?{day}(?:\s+of)?\s+{mon},?\s+{year})",
            rf"(?P<mdy>{mon2}\s+{day2},?\s+(?P<y2>(?:1[89]|20)\d\d)(?![\d\w]))",
            rf"(?P<my>{mon3},?\s+(?:of\s+)?(?P<y3>(?:1[89]|20)\d\d)(?![\d\w]))",
        ]
        self.absolute = re.compile(r"(?=[\dtA-Z])(?:" + "|".join(forms) + ")")
        self.partial_dm = re.compile(
            rf"(?<![\d\w])(?:the\s+)?(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<m>{self.months})(?![\w])")
        self.partial_md = re.compile(
            rf"(?<![\w])(?P<m>{self.months})\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?![\d\w,]*\s*,?\s*\d{{4}})(?![\d\w:])")
        # a year: four digits, not part of a larger number, a range marker allowed before
        self.year = re.compile(r"(?<![\d\w,.$€£/])(?P<y>(?:1[89]|20)\d\d)(?![\d\w%]|,\d|\.\d|'s\b|’s\b)")

    # -- reading ----------------------------------------------------------------------------

    def modified(self, text: str, start: int) -> tuple[int, str | None]:
        """The start of a date with its modifier ("early", "mid-", "the last week of"), and the modifier."""
        m = self.modifier.search(text, max(0, start - 30), start)
        if not m:
            return start, None
        return m.start(), text[m.start():start].strip(" -").lower()

    def month(self, name: str) -> int:
        return self.month_of[name.rstrip(".").lower()]

    def from_match(self, m: re.Match) -> DateValue | None:
        """The date of a match of `absolute`, or None when it is no valid date."""
        g = m.groupdict()
        try:
            if g["iso"]:
                return _valid(int(g["iy"]), int(g["im"]), int(g["id"]))
            if g["num"]:
                a, b, y = int(g["na"]), int(g["nb"]), int(g["ny"])
                if a > 12 >= b:
                    return _valid(y, b, a)
                if b > 12 >= a:
                    return _valid(y, a, b)
                return None  # 08/03/2017: day-first or month-first cannot be told
            if g["dmy"]:
                return _valid(int(g["y"]), self.month(g["m"]), int(g["d"]))
            if g["mdy"]:
                return _valid(int(g["y2"]), self.month(g["m2"]), int(g["d2"]))
            if g["my"]:
                return DateValue(int(g["y3"]), self.month(g["m3"]))
        except (KeyError, ValueError):
            return None
        return None

    def find_absolute(self, text: str) -> list[Found]:
        """Dates with their year in the text: day, month or month-year forms (not bare years)."""
        out = []
        for m in self.absolute.finditer(text):
            value = self.from_match(m)
            if value is not None:
                start, mod = self.modified(text, m.start())
                out.append(Found(start, m.end(), value, modifier=mod))
        return out


def _valid(year: int, month: int, day: int) -> DateValue | None:
    if not 1 <= month <= 12 or not 1 <= day <= _cal.monthrange(year, month)[1]:
        return None
    return DateValue(year, month, day)


@cache
def get_calendar() -> Calendar:
    """The shared, compiled calendar."""
    return Calendar()


# -- arithmetic -----------------------------------------------------------------------------

def to_date(value: DateValue) -> date:
    return date(value.year, value.month or 1, value.day or 1)


def add_days(value: DateValue, days: int) -> DateValue:
    d = to_date(value) + timedelta(days=days)
    return DateValue(d.year, d.month, d.day)


def add_months(value: DateValue, months: int) -> DateValue:
    """Shift by whole months, keeping the precision (a day is clipped to the month's length)."""
    if value.month is None:
        return DateValue(value.year + months // 12)
    index = value.year * 12 + value.month - 1 + months
    year, month = divmod(index, 12)
    if value.day is None:
        return DateValue(year, month + 1)
    return DateValue(year, month + 1, min(value.day, _cal.monthrange(year, month + 1)[1]))


def at_precision(value: DateValue, precision: str) -> DateValue:
    """`value` cut to `precision` (never made finer)."""
    if precision == "year":
        return DateValue(value.year)
    if precision == "month" and value.month:
        return DateValue(value.year, value.month)
    return value


def last_weekday(ref: DateValue, weekday: int, strictly_before: bool = False) -> DateValue:
    """The most recent `weekday` (0 = Monday) on or before `ref` (a day)."""
    d = to_date(ref)
    back = (d.weekday() - weekday) % 7
    if back == 0 and strictly_before:
        back = 7
    d -= timedelta(days=back)
    return DateValue(d.year, d.month, d.day)


def parse_date(text: str) -> DateValue | None:
    """The date a date string gives, at its precision; None when it is none.

    >>> parse_date("Oct. 27, 2020").iso()
    '2020-10-27'
    >>> parse_date("mid-2020").iso()
    '2020'
    """
    cal = get_calendar()
    s = text.strip()
    m = cal.absolute.search(s)
    if m:
        return cal.from_match(m)  # None for "31 February 2011" or an ambiguous "05/06/2011"
    m = re.search(r"^\s*(\d{4})-(\d{2})(?!\d)", s)
    if m and 1 <= int(m.group(2)) <= 12:
        return DateValue(int(m.group(1)), int(m.group(2)))
    m = cal.year.search(s)
    if m:
        return DateValue(int(m.group("y")))
    return None


__all__ = ["Calendar", "Found", "get_calendar", "parse_date", "add_days", "add_months",
           "at_precision", "last_weekday", "to_date"]
