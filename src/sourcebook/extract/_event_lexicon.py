"""The event vocabulary compiled once per component: trigger patterns, cue patterns and the GTD
attack/target type lexicons, all read from the codebook (triggers.jsonl, attack_types.yaml,
target_types.yaml).

A trigger is a word or phrase that names an attack or a counter-operation; a cue is a phrase
that qualifies one (a figure's meaning, a claim, a denial, a back-reference).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from sourcebook.codebook import Codebook

EVENT_LABELS = ("attack", "counter_operation")
# the label of GTD's catch-all types, which a keyword never selects
_UNKNOWN = "Unknown"
# target types that name people in general: chosen only when no facility or institution is named
_GENERAL_TARGET_PRIORITY = 99


@dataclass(frozen=True, slots=True)
class Trigger:
    """A trigger found in a text: where, what it names, and how it was phrased."""

    label: str
    start: int
    end: int
    form: str = "noun"
    plural: bool = False
    operation_type: str | None = None
    name: str | None = None


@dataclass(slots=True)
class _Pattern:
    label: str
    regex: re.Pattern
    entry: dict = field(default_factory=dict)


def _keyword_regex(words: list[str]) -> re.Pattern | None:
    words = sorted({w.lower() for w in words if w}, key=len, reverse=True)
    if not words:
        return None
    alts = "|".join(re.escape(w).replace(r"\ ", r"[\s-]+") for w in words)
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.I)


class EventLexicon:
    """Compiled trigger and cue patterns and the type lexicons of one codebook.

    Attributes:
        codebook: the codebook it was read from.
    """

    def __init__(self, codebook: Codebook):
        self.codebook = codebook
        self._triggers: list[_Pattern] = []
        self._cues: dict[str, list[_Pattern]] = {}
        for entry in codebook.triggers:
            flags = 0 if entry.get("case") else re.I
            pat = _Pattern(entry["label"], re.compile(entry["pattern"], flags), entry)
            if entry["label"] in EVENT_LABELS:
                self._triggers.append(pat)
            else:
                self._cues.setdefault(entry["label"], []).append(pat)
        self._attack_types = sorted(
            ((entry.get("priority", 50), code, _keyword_regex(entry.get("keywords", [])))
             for code, entry in codebook.attack_types.items() if code != _UNKNOWN),
            key=lambda x: x[0])
        self._target_types = [
            (entry.get("priority", 50), code, _keyword_regex(entry.get("keywords", [])))
            for code, entry in codebook.target_types.items() if code != _UNKNOWN]
        assassination = [c for c, e in codebook.attack_types.items() if e.get("code") == 1]
        self.assassination = assassination[0] if assassination else None
        self.bombing = next((c for c, e in codebook.attack_types.items() if e.get("code") == 3), None)
        # GTD target type 17: members of armed groups (their deaths are no attack's toll)
        self.militia = next((c for c, e in codebook.target_types.items() if e.get("code") == 17), None)
        # GTD target type 14: private citizens, whom no counter-operation targets
        self.civilians = next((c for c, e in codebook.target_types.items() if e.get("code") == 14), None)
        # GTD target types 3 and 4: police and military, the forces of a state
        self.state_forces = frozenset(c for c, e in codebook.target_types.items() if e.get("code") in (3, 4))

    # -- triggers -------------------------------------------------------------------------

    def triggers(self, text: str, offset: int = 0) -> list[Trigger]:
        """Every event trigger in `text`, longest first where two overlap, in text order."""
        found: list[Trigger] = []
        for pat in self._triggers:
            for m in pat.regex.finditer(text):
                start, end = m.span()
                while start < end and text[start].isspace():
                    start += 1
                name = m.groupdict().get("name") if pat.regex.groupindex else None
                found.append(Trigger(pat.label, offset + start, offset + end,
                                     pat.entry.get("form", "noun"), bool(pat.entry.get("plural")),
                                     pat.entry.get("operation_type"), name.strip("\"“”") if name else None))
        found.sort(key=lambda t: (t.start, -(t.end - t.start)))
        kept: list[Trigger] = []
        for trig in found:
            if kept and trig.start < kept[-1].end:
                # a counter-operation phrase ("drone strike") outranks the attack word inside it
                if trig.label == "counter_operation" and kept[-1].label == "attack" and trig.end >= kept[-1].end:
                    kept[-1] = trig
                continue
            kept.append(trig)
        return kept

    # -- cues -----------------------------------------------------------------------------

    def cue(self, label: str, text: str, position: str | None = None) -> re.Match | None:
        """The first match of a cue of `label` in `text` (only cues of that `position` when given)."""
        for pat in self._cues.get(label, ()):
            if position and pat.entry.get("position") != position:
                continue
            m = pat.regex.search(text)
            if m:
                return m
        return None

    def cues(self, label: str, text: str) -> list[tuple[re.Match, dict]]:
        """Every match of every cue of `label`, with its entry."""
        return [(m, pat.entry) for pat in self._cues.get(label, ()) for m in pat.regex.finditer(text)]

    # -- GTD types ------------------------------------------------------------------------

    def attack_type(self, text: str) -> tuple[str, int, int] | None:
        """The GTD attack type a clause's words suggest, by the types' priority, with the span of
        the deciding word (relative to `text`)."""
        for _, code, regex in self._attack_types:
            if regex is None:
                continue
            m = regex.search(text)
            if m:
                return code, m.start(), m.end()
        return None

    def target_type(self, phrase: str) -> tuple[str, int, int] | None:
        """The GTD target type of a target phrase: the last facility or institution named (the
        head of "Government Technical Secondary School" is the school), else the people named."""
        hits = []
        for priority, code, regex in self._target_types:
            if regex is None:
                continue
            for m in regex.finditer(phrase):
                hits.append((m.start(), m.end(), priority, code))
        if not hits:
            return None
        # a longer keyword that covers a shorter one wins ("police training college" over "college")
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        kept = []
        for h in hits:
            if kept and h[0] < kept[-1][1]:
                continue
            kept.append(h)
        specific = [h for h in kept if h[2] < _GENERAL_TARGET_PRIORITY]
        start, end, _, code = (specific or kept)[-1]
        return code, start, end
