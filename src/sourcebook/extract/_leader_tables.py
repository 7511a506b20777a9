"""Tenures told as structured text: an infobox line ("Leaders: A (1998–2006); B (2006–present)")
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
         "end": re.compile(r"^(?:how it ended|end|fate|outcome|left office|reason)$", re.I),
         "role": re.compile(r"^(?:role|position|title|post|office)$", re.I)}


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


def infobox_tenures(frame: Frame, org: Entity | None, confidence: float, roles: dict | None = None) -> list[dict]:
    """Tenures of a "Leaders:" infobox line (or a "| Leaders | ... |" table row); the group is the
    one the page is about. A name without years is a tenure without dates; a "Founder" line
    gives the founder's role."""
    if org is None:
        return []
    doc, out = frame.doc, []
    body = doc.text[frame.start:frame.end]
    if body.count("|") > 3:
        return []                          # a table's header row, not a label and its value
    sep = re.search(r"[:|]", body.lstrip(" |*"))
    if sep is None:
        return []
    label_end = len(body) - len(body.lstrip(" |*")) + sep.start()
    label = body[:label_end].strip(" |*:").lower()
    role = None
    if label.startswith("found") and roles is not None:
        word = "founder"
        role = (roles.get(word, word), (frame.start + body.lower().index(label[:5]), frame.start + label_end))
        role = (role[0], (role[1][0], role[1][0] + len(body[:label_end].strip(" |*:"))))
    pos = label_end + 1
    for piece in re.finditer(r"[^;|]+", body[pos:]):
        seg = piece.group()
        at = pos + piece.start()
        m = _INFOBOX_ITEM.fullmatch(seg.strip(" *,"))
        if m:
            lead = at + seg.index(seg.strip(" *,"))
            name = m.group("name").strip(" *;,")
            s = frame.start + lead + m.start("name") + m.group("name").index(name)
            start = _date_slot(doc, frame.start + lead + m.start("a"), m.group("a"))
            end = _date_slot(doc, frame.start + lead + m.start("b"), m.group("b"))
            ev = (frame.start + lead + m.start(), frame.start + lead + m.end())
        else:
            # a bare name: only where the line's reader marked it as a person or a name
            ents = [e for e in frame.ents if e.kind in "PN" and frame.start + at <= e.start
                    and e.end <= frame.start + at + len(seg)]
            if len(ents) != 1 or seg.strip(" *,") != ents[0].text:
                continue
            name, s, start, end = ents[0].text, ents[0].start, None, None
            ev = (s, s + len(name))
        person = Entity(s, s + len(name), "P", name)
        out.append({"person": person, "org": org, "role": role, "start": start, "end": end,
                    "evidence": ev, "confidence": confidence})
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


def table_tenures(doc: Document, frames: list[Frame], reasons: dict[str, str], confidence: float = 0.7,
                  default_org: Entity | None = None) -> list[dict]:
    """Tenures of a pipe table whose header names a person, a group and a period; a table with
    no group column lists the leaders of `default_org`, the group the page is about."""
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
            if {"person", "org", "period"} <= set(heads) or ({"person", "period"} <= set(heads) and default_org):
                cols = heads
            continue
        if re.fullmatch(r"[\s|:\-]*", line):
            continue
        if max(cols.values()) >= len(cells):
            continue
        row = {k: cells[i] for k, i in cols.items()}
        person_at, person = row["person"]
        name = person.strip(" *")
        if "org" in row:
            org_at, org_cell = row["org"]
            org_name = re.split(r"\s*[(/,]\s*", org_cell.strip())[0]
            role = re.search(r"\(([^)]*)\)", org_cell)
            if not name or not org_name:
                continue
            o_s = org_at + org_cell.index(org_name)
            org_ent = Entity(o_s, o_s + len(org_name), "A", org_name, _org_value(frames, org_name, o_s))
        else:
            if not name:
                continue
            org_ent, role = default_org, None
            if "role" in row:
                org_at, org_cell = row["role"]
                role = re.search(r"([^;|]+)", org_cell.strip())
                org_at += org_cell.index(org_cell.strip()) if org_cell.strip() else 0
        p_s = person_at + person.index(name)
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
        if role and role.group(1).strip() and not re.search(r"renamed|formerly|now", role.group(1), re.I):
            role_slot = (role.group(1).strip().lower(), (org_at + role.start(1), org_at + role.start(1) + len(role.group(1).strip())))
        out.append({"person": Entity(p_s, p_s + len(name), "P", name),
                    "org": org_ent,
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
