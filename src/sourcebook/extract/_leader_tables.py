"""Tenures told as structured text: an infobox line ("Leaders: A (2008–2014); B (2014–present)")
and a table of leaders (Person | Organization | Period | How it ended), as encyclopaedia pages
and background briefs print them."""
from __future__ import annotations

import re

from sourcebook.model import Document
from sourcebook.extract._frames import Entity, Frame
from sourcebook.extract.dates import parse_date as _parse_date

_INFOBOX_ITEM = re.compile(r"(?P<name>[A-Z][^;()\n]{2,80}?)\s*\((?P<a>[^()\n]{0,30}?)\s*[–—-]\s*(?P<b>[^()\n]{0,30}?)\)")
_HEAD = {"person": re.compile(r"^(?:person|leader|name|emir|commander)s?$", re.I),
         "org": re.compile(r"^(?:organi[sz]ation|group|movement|faction)$", re.I),
         "period": re.compile(r"^(?:period|tenure|term|years|in office|dates?)$", re.I),
         "end": re.compile(r"^(?:how it ended|end|fate|outcome|left office|reason)$", re.I)}


def parse_date(text: str):
    """The date a cell states, to its precision; None for "present", "early 2000s"."""
    text = text.strip()
    if not text or re.search(r"present|now|\d0s\b", text, re.I):
        return None
    return _parse_date(text)


def _date_slot(doc: Document, start: int, text: str):
    v = parse_date(text)
    if v is None:
        return None
    lead = len(text) - len(text.lstrip())
    s = start + lead
    return v.iso(), (s, s + len(text.strip()))


def infobox_tenures(frame: Frame, org: Entity | None, confidence: float) -> list[dict]:
    """Tenures of a "Leaders:" infobox line; the group is the one the page is about."""
    if org is None:
        return []
    doc, out = frame.doc, []
    body = doc.text[frame.start:frame.end]
    colon = body.find(":")
    for m in _INFOBOX_ITEM.finditer(body, colon + 1):
        name = m.group("name").strip(" *;,")
        s = frame.start + m.start("name") + m.group("name").index(name)
        person = Entity(s, s + len(name), "P", name)
        out.append({"person": person, "org": org, "role": None,
                    "start": _date_slot(doc, frame.start + m.start("a"), m.group("a")),
                    "end": _date_slot(doc, frame.start + m.start("b"), m.group("b")),
                    "evidence": (frame.start + m.start(), frame.start + m.end()), "confidence": confidence})
    return out


def _cells(line: str, offset: int) -> list[tuple[int, str]]:
    out, pos = [], 0
    for part in line.split("|"):
        out.append((offset + pos, part))
        pos += len(part) + 1
    if out and not out[0][1].strip():
        out = out[1:]
    if out and not out[-1][1].strip():
        out = out[:-1]
    return out


def table_tenures(doc: Document, frames: list[Frame], reasons: dict[str, str], confidence: float = 0.7) -> list[dict]:
    """Tenures of a pipe table whose header names a person, a group and a period."""
    text, out = doc.text, []
    lines, pos = [], 0
    for line in text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    cols = None
    for start, line in lines:
        if line.count("|") < 2:
            cols = None
            continue
        cells = _cells(line, start)
        if cols is None:
            heads = {}
            for i, (_, c) in enumerate(cells):
                for key, rx in _HEAD.items():
                    if rx.match(c.strip()) and key not in heads:
                        heads[key] = i
            if {"person", "org", "period"} <= set(heads):
                cols = heads
            continue
        if re.fullmatch(r"[\s|:\-]*", line):
            continue
        if max(cols.values()) >= len(cells):
            continue
        row = {k: cells[i] for k, i in cols.items()}
        person_at, person = row["person"]
        org_at, org_cell = row["org"]
        name = person.strip()
        org_name = re.split(r"\s*[(/,]\s*", org_cell.strip())[0]
        role = re.search(r"\(([^)]*)\)", org_cell)
        if not name or not org_name:
            continue
        p_s = person_at + person.index(name)
        o_s = org_at + org_cell.index(org_name)
        period_at, period = row["period"]
        parts = re.split(r"\s+[-–—]\s+|\s*[–—]\s*", period.strip(), maxsplit=1)
        lead = period_at + period.index(period.strip()) if period.strip() else period_at
        start_slot = end_slot = None
        if len(parts) == 2:
            start_slot = _date_slot(doc, lead, parts[0])
            end_slot = _date_slot(doc, lead + period.strip().index(parts[1], len(parts[0])), parts[1])
        else:
            m = re.search(r"(?:named|appointed|from|since)\s+(.*)", period.strip(), re.I)
            if m:
                start_slot = _date_slot(doc, lead + m.start(1), m.group(1))
        reason = None
        if "end" in row:
            end_at, end_cell = row["end"]
            for word, code in reasons.items():
                m = re.search(rf"\b{re.escape(word)}\b", end_cell, re.I)
                if m:
                    reason = (code, (end_at + m.start(), end_at + m.end()))
                    break
        if end_slot is None:
            reason = None
        role_slot = None
        if role and not re.search(r"renamed|formerly|now", role.group(1), re.I):
            role_slot = (role.group(1).strip().lower(), (org_at + role.start(1), org_at + role.end(1)))
        out.append({"person": Entity(p_s, p_s + len(name), "P", name),
                    "org": Entity(o_s, o_s + len(org_name), "A", org_name, _org_value(frames, org_name, o_s)),
                    "role": role_slot, "start": start_slot, "end": end_slot, "end_reason": reason,
                    "evidence": (start, start + len(line)), "confidence": confidence})
    return out


def _org_value(frames: list[Frame], name: str, offset: int):
    """The canonical name a mention of this cell carries, so that the cell joins the prose."""
    for f in frames:
        if f.start <= offset < f.end:
            for e in f.entities(kinds="A"):
                if e.start <= offset < e.end or e.text == name:
                    return e.value
    return None
