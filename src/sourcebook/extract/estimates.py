"""The `estimates` component: how many fighters or members a group has, and who says so.

A figure is a strength estimate when it counts a group's people ("1,500 to 2,200 fighters",
"its membership at between 7,000 and 9,000", "Strength: 7,000–12,000 (2023 est.)") in a clause
that tells of no losses, arrests or projections. The source is who made the estimate ("According
to RUSI", "the US Department of Defence estimated", "A report by the UN Monitoring Team"), never
the document itself; a second figure in the same sentence ("..., while X estimated that there
are around 1,000 to 3,000") counts what the first counted, by its own source. Cues are data:
codebook/data/estimate_cues.yaml.
"""
from __future__ import annotations

import re

from sourcebook.codebook import load_lexicon
from sourcebook.pipeline.registry import component
from sourcebook.extract._context import ClaimMaker, antecedent, is_group, main_actor
from sourcebook.extract._frames import (Entity, Frame, alternation, best_date, compile_pattern, date_of,
                                        frames_of, quantity_of)

KIND = "estimate"
_BODY_TAIL = re.compile(r"(?:\s(?:of\s)?[A-Z][\w-]+)*\s(?:Panel|Team|Committee|Group|Mission|Staff|Office|Council)"
                        r"(?:\sof\s[A-Z][\w-]+)?")
_VAGUE = re.compile(r"^(?:several|some|a\sfew|dozens|hundreds|thousands|tens|many|scores)\b", re.I)


class _Estimates:
    def __init__(self, codebook):
        if KIND not in codebook.fact_kinds:
            raise ValueError(f"the codebook has no fact kind {KIND!r}")
        cues = load_lexicon("estimate_cues")
        strength = alternation(cues["strength_nouns"])
        # a word of a phrase, or a date inside it ("a 2021 report by", "report of July 2023 estimated")
        macros = {"STRENGTH": strength, "W": r"(?:[\w'’-]+|\x01D\d+\x02)\s"}
        self.noun = re.compile(rf"\s(?:(?:[\w'’-]+|\x01[ANL]\d+\x02)(?:\sand\s|\s|,\s)){{0,4}}?(?P<noun>{strength})\b(?!\sof\s(?!the\sgroup|its\b|\x01))"
                               rf"(?:\sand\s(?:{strength}))?(?:\s(?:in|based\sin|across)\s(?:the\s)?(?:[\w-]+\s(?:of\s)?)?\x01[LNA]\d+\x02)?", re.I)
        self.bare_lead = compile_pattern(cues["bare_lead"], macros)
        self.infobox = compile_pattern(cues["infobox"], macros)
        self.bare_noun = compile_pattern(cues["bare_noun"], macros)
        self.exclude = compile_pattern(cues["exclude"], macros)
        self.cue = compile_pattern(cues["cue"], macros)
        self.sources = [compile_pattern(p, macros) for p in cues["sources"]]
        self.source_phrases = [compile_pattern(p, macros) for p in cues["source_phrases"]]
        self.sources_after = [compile_pattern(p, macros) for p in cues["sources_after"]]
        self.not_as_of = compile_pattern(cues["not_as_of"], macros)
        self.verb_clause = compile_pattern(cues["verb_clause"], macros)
        self.report_subject = compile_pattern(cues["report_subject"], macros)
        self.subjects = [compile_pattern(p, macros) for p in cues["subjects"]]
        self.clause_split = re.compile(cues["clause_split"], re.I)

    def __call__(self, doc):
        frames = self.frames = frames_of(doc)
        maker = ClaimMaker(doc, KIND)
        found: dict[tuple, object] = {}
        for frame in frames:
            if self.infobox.match(frame.doc.text[frame.start:frame.end]):
                self._infobox(frame, maker, found)
                continue
            self._sentence(frame, frames, maker, found)
        doc.claims.extend(found.values())
        return doc

    # -- a sentence of prose ---------------------------------------------------------------

    def _clauses(self, text: str) -> list[tuple[int, int]]:
        out, pos = [], 0
        for m in self.clause_split.finditer(text):
            out.append((pos, m.start()))
            pos = m.end()
        out.append((pos, len(text)))
        return out

    def _sentence(self, frame: Frame, frames, maker: ClaimMaker, found: dict):
        text = frame.text
        first = None                      # (subject, quantity slot) of the sentence's first estimate
        for a, b in self._clauses(text):
            clause = text[a:b]
            if self.exclude.search(clause):
                continue
            for m in re.finditer(r"\x01Q(\d+)\x02", clause):
                ent = frame.ents[int(m.group(1))]
                q = quantity_of(ent)
                if q is None or q.high < 2 or _VAGUE.match(ent.text):
                    continue
                qa, qb = a + m.start(), a + m.end()
                nm = self.noun.match(text, qb)
                bare = self.bare_lead.search(text[a:qa])
                if nm:
                    qty = (frame.quote(qb, nm.end()).strip(), frame.span(qb, nm.end()))
                elif bare:
                    qty = self._counted(frame, a + bare.start(), a + bare.end(), first)
                elif first is not None and re.match(r"(?:\s(?:as|in|on|at|by|according|that|and|or|over|for|inside|outside|across|within|among)\b|\s*[.,;)]|\s*$)", text[qb:]):
                    qty = first[1]
                else:
                    continue
                if not (self.cue.search(clause) or frame.entities(qb, nm.end() if nm else qb, "A")):
                    continue
                source = self._source(frame, a, qa, qb)
                subject = self._subject(frame, a, b, source)
                if subject is None:
                    subject = first[0] if first is not None else \
                        antecedent(frame, qa, frames, exclude={source.key} if source else set())
                if subject is None or not is_group(subject):
                    continue
                if first is None:
                    first = (subject, qty)
                date = self._as_of(frame, a, b, qa, qb)
                values = {"subject": (subject.text, (subject.start, subject.end)), "quantity": qty,
                          "low": (q.low, (ent.start, ent.end)), "high": (q.high, (ent.start, ent.end)),
                          "qualifier": (q.qualifier, (ent.start, ent.end)),
                          "as_of": (date_of(date).iso(), (date.start, date.end)) if date else None,
                          "source": (source.text, (source.start, source.end)) if source else None}
                conf = 0.8 if source else 0.6
                self._keep(found, maker.make(values, (frame.start, frame.end), conf), subject)

    def _counted(self, frame: Frame, a: int, b: int, first) -> tuple[str, tuple[int, int]]:
        """What a bare lead counts ("put the number of TTP fighters in Afghanistan at" counts "TTP
        fighters in Afghanistan"), never the verbs around it."""
        m = self.bare_noun.search(frame.text, a, b)
        if m is not None:
            g = "np" if m.group("np") else "word"
            return frame.quote(m.start(g), m.end(g)).strip(" ,"), frame.span(m.start(g), m.end(g))
        if first is not None:
            return first[1]
        return frame.quote(a, b).strip(" ,"), frame.span(a, b)

    def _as_of(self, frame: Frame, a: int, b: int, qa: int, qb: int) -> Entity | None:
        """The date of the estimate: the clause's date nearest the figure, never one that marks a
        change ("since 2023") nor one past another figure, which dates that figure ("between
        200,000 and 220,000, up from 30,000 in 2015")."""
        text = frame.text
        figures = [a + m.start() for m in re.finditer(r"\x01Q\d+\x02", text[a:b]) if a + m.start() != qa]
        best = None
        for m in re.finditer(r"\x01D(\d+)\x02", text[a:b]):
            ent, at = frame.ents[int(m.group(1))], a + m.start()
            if not date_of(ent) or self.not_as_of.search(text, max(a, at - 30), at):
                continue
            if at > qa and any(qb <= f < at for f in figures):
                continue
            if best is None or abs(at - qa) < best[0]:
                best = (abs(at - qa), ent)
        if best is None and a > 0:
            # a clause with no date of its own ("..., and put X at 200 to 250") keeps the sentence's
            before = [e for e in frame.entities(0, a, "D") if date_of(e)]
            if before and not self.not_as_of.search(text, 0, text.find(f"\x01D{frame.ents.index(before[-1])}\x02")):
                return before[-1]
        return best[1] if best else None

    def _source(self, frame: Frame, a: int, qa: int, qb: int) -> Entity | None:
        """Who made the estimate: the nearest attribution before the figure in its clause, else
        one before it in the sentence, else a body or officials named by common words, else an
        "according to" after the figure."""
        best = None
        for lo in (a, 0):
            for rx in self.sources:
                for m in rx.finditer(frame.text, lo, qa):
                    ent = frame.entity(m.group("src"), "APN")
                    if ent is None and m.group("src").strip().lower() in ("its",):
                        ent = next((e for e in frame.entities(0, m.start(), "AN") if not is_group(e) or e.is_state
                                    or e.kind == "N"), None) or next(iter(frame.entities(0, m.start(), "AN")), None)
                    if ent is not None and (best is None or m.start() > best[0]):
                        best = (m.start(), ent)
            if best:
                return self._widen(frame, best[1])
            if lo == a and a > 0 and self.verb_clause.match(frame.text[a:]):
                m = self.report_subject.match(frame.text)
                if m is not None:
                    start, end = frame.span(m.start("src"), m.end("src"))
                    return Entity(start, end, "N", frame.quote(m.start("src"), m.end("src")).strip())
        for lo in (a, 0):
            for rx in self.source_phrases:
                for m in rx.finditer(frame.text, lo, qa):
                    if best is None or m.start() > best[0]:
                        start, end = frame.span(m.start("src"), m.end("src"))
                        best = (m.start(), Entity(start, end, "N", frame.quote(m.start("src"), m.end("src")).strip()))
            if best:
                return best[1]
        for rx in self.sources_after:
            m = rx.search(frame.text, qb)
            if m and not re.search(r"\x01Q\d+\x02", frame.text[qb:m.start()].split(",")[-1]):
                ent = frame.entity(m.group("src"), "APN")
                if ent is not None:
                    return ent
        return None

    @staticmethod
    def _widen(frame: Frame, ent: Entity) -> Entity:
        """A body named inside a bigger one ("UN" of "UN Panel of Experts") is the bigger one."""
        text = frame.doc.text
        m = _BODY_TAIL.match(text, ent.end)
        if m is None or ent.kind not in "AN" or text[m.end():m.end() + 1].isalnum():
            return ent
        return Entity(ent.start, m.end(), "N", text[ent.start:m.end()], data=dict(ent.data, actor_type=None))

    def _subject(self, frame: Frame, a: int, b: int, source: Entity | None) -> Entity | None:
        """The counted group, read in the figure's clause."""
        skip = {source.key} if source else set()
        for rx in self.subjects:
            for m in rx.finditer(frame.text, a, b):
                if m.groupdict().get("pron"):
                    ent = antecedent(frame, m.start(), self.frames, exclude=skip)
                else:
                    ent = frame.entity(m.group("subj"), "AN")
                if ent is not None and is_group(ent) and ent.key not in skip:
                    return ent
        groups = [e for e in frame.entities(a, b, "A") if is_group(e) and e.key not in skip]
        return groups[0] if groups else None

    # -- an infobox line -------------------------------------------------------------------

    def _infobox(self, frame: Frame, maker: ClaimMaker, found: dict):
        subject = main_actor(frame.doc)
        if subject is None:
            return
        for m in re.finditer(r"\x01Q(\d+)\x02", frame.text):
            ent = frame.ents[int(m.group(1))]
            q = quantity_of(ent)
            if q is None or q.high < 2:
                continue
            date = best_date([e for e in frame.entities(m.end(), None, "D") if date_of(e)])
            line = frame.doc.text[frame.start:frame.end]
            head = line[:self.infobox.match(line).end() - 1]
            words = head.strip(" -*|_")
            where = (frame.start + head.index(words), frame.start + head.index(words) + len(words))
            values = {"subject": (subject.text, (subject.start, subject.end)),
                      "quantity": (words.lower(), where),
                      "low": (q.low, (ent.start, ent.end)), "high": (q.high, (ent.start, ent.end)),
                      "qualifier": (q.qualifier, (ent.start, ent.end)),
                      "as_of": (date_of(date).iso(), (date.start, date.end)) if date else None}
            self._keep(found, maker.make(values, (frame.start, frame.end), 0.6, "context"), subject)
            break

    @staticmethod
    def _keep(found: dict, claim, subject: Entity):
        """One estimate per group and figure: a repeat (an infobox and its prose) adds nothing,
        unless it names the source the first did not."""
        key = (subject.key, claim.values.get("low"), claim.values.get("high"))
        old = found.get(key)
        if old is None or ("source" in claim.values and "source" not in old.values):
            found[key] = claim


@component("estimates", requires=["doc.sentences", "doc.mentions"], assigns=["doc.claims"])
def make_estimates(codebook):
    """estimates: strength estimates of groups (fighters, members) with who made them."""
    return _Estimates(codebook)
