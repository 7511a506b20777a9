"""Slots of one event mention read from its clause: casualty figures, the target phrase, the
date and the place that govern the trigger.

Every function works on offsets into the document text and returns values with their spans, so
that the caller can ground each value.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from sourcebook.extract._event_lexicon import EventLexicon, Trigger
from sourcebook.model import Mention, Quantity

_PLACE_RANK = {"place": 0, "district": 1, "province": 2, "country": 3}
# words that end a target phrase: a new clause, a relative pronoun, a casualty verb
_TARGET_END = re.compile(
    r"[,;:()\[\]|]|(?<![A-Z])\.(?=\s|$)|\s(?:which|that|who|where|when|as|while|because|killing|killed|kills|leaving|left|"
    r"wounding|injuring|resulting|and (?:then |also )?(?:\w+ed|\w+ing)\b|in which|on the (?:night|morning|evening)|"
    r"during|before|after|with)\b")
# "attack by X at Y": the agent phrase is skipped to reach the target
_TARGET_LEAD = re.compile(r"^\s*(?:by\s+[^,;.]{1,40}?\s+(?=(?:on|at|against|targeting|near|outside|inside)\s))?"
                          r"(?:on|at(?!\s+(?:least|most)\b)|against|of|targeting|near|outside|inside|among|in|into)\s+", re.I)
# "the attack of 25 March 2020 on the temple": a date between the trigger and its target
_DATE_GAP = re.compile(r"\s*(?:of|on)?\s*$", re.I)
# ", a fishing town on the lake": an apposition that says what the target was
_APPOSITION = re.compile(r",\s+(?:an?|the)\s+([^,;.]{3,120})")
_TRAILING_PREP = re.compile(r"\s+(?:in|at|near|on|of|outside|inside|from|by)$", re.I)
_DETERMINER = re.compile(r"^(?:the|a|an|its|his|her|their|several|some|at least|more than|up to|as many as|nearly|"
                         r"about|around)\s+", re.I)
_CONTEXT_TARGET = re.compile(r"\b(?i:(?:during|at|inside|outside|near|targeted|targeting)\s+(?!least\b|most\b|about\b|"
                             r"around\b)((?:the|a|an|his|her|their)\s+[^,;.]{3,60}))|"
                             r"\b(?i:targeted|targeting)\s+([A-Z][^,;.]{3,60})")
# a place name that modifies the noun after it ("Mosul University", "the Gao airport")
_NEXT_WORDS = re.compile(r"(?:\s[\w'’-]+){1,3}")
_NAME_WORDS = re.compile(r"(?:\s[A-Z][\w'’-]*)*\s*$")
# "Gunmen entered the campus": the object of the verb that follows an agent noun
_AGENT_VERB = re.compile(r"\s+(?:\w+ly\s+)?(?:entered|stormed|attacked|raided|hit|struck|targeted|overran|ambushed|"
                         r"seized|besieged|fired on|opened fire on)\s+")
_DATE_EXCLUDE_BEFORE = re.compile(r"\b(?:since|until|till|by|as of|as at|published|updated|released|edited)\s*(?:the\s+)?$", re.I)
_DATE_EXCLUDE_AFTER = re.compile(r"^[\s,]*(?:claimed|said|announced|reported|published|released|confirmed)\b", re.I)
_DATE_CLAIM_BEFORE = re.compile(r"\b(?:claimed responsibility|claimed it|said|statement)\s+(?:\w+\s+){0,2}(?:on|in)?\s*$", re.I)
_AFTER_EVENT = re.compile(r"\b(?:after|before)\s+(?!(?:the\s+)?(?:January|February|March|April|May|June|July|August|"
                          r"September|October|November|December)\b)[A-Z]")
_AFTER_EVENT_NEXT = re.compile(r"\s+(?:the\s+)?(?!(?:January|February|March|April|May|June|July|August|September|"
                               r"October|November|December)\b)[A-Z]")
_LOCATIVE = re.compile(r"\b(?:in|into|at|near|outside|inside|across|on)\s+(?:the\s+)?(?:[a-z]+(?:ern)?\s+)?$", re.I)
_KILLED_THEM = re.compile(r"\b(?:killed|executed|beheaded|killing|executing)\s+(?:them|all of them)\b", re.I)
# "first coded with 10 fatalities, raised the toll to 17": the later figure replaces the first
_REVISED = re.compile(r"\b(?:rose|risen|raised|climbed|revised|increased|jumped|brought)\b[^.;]{0,25}\bto\s*$", re.I)
_HOSTAGE_VERB = re.compile(r"\b(?:abducted|kidnapped|seized|took hostage)\s*$", re.I)


@dataclass(slots=True)
class Figure:
    """A casualty figure with the words that state it."""

    slot: str
    quantity: Quantity
    start: int
    end: int
    revised: bool = False


def casualty_figures(text: str, start: int, end: int, quantities: list[Mention],
                     lex: EventLexicon) -> list[Figure]:
    """The killed and injured figures stated in `text[start:end]`, in text order.

    A figure counts when a cue beside it says what it counts ("killing 20", "70 people dead",
    "the death toll rose to 54"); parts of a toll ("132 of them children", "including 13 US
    troops") and merged counts ("killed or wounded 80") do not.
    """
    out: list[Figure] = []
    for q in quantities:
        if q.start < start or q.end > end or not isinstance(q.value, Quantity):
            continue
        before = text[max(start, q.start - 70):q.start]
        after = text[q.end:min(end, q.end + 90)]
        if lex.cue("subset_cue", before, "before") or lex.cue("subset_cue", after, "after"):
            continue
        if lex.cue("mixed_cue", before, "before") or lex.cue("mixed_cue", after, "after"):
            continue
        slot = None
        k_after, i_after = lex.cue("killed_cue", after, "after"), lex.cue("injured_cue", after, "after")
        if k_after or i_after:
            slot = "killed" if k_after and (not i_after or k_after.end() <= i_after.end()) else "injured"
        elif lex.cue("killed_cue", before, "before"):
            slot = "killed"
        elif lex.cue("injured_cue", before, "before"):
            slot = "injured"
        elif _HOSTAGE_VERB.search(before) and _KILLED_THEM.search(text, q.end, end):
            slot = "killed"          # "abducted 11 miners ... and killed them"
        if slot:
            out.append(Figure(slot, q.value, q.start, q.end, bool(_REVISED.search(before))))
    for m, entry in lex.cues("zero_toll", text[start:end]):
        for slot in entry.get("slots", ["killed"]):
            out.append(Figure(slot, Quantity(0, 0), start + m.start(), start + m.end()))
    out.sort(key=lambda f: f.start)
    return out


def target_phrase(text: str, trig: Trigger, seg_start: int, seg_end: int,
                  stops: list[Mention], lex: EventLexicon | None = None) -> tuple[int, int] | None:
    """The words naming what an attack hit: the object of the trigger ("stormed the Technical
    College", "attack on the consulate", "blew himself up among worshippers"), ended by a place,
    a date, a new clause or a casualty verb; else a "during/at/targeted" phrase of the clause.

    A place that names the facility after it ("Mosul University", "the Gao airport") belongs
    to the target and does not end it; a date right after the trigger ("the attack of 2 May on
    the shrine") is stepped over.
    """
    stops = [m for m in stops if not (lex is not None and _modifies_noun(text, m, lex))]
    begin = trig.end
    first = min((m for m in stops if m.start >= begin), key=lambda m: m.start, default=None)
    if first is not None and first.label == "date" and _DATE_GAP.match(text, begin, first.start):
        begin = first.end
    stop_at = seg_end
    for m in stops:
        if begin < m.start < stop_at:
            stop_at = m.start
    cands = []
    tail = text[begin:stop_at]
    lead = _TARGET_LEAD.match(tail)
    if lead or trig.form == "verb":
        s = begin + (lead.end() if lead else 0)
        if lead and lead.group(0).strip().lower() == "in" and trig.form == "verb":
            s = -1
        if s >= 0:
            cands.append(s)
    agent = _AGENT_VERB.match(tail) if trig.form == "agent" else None
    if agent:
        cands.append(begin + agent.end())
    span = None
    if trig.form == "verb" and first is not None and first.label == "place" and not text[begin:first.start].strip():
        return first.start, first.end          # "overran Kolofata, a border town": the place itself
    for s in cands:
        m = _TARGET_END.search(text, s, stop_at)
        e = m.start() if m else min(stop_at, s + 90)
        span = _trim(text, s, e)
        if span:
            break
    if span is None:
        for m in _CONTEXT_TARGET.finditer(text, seg_start, seg_end):
            g = 1 if m.group(1) else 2
            s = m.start(g)
            if any(x.start <= s < x.end for x in stops):
                continue
            stop = min([x.start for x in stops if x.start > s] + [seg_end])
            e = _TARGET_END.search(text, s, stop)
            span = _trim(text, s, e.start() if e else stop)
            if span:
                break
    return span


def _modifies_noun(text: str, mention: Mention, lex: EventLexicon) -> bool:
    if mention.label != "place":
        return False
    m = _NEXT_WORDS.match(text, mention.end)
    if not m:
        return False
    words = m.group(0)
    hit = lex.target_type(words)
    return hit is not None and bool(_NAME_WORDS.fullmatch(words[:hit[1]]))


def target_type_of(text: str, span: tuple[int, int], seg_end: int,
                   lex: EventLexicon) -> tuple[str, int, int] | None:
    """The GTD target type of a target phrase, with the span of its deciding word; when the
    phrase names no type ("Kolofata", "the convoy of a senator"), an apposition right after it may
    ("Kolofata, a border town", "X, a senior party leader who was then a provincial minister")."""
    s, e = span
    tt = lex.target_type(text[s:e])
    if tt:
        return tt[0], s + tt[1], s + tt[2]
    app = _APPOSITION.match(text, e, seg_end)
    if app:
        tt = lex.target_type(app.group(1))
        if tt:
            base = app.start(1)
            return tt[0], base + tt[1], base + tt[2]
    return None


def _trim(text: str, s: int, e: int) -> tuple[int, int] | None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1] in " \t\n'\"":
        e -= 1
    prep = _TRAILING_PREP.search(text, s, e)
    if prep:
        e = prep.start()
    d = _DETERMINER.match(text[s:e])          # `^` anchors at a slice's start, not at a `pos`
    if d and s + d.end() < e:
        s += d.end()
    if e - s < 3 or not re.search(r"[A-Za-z]{3}", text[s:e]):
        return None
    return s, e


def choose_date(text: str, trig: Trigger, dates: list[Mention]) -> Mention | None:
    """The date mention that governs the trigger: the nearest one in its clause that is not the
    date of a claim, a report or a period ("since August", "claimed on Monday")."""
    best, best_d = None, None
    for m in dates:
        between = text[min(m.end, trig.start):max(m.start, trig.end)]
        if ";" in between or counted_from_event(text, m):
            continue
        before = text[max(0, m.start - 40):m.start]
        after = text[m.end:m.end + 20]
        if _DATE_EXCLUDE_BEFORE.search(before) or _DATE_EXCLUDE_AFTER.match(after) or _DATE_CLAIM_BEFORE.search(before):
            continue
        d = trig.start - m.end if m.end <= trig.start else m.start - trig.end
        d = max(d, 0)
        if best_d is None or d < best_d:
            best, best_d = m, d
    return best


def counted_from_event(text: str, m: Mention) -> bool:
    """A date counted from an event named by its place ("a week after Mosul", "after Marawi"),
    which the date resolver, counting from the last date written, cannot place."""
    if _AFTER_EVENT.search(m.text):
        return True
    return bool(re.search(r"\b(?:after|before)$", m.text, re.I) and _AFTER_EVENT_NEXT.match(text, m.end))


def attached_date(text: str, trig: Trigger, dates: list[Mention]) -> Mention | None:
    """A date written within the trigger's own noun phrase ("the attack of 12 May 2020",
    "the bombing at the airport on 26 August 2021", "the January 30 suicide bombing")."""
    for m in dates:
        if _DATE_EXCLUDE_BEFORE.search(text, max(0, m.start - 40), m.start):
            continue          # "in a video released the following month": the date of something else
        if m.end <= trig.start and trig.start - m.end <= 25 and not re.search(r"[,;]", text[m.end:trig.start]):
            return m
        if m.start >= trig.end and m.start - trig.end <= 80:
            gap = text[trig.end:m.start]
            if not re.search(r"[;]|\.\s|\b(?:said|claimed|killed|killing|left|designated|vowed|published)\b", gap):
                return m
    return None


def choose_place(trig: Trigger, places: list[Mention], countries: set[str] | None = None,
                 text: str | None = None) -> Mention | None:
    """The most specific place of the clause (a town before its district, province or country),
    among equals one a preposition marks as where it happened ("Rwanda sent troops into
    Mozambique"), then the nearest to the trigger; places of origin ("Tunisian-born") are not kept."""
    def key(m: Mention):
        place = m.value
        rank = _PLACE_RANK.get(getattr(place, "precision", "place"), 0)
        dist = trig.start - m.end if m.end <= trig.start else m.start - trig.end
        located = text is not None and bool(_LOCATIVE.search(text, max(0, m.start - 30), m.start))
        return rank, not located, abs(dist)
    cands = [m for m in places if getattr(m.value, "name", None)]
    if countries:
        # a name the gazetteer places in a country the document never speaks of is a misreading
        # (a name the text marks as a place but the gazetteer lacks has no country: kept)
        cands = [m for m in cands if m.value.country in countries or m.value.country is None]
    return min(cands, key=key) if cands else None


def place_rank(mention: Mention | None) -> int:
    if mention is None:
        return 9
    return _PLACE_RANK.get(getattr(mention.value, "precision", "place"), 0)
