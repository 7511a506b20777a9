"""Events listed as rows of a Markdown table (chronologies: Date | Location | Target | Killed |
Wounded | Claim). Each row with a date is one event; columns are recognised by their heading.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sourcebook.extract._attribution import eligible_groups
from sourcebook.extract._event_lexicon import EventLexicon, Trigger
from sourcebook.extract._event_slots import choose_place
from sourcebook.model import Claim, Document, Quantity

if TYPE_CHECKING:
    from sourcebook.extract.events import EventMention, _Builder, _Index

# column headings, by the slot they fill
_COLUMNS = {
    "date": re.compile(r"^(?:date|when|day)$", re.I),
    "place": re.compile(r"^(?:location|place|where|city|town|site)$", re.I),
    "target": re.compile(r"^(?:target|targets|victims?)$", re.I),
    "killed": re.compile(r"^(?:killed|dead|deaths|fatalities|death toll|toll)$", re.I),
    "injured": re.compile(r"^(?:wounded|injured|injuries)$", re.I),
    "claim": re.compile(r"^(?:claim|claimed by|claimed|responsibility)$", re.I),
    "perpetrator": re.compile(r"^(?:perpetrator|group|attributed to|by)$", re.I),
}
_FIGURE = re.compile(r"^\s*(?:(?P<q>about|at least|over|more than|up to|nearly|c\.|~)\s*)?(?P<low>\d[\d,]*)"
                     r"\s*(?:[–—-]\s*(?P<high>\d[\d,]*))?\s*(?P<plus>\+)?\s*$", re.I)
# a line holding a pipe, matched from its start (an unanchored pattern retries at every offset)
_TABLE_LINE = re.compile(r"^[^\n|]*\|[^\n]*", re.M)
_SEPARATOR = re.compile(r"^\|?\s*:?-{2,}")


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cell spans of one table line (between the pipes), trimmed."""
    out, s = [], start
    line = text[start:end]
    bars = [start + i for i, c in enumerate(line) if c == "|"]
    edges = ([start - 1] if not line.lstrip().startswith("|") else []) + bars + \
        ([end] if not line.rstrip().endswith("|") else [])
    for a, b in zip(edges, edges[1:]):
        s, e = a + 1, b
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        out.append((s, e))
    return out


def _figure(cell: str) -> Quantity | None:
    m = _FIGURE.match(cell)
    if not m:
        return None
    low = int(m.group("low").replace(",", ""))
    high = int(m.group("high").replace(",", "")) if m.group("high") else low
    qualifier = "at least" if m.group("plus") else (m.group("q") or "").lower() or None
    return Quantity(low, high, qualifier)


def table_mentions(doc: Document, lex: EventLexicon, index: "_Index", builder: "_Builder") -> list["EventMention"]:
    """One event mention for each dated row of every table whose columns name events."""
    text = doc.text
    out = []
    if "|" not in text:
        return out
    lines = [(m.start(), m.end()) for m in _TABLE_LINE.finditer(text)]
    header = None
    for s, e in lines:
        line = text[s:e]
        if _SEPARATOR.match(line.strip()):
            continue
        cells = _cells(text, s, e)
        names = [text[a:b] for a, b in cells]
        cols = {slot: i for slot, rx in _COLUMNS.items() for i, n in enumerate(names) if rx.match(n.strip())}
        if "date" in cols and ("killed" in cols or "target" in cols):
            header = (cols, s)
            continue
        if header is None or len(cells) < len(header[0]):
            continue
        mention = _row(doc, lex, index, builder, header[0], cells, s, e)
        if mention is not None:
            out.append(mention)
    return out


def _row(doc, lex, index, builder, cols, cells, s, e):

    text = doc.text

    def cell(slot):
        i = cols.get(slot)
        return cells[i] if i is not None and i < len(cells) else None

    dc = cell("date")
    dates = index.within("date", *dc) if dc else []
    if not dates:
        return None
    date = dates[0]
    attack = builder.attack
    values = {"event_type": attack, "date": date.value.iso(), "date_precision": date.value.precision}
    spans = {"event_type": doc.span(s, e), "date": date.span, "date_precision": date.span}
    pc = cell("place")
    place = None
    if pc:
        places = index.within("place", *pc)
        pseudo = Trigger("attack", pc[0], pc[0])
        place = choose_place(pseudo, places, builder.countries) if places else None
    builder.fill_place(values, spans, place, s)
    tc = cell("target")
    if tc and tc[1] > tc[0]:
        values["target"], spans["target"] = text[tc[0]:tc[1]], doc.span(*tc)
        tt = lex.target_type(text[tc[0]:tc[1]])
        if tt:
            values["target_type"], spans["target_type"] = tt[0], doc.span(tc[0] + tt[1], tc[0] + tt[2])
    for slot in ("killed", "injured"):
        c = cell(slot)
        q = _figure(text[c[0]:c[1]]) if c else None
        if q is not None:
            values[slot], spans[slot] = q, doc.span(*c)
    for slot in ("claim", "perpetrator"):
        c = cell(slot)
        if not c:
            continue
        if lex.cue("no_claim", text[c[0]:c[1]]):
            values["claimed"], spans["claimed"] = False, doc.span(*c)
            continue
        groups = eligible_groups(text, index.within("actor", *c), lex)
        if groups:
            values["perpetrator"], spans["perpetrator"] = groups[0].text, groups[0].span
            if slot == "claim":
                values["claimed"], spans["claimed"] = True, doc.span(*c)
    claim = Claim("event", values, evidence=doc.span(s, e), spans=spans, confidence=0.8)
    trig = Trigger("attack", s, e)
    return builder.mention(claim, True, s, e, place, trig)
