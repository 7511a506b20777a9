"""The `designations` component: a state or an international body listing a group or a person
as terrorist — who designates, what, under which instrument, and when.

Reports say it actively ("the Department of State designated X as a Foreign Terrorist
Organization", "the UN committee added it to its sanctions list on D", "Pakistan banned the group
on D"), with a fronted participle ("Designated a Foreign Terrorist Organization on D, X ...") or
as a list ("designated three leaders as SDGTs:" followed by one line each). The designating
party is the state or body: a department that acts for a state is recorded as that state.
One designation is recorded per party, designated name and instrument. Cues are data:
codebook/data/designation_cues.yaml.
"""
from __future__ import annotations

import re

from sourcebook.pipeline.registry import component
from sourcebook.extract._context import ClaimMaker, antecedent, is_pronoun
from sourcebook.extract._frames import Entity, Frame, compile_pattern, date_of, frames_of
from sourcebook.codebook import load_lexicon

KIND = "designation"
_ADJECTIVE = re.compile(r"\b(?:an?|the|specially)\s$", re.I)
_SUBCLAUSE = re.compile(r";|,\s(?:and|while|but|whereas)\s")
_LIST_ITEM = re.compile(r"^\s*(?:[-•*–]|\d+[.)])\s")


class _Designations:
    def __init__(self, codebook):
        if KIND not in codebook.fact_kinds:
            raise ValueError(f"the codebook has no fact kind {KIND!r}")
        cues = load_lexicon("designation_cues")
        self.designators = [(d["name"], re.compile(d["pattern"], re.I)) for d in cues["designators"]]
        self.instruments = [(i, re.compile(i["pattern"])) for i in cues["instruments"]]
        self.defaults = cues["default_instruments"]
        self.verb = compile_pattern(cues["verb"], {})
        self.fronted = compile_pattern(cues["fronted"], {})
        self.passive = compile_pattern(cues["passive"], {})
        self.object = compile_pattern(cues["object"], {})
        self.same_order = compile_pattern(cues["same_order"], {})
        self._floor = 0                    # where the act's own words start (after an aside)
        self.doc_designators = [(d["name"], re.compile(d["pattern"], re.I)) for d in cues.get("document_designators", [])]

    def __call__(self, doc):
        frames = frames_of(doc)
        maker = ClaimMaker(doc, KIND)
        found: dict[tuple, object] = {}
        self.last_instrument = None
        self.doc_party = self._document_party(doc)
        for k, frame in enumerate(frames):
            acts = [m for m in self.verb.finditer(frame.text)
                    if not _ADJECTIVE.search(frame.text, max(0, m.start() - 12), m.start())]
            for i, m in enumerate(acts):
                stop = acts[i + 1].start() if i + 1 < len(acts) else len(frame.text)
                self._act(frame, frames, k, m, stop, maker, found)
        doc.claims.extend(found.values())
        return doc

    def _document_party(self, doc) -> tuple[str, tuple[int, int]] | None:
        """The state whose own list the document is, named in its first lines."""
        head = doc.text[:800]
        for name, rx in self.doc_designators:
            m = rx.search(head)
            if m:
                return name, (m.start(), m.end())
        return None

    def _designator(self, text: str) -> tuple[str, int, int] | None:
        for name, rx in self.designators:
            m = None
            for m in rx.finditer(text):
                pass
            if m is not None:
                return name, m.start(), m.end()
        return None

    def _act(self, frame: Frame, frames, k: int, m, stop: int, maker: ClaimMaker, found: dict):
        text = frame.text
        clause_start = max(text.rfind(";", 0, m.start()) + 1, 0)
        clause_end = text.find(";", m.end())
        clause_end = min(stop, len(text) if clause_end < 0 else clause_end)
        objects: list[Entity] = []
        fm = self.fronted.match(text)
        pm = None
        # read up to the clause end: "was designated a Foreign Terrorist Organization by the United States"
        for p in self.passive.finditer(text, clause_start, clause_end):
            if p.start() < m.start() and p.end() >= m.end() - 1:
                pm = p
        # a date inside an aside before the verb ("The group, formed in 2009, was designated") dates
        # the aside, not the act
        self._floor = pm.end("aside") if pm is not None and pm.group("aside") else 0
        if fm and fm.start("obj") > m.start() and m.start() < 20:
            objects = [frame.entity(fm.group("obj"))]
            region = None
        elif pm:
            obj = frame.entity(pm.group("obj"))
            if obj is None and is_pronoun(pm.group("obj")):
                obj = antecedent(frame, pm.start(), frames)
            objects = [obj] if obj else []
            region = (pm.start("by"), pm.end("by")) if pm.group("by") else None
            # instruments are read in the document's words: the frame holds them as name tokens
            seg = frame.doc.text[slice(*frame.span(m.end(), clause_end))]
            if region is None and self.doc_party is None and not any(
                    rx.search(seg) for i, rx in self.instruments if i.get("implies")):
                return                     # "the group was listed in 2011": nobody named
        else:
            om = self.object.match(text, m.end())
            if not om:
                return
            obj_text = om.group("obj")
            if re.search(r"(?:leaders|individuals|persons|people|members|officials|commanders|financiers|facilitators|entities|groups)$", obj_text):
                objects = self._listed(frame, frames, k)
            else:
                objects = [e for e in frame.entities(om.start("obj"), om.end("obj"), "APN")]
                if not objects and (is_pronoun(obj_text) or obj_text.strip().lower() in ("it", "them")):
                    # "The Arab League declared the group ...": the group is never the body acting
                    acting = {e.key for e in frame.entities(clause_start, m.start(), "AN")}
                    ante = antecedent(frame, m.start(), frames, exclude=acting)
                    objects = [ante] if ante else []
            region = (clause_start, m.start())
        objects = [o for o in objects if o is not None and not o.is_state]
        if not objects:
            return
        parties = self._parties(frame, region) if region else []
        instruments = self._instruments(frame, m, clause_end)
        if not parties and pm and region is None and self.doc_party is not None \
                and not any(i.get("implies") for i, _, _ in instruments):
            parties = [self.doc_party]     # a passive in a state's own list
        if not parties:
            implied = [i for i, _, _ in instruments if i.get("implies")]
            if not implied:
                return
            where = next((w for i, w, _ in instruments if i.get("implies")), None)
            parties = [(implied[0]["implies"], where)]
        for party, pwhere in parties:
            insts = instruments or [(None, None, None)]
            for inst, iwhere, date in insts:
                name = inst["name"] if inst else None
                if inst and inst["family"] == "list" and party in self.defaults:
                    name = self.defaults[party]
                if inst is None and party in self.defaults:
                    name = self.defaults[party]
                date = date or self._date(frame, clause_start, clause_end, m.end())
                for obj in objects:
                    values = {"organization": (obj.text, (obj.start, obj.end)),
                              "designated_by": (party, pwhere),
                              "instrument": (name, iwhere),
                              "date": (date_of(date).iso(), (date.start, date.end)) if date else None}
                    key = (party, obj.key, inst["family"] if inst else None)
                    if key not in found:
                        found[key] = maker.make(values, (frame.start, frame.end), 0.8 if pwhere else 0.6)
                if inst and inst.get("family") not in ("list", "ban", "proscription"):
                    self.last_instrument = (inst, iwhere)

    def _parties(self, frame: Frame, region: tuple[int, int]) -> list[tuple[str, tuple[int, int]]]:
        """The designating parties named before the verb (or after "by"): a list of states one
        party each ("Canada, New Zealand and the United Kingdom have also proscribed")."""
        a, b = region
        sub = frame.text[a:b]
        states = [e for e in frame.entities(a, b, "AN") if e.is_state or self._designator(e.text)]
        if len(states) > 1 and re.fullmatch(r"(?:\s*(?:,|and|the|\x01[AN]\d+\x02)\s*)+", re.sub(r"\s(?:have|has|also|had)\b.*$", "", sub.strip())):
            out = []
            for e in states:
                d = self._designator(e.text)
                out.append((d[0] if d else (e.value if isinstance(e.value, str) else e.text), (e.start, e.end)))
            return out
        found = self._designator(frame.quote(a, b)) if b > a else None
        if found:
            s, _ = frame.span(a, b)
            name, i, j = found
            return [(name, (s + i, s + j))]
        if states:
            e = states[-1]
            return [(e.value if isinstance(e.value, str) else e.text, (e.start, e.end))]
        return []

    def _instruments(self, frame: Frame, m, clause_end: int):
        """Instruments named after the verb, one per family, each with the date nearest before it."""
        text = frame.text
        doc_text = frame.doc.text
        s, e = frame.span(m.start(), clause_end)
        seg = doc_text[s:e]
        out, seen = [], set()
        if self.same_order.search(text, m.end(), clause_end) and self.last_instrument:
            inst, where = self.last_instrument
            return [(inst, frame.span(*self.same_order.search(text, m.end(), clause_end).span()), None)]
        for inst, rx in self.instruments:
            for im in rx.finditer(seg):
                if inst["family"] in seen:
                    break
                seen.add(inst["family"])
                where = (s + im.start(), s + im.end())
                out.append((inst, where, self._date_of_instrument(frame, m, s + im.start(), clause_end)))
        # a specific instrument makes the generic words of the same sentence redundant
        specific = [x for x in out if x[0]["family"] not in ("terrorist_organisation", "list")]
        if specific:
            out = specific + [x for x in out if x[0]["family"] == "list"]
        return out

    def _date_of_instrument(self, frame: Frame, m, at: int, clause_end: int):
        """The date nearest before the instrument in its own part of the sentence (", and in
        January 2016 a terrorist organization under Section 219"), else the act's date."""
        text = frame.text
        pos = next((i for i in range(len(frame._starts)) if frame._starts[i] >= at), len(text))
        cut = self._floor
        for sm in _SUBCLAUSE.finditer(text, cut, pos):
            cut = sm.end()
        before = [d for d in frame.entities(cut, pos, "D") if date_of(d)]
        if before:
            return before[-1]
        nxt = _SUBCLAUSE.search(text, pos)
        after = [d for d in frame.entities(pos, min(clause_end, nxt.start() if nxt else len(text)), "D") if date_of(d)]
        if after:
            return after[0]
        return None

    def _date(self, frame: Frame, a: int, b: int, verb_end: int):
        dates = [d for d in frame.entities(max(a, self._floor), b, "D") if date_of(d)]
        if not dates:
            return None
        after = [d for d in dates if d.start >= frame.span(verb_end, verb_end)[0]]
        return (after or dates)[0] if after else dates[-1]

    def _listed(self, frame: Frame, frames, k: int) -> list[Entity]:
        """The first name of each list line after a sentence that ends with a colon."""
        if not frame.text.rstrip().endswith(":"):
            return []
        out, doc = [], frame.doc
        for f in frames[k + 1:k + 40]:
            line_start = doc.text.rfind("\n", 0, f.start) + 1
            if not _LIST_ITEM.match(doc.text[line_start:f.start + 3]):
                if f.start == line_start or doc.text[line_start:f.start].strip():
                    break
                continue
            if line_start < f.start and doc.text[line_start:f.start].strip() not in ("-", "•", "*", "–"):
                continue
            names = f.entities(kinds="PN")
            if names:
                out.append(names[0])
        return out


@component("designations", requires=["doc.sentences", "doc.mentions"], assigns=["doc.claims"])
def make_designations(codebook):
    """designations: a state or body listing a group or person as terrorist."""
    return _Designations(codebook)
