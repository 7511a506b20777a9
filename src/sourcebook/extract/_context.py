"""What the claim components read around a pattern's match: who "the group" or "its" is, the
names a subject phrase lists, and how a claim is assembled with a span for every value."""
from __future__ import annotations

import re
from typing import Any

from sourcebook.model import Claim, Document
from sourcebook.extract._frames import TOKEN, Entity, Frame, date_of, frames_of

# appositions and asides inside a subject phrase: ", a former Hamas commander,", "(PFLP)",
# ", who was previously part of X", ", then led by X,"
_ASIDE = re.compile(
    r",\s(?:(?:an?|the|its|their|his|then|now|later|formerly|also|once|which|who|whose|known|better|led|based|"
    r"founded|headed|alongside|together|along|including|itself)\b[^,;]*?)(?=,|$)"
    r"|\s(?:who|which|that|whose)\s[^,;]*?(?=,|$)|\([^)]*\)|\balongside\b.*$|\btogether with\b.*$", re.I)
# in a list read from its first name, ", the B," between two names is an item, not an aside
# ("a merger between A, the B, C and D")
_LIST_ITEM = re.compile(r",\sthe\s(\x01[AN]\d+\x02)(?=,\s\x01|\sand\s\x01)")
_LIST_GLUE = re.compile(r"^(?:\s*(?:,|and|or|as well as|&|the|both|from|;|its|their|own|offshoots?|ally|allies|"
                        r"affiliates?|factions?|splinter groups?)\s*)*$", re.I)
_PRONOUN_OPENING = re.compile(r"\W*(?:it|its|they|their|the (?:group|movement|organi[sz]ation|network|faction|coalition|alliance))\b", re.I)
_PRONOUN = re.compile(r"\b(?:it|its|they|their|the (?:group|movement|organi[sz]ation|network|faction|party|coalition|alliance))\b", re.I)


def names_in(frame: Frame, a: int, b: int, kinds: str = "APN", many: bool = True, first: bool = False) -> list[Entity]:
    """The names a phrase of the frame states, asides dropped: all of a list ("A, B and C"),
    else the head name (the last one left)."""
    sub = frame.text[a:b]
    if first:
        sub = _LIST_ITEM.sub(lambda m: ",     " + m.group(1), sub)
    prev = None
    while prev != sub:                     # nested asides
        prev = sub
        sub = _ASIDE.sub(lambda m: " " * len(m.group()), sub)
    toks = [(m.start(), m.end(), frame.ents[int(m.group(2))]) for m in TOKEN.finditer(sub) if m.group(1) in kinds]
    if not toks:
        # "The breakaway group, later known as X,": the aside holds the only name
        toks = [(m.start(), m.end(), frame.ents[int(m.group(2))]) for m in TOKEN.finditer(frame.text[a:b])
                if m.group(1) in kinds]
        return [toks[0][2]] if toks else []
    if first:
        run = [toks[0]]
        for t in toks[1:]:
            if _LIST_GLUE.match(sub[run[-1][1]:t[0]]):
                run.append(t)
            else:
                break
        seen, out = set(), []
        for _, _, e in run:
            if e.key not in seen:
                seen.add(e.key)
                out.append(e)
        return out
    if many:
        run = [toks[-1]]
        for t in reversed(toks[:-1]):
            if _LIST_GLUE.match(sub[t[1]:run[0][0]]):
                run.insert(0, t)
            else:
                break
        if len(run) > 1:
            seen, out = set(), []
            for _, _, e in run:
                if e.key not in seen:
                    seen.add(e.key)
                    out.append(e)
            return out
    return [toks[-1][2]]


def is_group(ent: Entity | None) -> bool:
    """An organization that can lead, pledge or be designated: not a state, person or place."""
    return ent is not None and ent.kind in "AN" and not ent.is_state and ent.data.get("actor_type") != "person"


def is_known_group(ent: Entity | None) -> bool:
    return ent is not None and ent.kind == "A" and not ent.is_state and ent.data.get("actor_type") in (None, "organization")


def main_actor(doc: Document) -> Entity | None:
    """The actor a document is about: the first group named in its title or first lines, else
    the group it names most."""
    cached = doc.meta.get("_main_actor", False)
    if cached is not False:
        return cached
    frames = frames_of(doc)
    best = None
    head_end = min(len(doc.text), max(300, doc.text.find("\n\n", 1) + 1))
    for f in frames:
        if f.start > head_end:
            break
        groups = [e for e in f.entities(kinds="A") if is_known_group(e)]
        if groups:
            best = groups[0]
            break
    if best is None:
        counts: dict[str, list[Entity]] = {}
        for f in frames:
            for e in f.entities(kinds="A"):
                if is_known_group(e):
                    counts.setdefault(e.key, []).append(e)
        if counts:
            best = max(counts.values(), key=len)[0]
    doc.meta["_main_actor"] = best
    return best


def antecedent(frame: Frame, pos: int, frames: list[Frame], exclude: set[str] = frozenset()) -> Entity | None:
    """The group "it", "its" or "the group" at frame-text offset `pos` stands for: the last group
    named before it in the sentence, else the first group of the nearest earlier sentence of
    the paragraph, else the document's main actor."""
    here = [e for e in frame.entities(0, pos, "AN") if is_known_group(e) and e.key not in exclude]
    if here:
        return here[-1]
    doc = frame.doc
    para = _paragraph_start(doc, frame.start)
    k = next((i for i, f in enumerate(frames) if f is frame), None)
    if k is not None:
        for f in reversed(frames[max(0, k - 6):k]):
            if f.start < para:
                break
            if _PRONOUN_OPENING.match(f.text):
                continue                   # "Its founders...", "The group has...": the referent is further back
            groups = [e for e in f.entities(kinds="A") if is_known_group(e) and e.key not in exclude]
            if groups:
                return groups[0]
    main = main_actor(doc)
    return main if main is not None and main.key not in exclude else None


def _paragraph_start(doc: Document, offset: int) -> int:
    for a, b in doc.meta.get("paragraphs") or []:
        if a <= offset < b:
            return a
    i = doc.text.rfind("\n", 0, offset)
    return 0 if i < 0 else i + 1


def is_pronoun(text: str) -> bool:
    return bool(_PRONOUN.fullmatch(text.strip()))


def dates_between(frame: Frame, a: int, b: int) -> list[Entity]:
    return [e for e in frame.entities(a, b, "D") if date_of(e)]


class ClaimMaker:
    """Collects one component's claims for a document: values with their spans."""

    def __init__(self, doc: Document, kind: str):
        self.doc, self.kind = doc, kind

    def make(self, values: dict[str, tuple[Any, tuple[int, int] | None]], evidence: tuple[int, int],
             confidence: float, attribution: str = "stated") -> Claim:
        """A claim; a value with no span is dropped, a date gets its precision beside it."""
        doc = self.doc
        vals, spans = {}, {}
        for slot, pair in values.items():
            value, where = pair if pair else (None, None)
            if value is None or where is None or where[1] <= where[0]:
                continue
            vals[slot] = value
            spans[slot] = doc.span(*where)
            if slot == "date" and isinstance(value, str):
                vals["date_precision"] = ("year", "month", "day")[value.count("-")]
                spans["date_precision"] = spans[slot]
        return Claim(self.kind, vals, doc.span(*evidence), spans, round(confidence, 3), attribution)

