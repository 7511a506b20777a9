"""The `leadership` component: who led which group, in which role, from when to when.

Reports tell a tenure in pieces: an appointment ("X was named the third emir of Y in March
2019"), an apposition ("the Hamas chief, X"), an end told later ("He was killed ... on 4 May
2022"), an infobox line ("Leaders: A (1998–2006); B (2006–present)") or a table of leaders. Each piece is read from a sentence frame (extract/_frames.py) with the patterns of
codebook/data/leadership_cues.yaml; the pieces of one person's tenure of one group are then
joined into one claim, whose every value keeps the words that state it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from sourcebook.codebook import load_lexicon
from sourcebook.pipeline.registry import component
from sourcebook.extract._context import ClaimMaker, antecedent, is_group, is_known_group, is_pronoun, main_actor
from sourcebook.extract._frames import (Entity, Frame, alternation, best_date, compile_pattern, date_of,
                                        frames_of, name_key, same_person)
from sourcebook.extract._leader_tables import infobox_tenures, table_tenures

KIND = "leadership"
_WORD = re.compile(r"[a-z][a-z-]*")
_BARE_DEATH = re.compile(r"^([A-Z][\w'’-]+)\s(?:was\s(?:\w+\s)?(?=killed|assassinated|executed|detained|arrested|captured)|(?=died))(\w+)")


@dataclass
class Tenure:
    """The pieces of one person's tenure of one group found so far (value, span) per slot."""

    person: Entity
    org: Entity
    role: tuple[str, tuple[int, int]] | None = None
    start: tuple[str, tuple[int, int]] | None = None
    end: tuple[str, tuple[int, int]] | None = None
    end_reason: tuple[str, tuple[int, int]] | None = None
    evidence: tuple[int, int] = (0, 0)
    confidence: float = 0.5
    order: int = 0
    until_death: bool = False
    follows_end: bool = False
    notes: set = field(default_factory=set)

    def set_end(self, date: str | None, where, reason: str | None, reason_where):
        if date and (self.end is None or (_compatible(self.end[0], date) and len(date) > len(self.end[0]))):
            self.end = (date, where)
        if reason and self.end_reason is None:
            self.end_reason = (reason, reason_where)


def _compatible(a: str, b: str) -> bool:
    return all(x == y for x, y in zip(a.split("-"), b.split("-")))


class _Leadership:
    def __init__(self, codebook, min_confidence: float = 0.0):
        if KIND not in codebook.fact_kinds:
            raise ValueError(f"the codebook has no fact kind {KIND!r}")
        cues = load_lexicon("leadership_cues")
        self.roles = {k.lower(): v for k, v in cues["roles"].items()}
        self.weak_roles = {w.lower() for w in cues["weak_roles"]}
        self.reasons = {k.lower(): v for k, v in cues["end_reasons"].items()}
        macros = dict(cues["macros"], ROLE=alternation(self.roles))
        self.patterns = [(p, compile_pattern(p["pattern"], macros)) for p in cues["patterns"]]
        self.deaths = [compile_pattern(p, macros) for p in cues["deaths"]]
        self.end_after = compile_pattern(cues["end_after"], macros)
        self.end_before = compile_pattern(cues["end_before"], macros)
        self.start_after = compile_pattern(cues["start_after"], macros)
        self.start_cue = compile_pattern(cues["start_cue"], macros)
        self.until_death = compile_pattern(cues["until_death"], macros)
        self.replaced = compile_pattern(cues["replaced"], macros)
        self.follows_end = compile_pattern(cues["follows_end"], macros)
        # one cheap test per sentence before the patterns: most sentences name no role and no leader
        # a phrase's longest word stands for it ("in place of", "secretary general"): "in", "of" or
        # "general" would let every sentence through
        first = lambda words: {max(w.replace("(", " ").replace(")", " ").split(), key=len) for w in words}
        self.gate_words = first(self.roles) | {w.lower() for w in cues["gate_words"]}
        self.gate_person = compile_pattern(cues["gate_person"], macros)
        self.death_words = first(self.reasons) | {"replacing", "succeeding", "shot"}
        self.organs = {w.lower() for w in cues.get("organs", [])}
        self.founder_roles = {v for k, v in self.roles.items() if k.startswith("found")}
        self.min_confidence = min_confidence

    def __call__(self, doc):
        frames = frames_of(doc)
        tenures: list[Tenure] = []
        self._tenures = tenures
        focus: list = [None, -10]            # the tenure last stated, and the frame index it was in
        deaths = []
        for k, frame in enumerate(frames):
            text = frame.text
            words = set(_WORD.findall(text.lower()))
            if not words.isdisjoint(self.gate_words) and self.gate_person.search(text):
                for spec, rx in self.patterns:
                    if spec.get("infobox"):
                        if rx.match(text):
                            for piece in infobox_tenures(frame, main_actor(doc), spec["confidence"], self.roles):
                                self._add(tenures, Tenure(**piece), focus, k)
                        continue
                    for m in rx.finditer(text):
                        t = self._read(frame, frames, m, spec, focus, k)
                        if t is not None:
                            self._add(tenures, t, [None, -10] if spec.get("keep_focus") else focus, k)
                            co = frame.entity(m.groupdict().get("per0"), "PN")
                            if co is not None and not same_person(co.key, t.person.key):
                                self._add(tenures, replace(t, person=co, notes=set()), [None, -10], k)
            if words.isdisjoint(self.death_words):
                continue
            deaths += self._deaths(frame, focus, k)
            for m in self.replaced.finditer(text):
                prev = frame.entity(m.group("prev"), "PN")
                date = best_date(frame.entities(kinds="D"))
                if prev is None:
                    continue
                for t in tenures:
                    if same_person(t.person.key, prev.key) and focus[0] is not None and t.org.key == focus[0].org.key \
                            and t is not focus[0]:
                        t.set_end(date_of(date).iso() if date else None, (date.start, date.end) if date else None,
                                  self.reasons.get("in place of"), frame.span(*m.span()))
        for piece in table_tenures(doc, frames, self.reasons, default_org=main_actor(doc)):
            self._add(tenures, Tenure(**piece), [None, -10], 0)
        self._apply_deaths(tenures, deaths)
        self._chain_starts(tenures)
        maker = ClaimMaker(doc, KIND)
        for t in tenures:
            if t.confidence < self.min_confidence:
                continue
            values = {"organization": (t.org.text, (t.org.start, t.org.end)),
                      "person": (t.person.value if isinstance(t.person.value, str) and t.person.kind == "P" else t.person.text,
                                 (t.person.start, t.person.end)),
                      "role": t.role, "start": t.start, "end": t.end, "end_reason": t.end_reason}
            doc.claims.append(maker.make(values, t.evidence, t.confidence))
        return doc

    # -- reading one match ----------------------------------------------------------------

    def _read(self, frame: Frame, frames, m, spec, focus, k) -> Tenure | None:
        gd = m.groupdict()
        per = frame.entity(gd.get("per"), "PN")
        if per is None and gd.get("pro") and focus[0] is not None and k - focus[1] <= 3:
            per = focus[0].person
        if per is None:
            return None
        org = frame.entity(gd.get("org2"), "AN") or frame.entity(gd.get("org"), "AN")
        if org is not None and org.kind == "A" and name_key(org.text) in self.organs:
            # "the Shura Council elected X": the council acts for the group told before
            org = antecedent(frame, m.start(), frames, exclude={org.key})
        if (spec.get("successor") or (gd.get("role") or "").lower() == "successor") and gd.get("org") and focus[0] is not None and k - focus[1] <= 3 \
                and focus[0].org.key != (org.key if org else None) and re.search(r"\b(?:his|her)\s", m.group()):
            # "The Islamic State named X as his successor": X succeeds the leader last named, in
            # that leader's group (a branch), whoever made the appointment
            org = focus[0].org
        held = None
        if gd.get("holderp"):
            # "Mansour's successor, X": the group (and, for a successor, the role) of the leader named
            hp = frame.entity(gd["holderp"], "PN")
            held = next((t for t in reversed(self._tenures) if hp is not None and t.person.key != per.key
                         and same_person(t.person.key, hp.key)), None)
            if held is None:
                return None
            org = held.org
        if gd.get("holder"):
            # "his deputy, X": the group of the leader last named
            if focus[0] is None or k - focus[1] > 3:
                return None
            org = focus[0].org
        if org is None:
            ref = re.sub(r"['’]s?$", "", gd.get("orgref") or gd.get("org2") or gd.get("org") or "")
            if spec.get("subject_org"):
                org = next((e for e in frame.entities(0, m.start(), "A") if is_known_group(e)), None)
            if org is None and (not ref or is_pronoun(ref)):
                if spec.get("successor") and focus[0] is not None:
                    org = focus[0].org
                else:
                    org = antecedent(frame, m.start(), frames)
        if org is None or not is_group(org) or (org.kind == "N" and not spec.get("strong")):
            return None
        role_text = (gd.get("role") or spec.get("role") or "").lower()
        role_text = re.sub(r"\s+", " ", role_text)
        if held is not None and role_text == "successor" and held.role:
            role_text = held.role[0]
        if spec.get("successor") and focus[0] is not None and focus[0].role:
            role = focus[0].role
            if role[0] in self.founder_roles:
                # the founder's successor leads; he did not found the group again
                role = (self.roles.get("leader", "leader"), role[1])
        else:
            role = (self.roles.get(role_text, role_text), frame.span(*m.span("role")) if gd.get("role") else frame.span(*m.span()))
        if role_text in self.weak_roles or spec.get("known_org"):
            if not is_known_group(org):
                return None
        if per.key == org.key:
            return None
        t = Tenure(per, org, role=role, evidence=(frame.start, frame.end), confidence=spec["confidence"], order=m.start())
        self._dates(frame, m, spec, t, per)
        t.follows_end |= bool(spec.get("chain"))
        return t

    def _dates(self, frame: Frame, m, spec, t: Tenure, per: Entity):
        text = frame.text
        used = set()
        if m.groupdict().get("start"):
            d = frame.entity(m.group("start"), "D")
            if d and date_of(d):
                t.start = (date_of(d).iso(), (d.start, d.end))
                used.add(id(d))
        pstart, pend = m.span("per") if m.groupdict().get("per") else m.span()
        after = text[pend:]
        em = self.end_after.search(after)
        if em and not re.search(r"\b(?:appointed|named|chosen|elected)\b", after[:em.start("reason")]):
            reason = self.reasons.get(em.group("reason").lower())
            dates = [e for e in frame.entities(pend + em.start(), None, "D") if date_of(e)] or \
                [e for e in frame.entities(0, m.start(), "D") if date_of(e)]
            d = best_date(dates)
            t.set_end(date_of(d).iso() if d else None, (d.start, d.end) if d else None, reason,
                      frame.span(pend + em.start("reason"), pend + em.end("reason")))
            if d:
                used.add(id(d))
        bm = self.end_before.search(text[:pstart])
        if bm and t.end is None:
            reason = self.reasons.get(bm.group("reason").lower())
            d = best_date([e for e in frame.entities(kinds="D") if id(e) not in used])
            t.set_end(date_of(d).iso() if d else None, (d.start, d.end) if d else None, reason,
                      frame.span(bm.start("reason"), bm.end("reason")))
            if d:
                used.add(id(d))
        if self.until_death.search(after):
            t.until_death = True
        if self.follows_end.search(text):
            t.follows_end = True
        if t.start is None and spec.get("dates") in ("start", "auto"):
            cands = []
            if spec.get("dates") == "start":
                a = text.rfind(";", 0, m.start()) + 1
                b = text.find(";", m.end())
                cands = [e for e in frame.entities(a, b if b >= 0 else None, "D") if id(e) not in used and date_of(e)]
            else:
                sm = self.start_after.search(after)
                if sm:
                    cands = [e for e in frame.entities(pend + sm.start(), None, "D") if id(e) not in used and date_of(e)]
                    cands = cands[:1]
                for e in frame.entities(kinds="D"):
                    if id(e) in used or not date_of(e):
                        continue
                    tok = text.find(f"\x01D{frame.ents.index(e)}\x02")
                    if self.start_cue.search(text[max(0, tok - 40):tok]):
                        cands.append(e)
            if spec.get("dates") == "start" and t.end is not None:
                cands = [e for e in cands if not t.end or date_of(e).iso() != t.end[0]]
            d = best_date(cands)
            if d:
                t.start = (date_of(d).iso(), (d.start, d.end))

    # -- joining pieces -------------------------------------------------------------------

    def _add(self, tenures: list[Tenure], t: Tenure, focus, k):
        for old in tenures:
            if old.org.key == t.org.key and same_person(old.person.key, t.person.key):
                if len(t.person.text) > len(old.person.text) and t.person.kind == "P":
                    old.person = t.person
                for slot in ("role", "start", "end", "end_reason"):
                    if getattr(old, slot) is None and getattr(t, slot) is not None:
                        setattr(old, slot, getattr(t, slot))
                if t.end and old.end and _compatible(old.end[0], t.end[0]) and len(t.end[0]) > len(old.end[0]):
                    old.end = t.end
                if t.start and old.start and _compatible(old.start[0], t.start[0]) and len(t.start[0]) > len(old.start[0]):
                    old.start = t.start
                old.until_death |= t.until_death
                old.confidence = max(old.confidence, t.confidence)
                focus[0], focus[1] = old, k
                return
        tenures.append(t)
        focus[0], focus[1] = t, k

    def _deaths(self, frame: Frame, focus, k) -> list:
        out = []
        bare = _BARE_DEATH.match(frame.text)
        if bare and frame.doc.text[frame.start:frame.start + 1].isupper():
            # "Karayilan died in May 2023": a surname opening a sentence, which no reader marks as a name
            s = frame.start + bare.start(1)
            per = Entity(s, s + len(bare.group(1)), "N", bare.group(1))
            d = best_date([e for e in frame.entities(bare.end(), None, "D") if date_of(e)])
            out.append((per, d, self.reasons.get(bare.group(2).lower()), frame.span(*bare.span(2))))
        for rx in self.deaths:
            for m in rx.finditer(frame.text):
                per = frame.entity(m.group("per"), "PN")
                if per is None:
                    if focus[0] is None or k - focus[1] > 3:
                        continue
                    per = focus[0].person
                dates = [e for e in frame.entities(m.end(), None, "D") if date_of(e)] or \
                    [e for e in frame.entities(0, m.start(), "D") if date_of(e)]
                d = best_date(dates)
                reason = self.reasons.get(m.group("reason").lower())
                out.append((per, d, reason, frame.span(*m.span("reason"))))
        return out

    def _apply_deaths(self, tenures: list[Tenure], deaths):
        for per, d, reason, where in deaths:
            iso = date_of(d).iso() if d else None
            for t in tenures:
                if not same_person(t.person.key, per.key):
                    continue
                if t.start and iso and iso[:len(t.start[0])] < t.start[0][:len(iso)]:
                    continue
                if t.end is None or (iso and _compatible(t.end[0], iso) and len(iso) > len(t.end[0])):
                    t.set_end(iso, (d.start, d.end) if d else None, reason, where)

    @staticmethod
    def _chain_starts(tenures: list[Tenure]):
        """An appointment told as following the predecessor's end starts at that end (month)."""
        for i, t in enumerate(tenures):
            if t.start is None and t.follows_end:
                prev = next((p for p in reversed(tenures[:i]) if p.org.key == t.org.key and p.end), None)
                if prev is not None and len(prev.end[0]) >= 7:
                    t.start = (prev.end[0][:7], prev.end[1])


@component("leadership", requires=["doc.sentences", "doc.mentions"], assigns=["doc.claims"])
def make_leadership(codebook, min_confidence: float = 0.0):
    """leadership: tenures of leaders (person, group, role, start, end, how it ended)."""
    return _Leadership(codebook, min_confidence=min_confidence)
