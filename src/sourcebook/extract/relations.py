"""The `relations` component: subject–predicate–object statements between groups and people.

Every predicate of the codebook (predicates.yaml) has its sentence patterns in
codebook/data/relation_patterns.yaml: "X, the Islamic State's Sahel affiliate" (branch_of),
"A, B and C refused to recognise the caliph's authority" (rejected_authority_of, one claim per
name of the list), "X, a former Hamas commander" (formerly_member_of), "its ally, the PFLP"
(allied_with, "its" read as the group last named)... A subject phrase keeps its head name, or
every name of a list; asides ("X, a former Y commander, and Z") are set apart first.
Leaders are not coded here: the leadership component records tenures.
"""
from __future__ import annotations

import re

from sourcebook.pipeline.registry import component
from sourcebook.extract._context import ClaimMaker, antecedent, is_group, main_actor, names_in
from sourcebook.extract._frames import Entity, Frame, compile_pattern, date_of, frames_of
from sourcebook.codebook import load_lexicon

KIND = "relation"
_HEAD = "(?P<sr>{HEAD})"
# where a new clause with its own subject starts inside a subject phrase
_CLAUSE_CUT = re.compile(r",\s(?:and|but|while|whereas)\s(?=(?:its|their|it|they|he|she|the\s(?:group|movement))\b)"
                         r"|\b(?:that|announcing|saying|said)\s(?=\S)|;\s", re.I)


# a clause's opening subject: a name, or a pronoun for the group the paragraph is about
_OPENING = re.compile(r"\W*(?:(?:in|on|by|at|since|from|until)\s(?:\x01D\d+\x02|its\s[\w-]+),?\s)?(?:the\s)?"
                      r"(?:\x01([APN])(\d+)\x02|(?P<pro>it|they|the\s(?:group|movement|network|organi[sz]ation|faction))\b)", re.I)
# the subject phrase ends on a coordinated verb ("X is allied with Y, and is a rival of Z") or on a
# relative pronoun after a name ("... founded X, which became a rival of Y")
_COORDINATED = re.compile(r"(?:,\s|\s)and\s$", re.I)
# a subordinate clause opens with its own subject ("X emerged when P broke away from Y and pledged ...")
_SUBORDINATE = re.compile(r"\b(?:when|after|before|once|because|while|whereas|until)\s", re.I)
_RELATIVE = re.compile(r"\x01([AN])(\d+)\x02,?\s(?:which|who)\s$", re.I)


class _Relations:
    def __init__(self, codebook):
        if KIND not in codebook.fact_kinds:
            raise ValueError(f"the codebook has no fact kind {KIND!r}")
        data = load_lexicon("relation_patterns")
        macros = data.get("macros", {})
        self.patterns = []
        for predicate, specs in data.items():
            if predicate in ("macros", "infobox_rows"):
                continue
            if predicate not in codebook.predicates:
                raise ValueError(f"relation_patterns.yaml: {predicate!r} is not a predicate of the codebook")
            for spec in specs:
                pattern = spec["pattern"]
                if pattern.startswith(_HEAD):
                    # the subject phrase runs from the clause start to the verb: found after the
                    # match, never by a lazy prefix that would rescan the sentence at each offset
                    spec = dict(spec, head=True)
                    pattern = pattern[len(_HEAD):]
                self.patterns.append((predicate, spec, compile_pattern(pattern, macros)))
        self.rows = [(p, re.compile(rx, re.I)) for p, rx in (data.get("infobox_rows") or {}).items()]
        self.symmetric = {p for p, e in codebook.predicates.items() if e.get("symmetric")}

    def __call__(self, doc):
        frames = frames_of(doc)
        maker = ClaimMaker(doc, KIND)
        found: dict[tuple, object] = {}
        rows = self._rows(doc, frames, maker)
        for k, frame in enumerate(frames):
            for predicate, spec, rx in self.patterns:
                for m in rx.finditer(frame.text):
                    self._read(frame, frames, k, predicate, spec, m, maker, found)
        for key, claim in rows.items():
            found.setdefault(key, claim)
        # a person told as a former member is not also a member
        former = {(c.values.get("subject"), c.values.get("object")) for c in found.values()
                  if c.values.get("predicate") == "formerly_member_of"}
        doc.claims.extend(c for c in found.values() if not (
            c.values.get("predicate") == "member_of" and (c.values.get("subject"), c.values.get("object")) in former))
        return doc

    def _rows(self, doc, frames, maker: ClaimMaker) -> dict:
        """Relations an infobox row states of the page's group: every group the row names, dated
        by the row's "since" date."""
        out: dict[tuple, object] = {}
        if not self.rows:
            return out
        subject = None
        for frame in frames:
            line = doc.text[frame.start:frame.end]
            for predicate, rx in self.rows:
                m = rx.match(line)
                if m is None:
                    continue
                subject = subject or main_actor(doc)
                if subject is None:
                    return out
                cut = frame.start + m.end()
                dates = [d for d in frame.entities(kinds="D") if d.start >= cut and date_of(d)]
                for o in frame.entities(kinds="AN"):
                    if o.start < cut or o.is_state or not is_group(o) or o.key == subject.key:
                        continue
                    values = {"subject": (subject.text, (subject.start, subject.end)),
                              "predicate": (predicate, (frame.start, frame.end)),
                              "object": (o.text, (o.start, o.end)),
                              "date": (date_of(dates[0]).iso(), (dates[0].start, dates[0].end)) if dates else None}
                    out.setdefault((predicate, subject.key, o.key), maker.make(values, (frame.start, frame.end), 0.6, "context"))
        return out

    def _subjects(self, frame: Frame, frames, k: int, m, spec) -> list[Entity]:
        gd = m.groupdict()
        kinds = "PN" if spec.get("persons") else "APN" if spec.get("any_subject") else "AN"
        if gd.get("s"):
            ent = frame.entity(gd["s"], kinds)
            return [ent] if ent else []
        if gd.get("sopen"):
            ent = self._opening(frame, frames, frame.text.rfind(";", 0, m.start()) + 1)
            return [ent] if ent else []
        if gd.get("spro"):
            ent = antecedent(frame, m.start("spro"), frames)
            return [ent] if ent else []
        if gd.get("sper"):
            for f in [frame, *reversed(frames[max(0, k - 2):k])]:
                people = f.entities(0, m.start() if f is frame else None, "P")
                if people:
                    return [people[-1]]
            return []
        if spec.get("head") or gd.get("sr") is not None:
            if spec.get("head"):
                a, b = max(frame.text.rfind(";", 0, m.start()), frame.text.rfind(":", 0, m.start())) + 1, m.start()
            else:
                a, b = m.span("sr")
            rel = _RELATIVE.search(frame.text, a, b)
            if rel:
                return [frame.ents[int(rel.group(2))]]
            if _COORDINATED.search(frame.text, a, b):
                sub = None
                for sub in _SUBORDINATE.finditer(frame.text, a, b):
                    pass
                ent = self._opening(frame, frames, sub.end() if sub else a)
                if ent is not None:
                    return [ent]
            cut = None
            for cut in _CLAUSE_CUT.finditer(frame.text, a, b):
                a = cut.end()
            names = names_in(frame, a, b, kinds)
            if names:
                return names
            # a clause of its own ("..., and its senior leaders swore"): the referent is the
            # subject the sentence continues, not a name of the clause before
            ent = antecedent(frame, 0 if cut else a, frames)
            return [ent] if ent else []
        return []

    @staticmethod
    def _opening(frame: Frame, frames, a: int) -> Entity | None:
        """The subject a clause opens with: its first name, or the group its pronoun stands for."""
        m = _OPENING.match(frame.text, a)
        if m is None:
            return None
        if m.group("pro"):
            return antecedent(frame, m.start("pro"), frames)
        return frame.ents[int(m.group(2))]

    def _objects(self, frame: Frame, frames, m) -> list[Entity]:
        gd = m.groupdict()
        for g in ("o2", "o"):
            if gd.get(g):
                ent = frame.entity(gd[g], "APN")
                if ent:
                    return [ent]
        if gd.get("opro"):
            ent = antecedent(frame, m.start("opro"), frames)
            return [ent] if ent else []
        if gd.get("orr") is not None:
            a, b = m.span("orr")
            return names_in(frame, a, b, "AN", first=True)
        return []

    def _read(self, frame: Frame, frames, k, predicate, spec, m, maker: ClaimMaker, found: dict):
        subjects = self._subjects(frame, frames, k, m, spec)
        objects = self._objects(frame, frames, m)
        if spec.get("reverse"):
            # the sentence's subject is the relation's object ("X was formed by the merger of A and B")
            subjects, objects = objects, subjects
        date = self._date(frame, m) if spec.get("dated") else None
        for s in subjects:
            if spec.get("persons") and s.kind not in "PN":
                continue
            if not spec.get("persons") and not is_group(s) and not (spec.get("any_subject") and s.kind == "P"):
                continue
            for o in objects:
                if o.key == s.key or o.is_state or (o.kind not in "AN" and predicate not in (
                        "pledged_allegiance_to", "rejected_authority_of")):
                    continue
                pair = (s.key, o.key)
                key = (predicate, *(sorted(pair) if predicate in self.symmetric else pair))
                if key in found:
                    continue
                values = {"subject": (s.text, (s.start, s.end)),
                          "predicate": (predicate, frame.span(*m.span())),
                          "object": (o.text, (o.start, o.end)),
                          "date": (date_of(date).iso(), (date.start, date.end)) if date else None}
                conf = 0.75 if s.kind != "N" and o.kind != "N" else 0.55
                found[key] = maker.make(values, (frame.start, frame.end), conf)

    @staticmethod
    def _date(frame: Frame, m) -> Entity | None:
        """The date the clause gives: inside the match, else just before it, else just after."""
        text = frame.text
        inside = [d for d in frame.entities(m.start(), m.end(), "D") if date_of(d)]
        if inside:
            return inside[0]
        start = max(text.rfind(";", 0, m.start()) + 1, 0)
        before = [d for d in frame.entities(start, m.start(), "D") if date_of(d)]
        if before:
            return before[-1]
        end = text.find(";", m.end())
        after = [d for d in frame.entities(m.end(), end if end >= 0 else None, "D") if date_of(d)]
        return after[0] if after else None


@component("relations", requires=["doc.sentences", "doc.mentions"], assigns=["doc.claims"])
def make_relations(codebook):
    """relations: subject-predicate-object statements between groups and people."""
    return _Relations(codebook)
