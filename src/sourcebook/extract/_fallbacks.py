"""Smallest private fallbacks for the claim components when a document arrives without the
sentences, dates or quantities that the upstream components assign (a pipeline configured
without them, or a document built by hand). Only explicit forms are read here; the upstream
components remain the real readers (relative dates, numbers in words...)."""
from __future__ import annotations

import re

from sourcebook.model import DateValue, Quantity

_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], 1)}
_MONTHS.update({k[:3]: v for k, v in list(_MONTHS.items())})
_MON = r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DATE = re.compile(
    rf"\b(?:(?:the\s)?(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:\sof)?\s{_MON},?\s(?P<y1>\d{{4}})"
    rf"|{_MON.replace('mon', 'mon2')}\s(?P<d2>\d{{1,2}}),\s(?P<y2>\d{{4}})"
    rf"|(?:(?:early|mid|late)[-\s])?{_MON.replace('mon', 'mon3')}\s(?P<y3>\d{{4}})"
    rf"|(?:(?:early|mid|late)[-\s])?(?P<y4>(?:19|20)\d\d)(?!\d|s))\b")
_NUM = r"\d{1,3}(?:,\d{3})+|\d+"
_QTY = re.compile(
    rf"(?:(?P<q>approximately|about|around|circa|nearly|almost|up to|at least|more than|over|some|as many as|an estimated|approaching)\s)?"
    rf"(?:between\s)?(?P<lo>{_NUM})(?:\s?(?:-|–|—|to|and)\s?(?P<hi>{_NUM}))?(?!\d|,\d)(?:\s(?P<noun>[a-z][\w-]*(?:\s[a-z][\w-]*)?))?",
    re.I)


def fallback_sentences(text: str) -> list[tuple[int, int]]:
    """Sentences split at terminal punctuation before a capital, and at line ends."""
    out, start = [], 0
    for m in re.finditer(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])|\n+", text):
        end = m.start() if text[m.start()] == "\n" else m.start() + len(m.group()) - len(m.group().lstrip())
        if text[start:m.start()].strip():
            prev = text[max(start, m.start() - 6):m.start()]
            if text[m.start()] != "\n" and re.search(r"\b(?:U\.S|Mr|Dr|Gen|Lt|No|St|Oct|Nov|Dec|Jan|Feb|Aug|Sept?)\.$", prev):
                continue
            out.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        out.append((start, len(text.rstrip())))
    return out


def fallback_dates(text: str) -> list[tuple[int, int, DateValue]]:
    out = []
    for m in _DATE.finditer(text):
        g = m.groupdict()
        if g["y1"]:
            v = DateValue(int(g["y1"]), _MONTHS[g["mon"].lower()[:3]], int(g["d1"]))
        elif g["y2"]:
            v = DateValue(int(g["y2"]), _MONTHS[g["mon2"].lower()[:3]], int(g["d2"]))
        elif g["y3"]:
            v = DateValue(int(g["y3"]), _MONTHS[g["mon3"].lower()[:3]])
        else:
            v = DateValue(int(g["y4"]))
        out.append((m.start(), m.end(), v))
    return out


def fallback_quantities(text: str) -> list[tuple[int, int, Quantity, str | None]]:
    out = []
    for m in _QTY.finditer(text):
        lo = int(m.group("lo").replace(",", ""))
        if not m.group("hi") and not m.group("q") and 1900 <= lo <= 2100 and "," not in m.group("lo"):
            continue                       # a year
        hi = int(m.group("hi").replace(",", "")) if m.group("hi") else lo
        if hi < lo:
            continue
        q = (m.group("q") or "").lower() or None
        end = m.end("hi") if m.group("hi") else m.end("lo")
        out.append((m.start(), end, Quantity(lo, hi, q), m.group("noun")))
    return out
