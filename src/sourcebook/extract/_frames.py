"""Sentence frames shared by the claim components (leadership, estimates, designations, relations).

A `Frame` is one sentence in which every grounded mention (actor, person, place, date,
quantity) and every capitalised name no component recognised is replaced by a short token
(`\\x01A3\\x02` for the fourth entity, an actor). Patterns written as data then read over the
frame's text with placeholders (`{A}` an actor or unknown name, `{P}` a person or unknown name,
`{D}` a date, `{Q}` a figure...) and every match maps back to the document's offsets, so each
value keeps the words that state it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any


from sourcebook.codebook import load_lexicon
from sourcebook.extract._lexicon import alternation as _alternation
from sourcebook.model import DateValue, Document, Quantity

TOKEN = re.compile(r"\x01([APNLDQ])(\d+)\x02")
_KIND_OF_LABEL = {"actor": "A", "person": "P", "place": "L", "date": "D", "quantity": "Q"}
PLACEHOLDERS = {
    "{A}": r"\x01[AN]\d+\x02", "{P}": r"\x01[PN]\d+\x02", "{E}": r"\x01[APN]\d+\x02",
    "{D}": r"\x01D\d+\x02", "{Q}": r"\x01Q\d+\x02", "{L}": r"\x01L\d+\x02", "{AL}": r"\x01[ANL]\d+\x02", "{PL}": r"\x01[LN]\d+\x02", "{K}": r"\x01A\d+\x02", "{X}": r"\x01[APNL]\d+\x02",
}


def alternation(words) -> str:
    """A regex alternation of words, longest first, spaces matching any run of spaces."""
    return _alternation(words, flexible_spaces=True)


def compile_pattern(pattern: str, macros: dict[str, str]) -> re.Pattern:
    """Expand `{NAME}` macros (data) and entity placeholders, then compile case-insensitively."""
    for _ in range(4):                     # macros may name other macros
        for key, value in macros.items():
            pattern = pattern.replace("{" + key + "}", value)
    for key, value in PLACEHOLDERS.items():
        pattern = pattern.replace(key, value)
    return re.compile(pattern, re.I)


@dataclass(slots=True)
class Entity:
    """A name, date or figure of a sentence: its span, kind letter and normalised value."""

    start: int
    end: int
    kind: str
    text: str
    value: Any = None
    data: dict = field(default_factory=dict)
    tail: int = 0                           # end of an "(alias)" or "(ABC)" folded into this token

    @property
    def key(self) -> str:
        """What tells two mentions of one actor apart from another: canonical name, else words."""
        base = self.value if isinstance(self.value, str) and self.value else self.text
        return name_key(base)

    @property
    def is_state(self) -> bool:
        return self.data.get("actor_type") in ("state", "international")


def name_key(name: str) -> str:
    s = re.sub(r"['’`]s\b", "", name.lower())
    s = re.sub(r"\b(the|al|el|of|and)\b", " ", re.sub(r"[^\w\s]|_", " ", s))
    return " ".join(s.split())


def same_person(a: str, b: str) -> bool:
    """Two spellings of one person: equal keys, or one name's words all inside the other's."""
    ka, kb = set(name_key(a).split()), set(name_key(b).split())
    if not ka or not kb:
        return False
    small, big = (ka, kb) if len(ka) <= len(kb) else (kb, ka)
    return small <= big


class Frame:
    """One sentence with its entities replaced by tokens.

    Attributes:
        start, end: the sentence's offsets in the document.
        text: the abstracted text patterns read.
        ents: the entities, in order; token `\\x01A3\\x02` is `ents[3]`.
    """

    __slots__ = ("doc", "start", "end", "text", "ents", "_starts", "_ends", "index")

    def __init__(self, doc: Document, start: int, end: int, ents: list[Entity], index: int = 0):
        self.doc, self.start, self.end, self.ents, self.index = doc, start, end, ents, index
        parts, starts, ends = [], [], []
        pos = start
        for i, ent in enumerate(ents):
            chunk = doc.text[pos:ent.start]
            parts.append(chunk)
            starts += range(pos, ent.start)
            ends += range(pos + 1, ent.start + 1)
            token = f"\x01{ent.kind}{i}\x02"
            parts.append(token)
            starts += [ent.start] * len(token)
            ends += [ent.end] * len(token)
            pos = max(ent.end, ent.tail)
        parts.append(doc.text[pos:end])
        starts += range(pos, end)
        ends += range(pos + 1, end + 1)
        self.text = "".join(parts).replace("\n", " ")
        self._starts, self._ends = starts, ends

    def span(self, a: int, b: int) -> tuple[int, int]:
        """Document offsets of the frame text's [a, b)."""
        if b <= a:
            return (self._starts[a], self._starts[a]) if a < len(self._starts) else (self.end, self.end)
        return self._starts[a], self._ends[b - 1]

    def entities(self, a: int = 0, b: int | None = None, kinds: str = "APNLDQ") -> list[Entity]:
        """Entities whose tokens lie in the frame text's [a, b), in order."""
        sub = self.text[a:b]
        return [self.ents[int(m.group(2))] for m in TOKEN.finditer(sub) if m.group(1) in kinds]

    def entity(self, group_text: str, kinds: str = "APN") -> Entity | None:
        """The first entity of a matched group's text."""
        for m in TOKEN.finditer(group_text or ""):
            if m.group(1) in kinds:
                return self.ents[int(m.group(2))]
        return None

    def quote(self, a: int, b: int) -> str:
        s, e = self.span(a, b)
        return self.doc.text[s:e]


# -- building frames -----------------------------------------------------------------------

_DEMONYM = re.compile(r"(?:an|ani|ian|ese|ish|i|ic)$")
_NAME_WORD = r"[A-Z][\w'’]*(?:[-‐][\w'’]+)*\.?"
_NAME_RUN = re.compile(rf"{_NAME_WORD}(?:\s(?:(?:of|in|for|al|el|bin|ibn|bint|ben|ag|ould|ul|e|i|de|da|dos|du|van|von|the|wal|fi|-)\s)*{_NAME_WORD})*")


def _unknown_names(doc: Document, start: int, end: int, taken: list[tuple[int, int]], cues: dict,
                   surnames: frozenset = frozenset()) -> list[Entity]:
    """Capitalised runs no component recognised: candidates for unknown groups and people."""
    stop = cues["_stop"]
    titles = cues["_titles"]
    out = []
    text = doc.text
    for m in _NAME_RUN.finditer(text, start, end):
        words = list(re.finditer(r"\S+", m.group()))
        # trim function words and titles at both ends ("In June", "Prime Minister X", "X Associate")
        while words and (words[0].group().rstrip(".").lower() in stop or words[0].group().rstrip(".").lower() in titles):
            words.pop(0)
        if words and words[-1].group().rstrip(".").lower() in titles:
            continue                       # "Research Associate", "Prime Minister": a title, not a name
        while words and (words[-1].group().rstrip(".").lower() in stop
                         or words[-1].group().lower() in ("of", "in", "for", "the", "al", "el", "-")):
            words.pop()
        if not words:
            continue
        s = m.start() + words[0].start()
        e = m.start() + words[-1].end()
        while e > s and text[e - 1] in "'’":
            e -= 1
        if text[e - 1] == "." and not re.search(r"\b[A-Z]\.$", text[s:e]):
            e -= 1
        if s >= e:
            continue
        if len(words) == 1 and (s == start or re.search(r"[.:!?\n]\s*[\"“‘(]?$", text[max(start, s - 4):s])) \
                and name_key(text[s:e]) not in surnames:
            continue                       # one capitalised word opening a sentence is no evidence of a name,
            #                                unless it is the last name of a person the document names in full
        if len(words) == 1 and _DEMONYM.search(text[s:e]) and re.match(r"\s+[a-z]", text[e:e + 3]):
            continue                       # "Afghan affiliate", "Pakistani and Afghan fighters": an adjective
        if any(a < e and s < b for a, b in taken):
            continue
        out.append(Entity(s, e, "N", text[s:e]))
    return out


def _fold_parentheses(doc: Document, ents: list[Entity], cues: dict) -> list[Entity]:
    """Fold "X (ABC)" and "X (alias Y)" into X's token, so that patterns see one name."""
    text = doc.text
    aka = re.compile(r"\s*\((?:alias|aka|a\.k\.a\.|also known as|known as|formerly)\b[^)]{0,80}\)", re.I)
    out: list[Entity] = []
    for ent in ents:
        if out and out[-1].kind in "APN" and ent.kind in "APN" and re.fullmatch(r"\s*\(", text[out[-1].end:ent.start]) \
                and re.match(r"\s*\)", text[ent.end:ent.end + 3]):
            prev = out[-1]
            prev.tail = ent.end + text[ent.end:ent.end + 3].index(")") + 1
            prev.data.setdefault("aliases", []).append(ent.text)
            if prev.value is None and ent.value is not None:
                prev.value, prev.kind = ent.value, ent.kind if prev.kind == "N" else prev.kind
                prev.data.update({k: v for k, v in ent.data.items() if k not in prev.data})
            continue
        if ent.kind in "APN":
            m = aka.match(text, ent.end)
            if m:
                ent.tail = m.end()
        out.append(ent)
    # drop entities swallowed by a fold
    kept, reach = [], -1
    for ent in out:
        if ent.start < reach:
            continue
        kept.append(ent)
        reach = max(ent.end, ent.tail)
    return kept


def build_entities(doc: Document, cues: dict) -> list[Entity]:
    """Every entity of the document, sorted, without overlaps (longer mentions win)."""
    ents: list[Entity] = []
    for m in doc.mentions:
        kind = _KIND_OF_LABEL.get(m.label)
        if kind:
            ents.append(Entity(m.start, m.end, kind, m.text, m.value, dict(m.data)))
    ents.sort(key=lambda e: (e.start, -(e.end - e.start)))
    kept: list[Entity] = []
    for ent in ents:
        if kept and ent.start < kept[-1].end:
            continue
        kept.append(ent)
    names = []
    # "Smith led the group ...": a surname opening a sentence is a name once the full name was seen
    surnames = frozenset(name_key(x.text.split()[-1]) for x in kept if x.kind == "P" and len(x.text.split()) > 1)
    k = 0
    for s, e in sentences_of(doc):
        while k < len(kept) and kept[k].end <= s:
            k += 1
        taken = []
        for x in kept[k:]:
            if x.start >= e:
                break
            taken.append((x.start, x.end))
        names += _unknown_names(doc, s, e, taken, cues, surnames)
    kept = sorted(kept + names, key=lambda e: e.start)
    return _fold_parentheses(doc, kept, cues)


def sentences_of(doc: Document) -> list[tuple[int, int]]:
    # a document nobody split (a pipeline configured without `sentences`) is one sentence
    return doc.sentences or [(0, len(doc.text))]


def frames_of(doc: Document) -> list[Frame]:
    """The document's frames, built once per document and shared by the claim components."""
    cached = doc.meta.get("_frames")
    if cached is not None and cached[0] == len(doc.mentions):
        return cached[1]
    cues = name_cues()
    ents = build_entities(doc, cues)
    frames, i = [], 0
    boiler = doc.meta.get("boilerplate") or []
    for n, (s, e) in enumerate(sentences_of(doc)):
        while i < len(ents) and ents[i].start < s:
            i += 1
        j = i
        while j < len(ents) and ents[j].end <= e:
            j += 1
        if any(a <= s and e <= b for a, b in boiler):
            continue
        frames.append(Frame(doc, s, e, ents[i:j], n))
    doc.meta["_frames"] = (len(doc.mentions), frames)
    return frames


@cache
def name_cues() -> dict:
    cues = load_lexicon("name_cues")
    return {"_stop": {w.lower() for w in cues.get("stop_words", [])},
            "_titles": {w.lower() for w in cues.get("titles", [])}}


# -- values --------------------------------------------------------------------------------

def date_of(ent: Entity | None) -> DateValue | None:
    if ent is None or ent.kind != "D":
        return None
    v = ent.value
    if isinstance(v, DateValue):
        return v
    if isinstance(v, str):
        try:
            return DateValue.parse(v)
        except (TypeError, ValueError):
            return None
    return None


def best_date(ents: list[Entity]) -> Entity | None:
    """The most precise date among these, an explicit one before a relative one."""
    dated = [e for e in ents if date_of(e)]
    if not dated:
        return None
    rank = {"day": 3, "month": 2, "year": 1}
    return max(dated, key=lambda e: (e.data.get("how") in (None, "absolute"), rank[date_of(e).precision], -dated.index(e)))


def quantity_of(ent: Entity | None) -> Quantity | None:
    if ent is None or ent.kind != "Q":
        return None
    v = ent.value
    if isinstance(v, Quantity):
        return v
    if isinstance(v, (int, float)):
        return Quantity(int(v), int(v))
    return None


def in_boilerplate(doc: Document, start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in doc.meta.get("boilerplate") or [])


def paragraph_of(doc: Document, offset: int) -> tuple[int, int]:
    for a, b in doc.meta.get("paragraphs") or []:
        if a <= offset < b:
            return a, b
    a = doc.text.rfind("\n\n", 0, offset)
    b = doc.text.find("\n\n", offset)
    return (0 if a < 0 else a + 2), (len(doc.text) if b < 0 else b)
