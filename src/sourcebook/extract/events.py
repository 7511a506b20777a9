"""The `events` component: attacks and counter-operations, each a Claim with its slots grounded.

A sentence is cut into clauses where it lists several events ("...; the assault on B ...; and a
shooting attack on C ..."). A clause is an event mention when it holds a trigger (an attack noun
or verb, a strike, a raid, an arrest, a named operation) that is not general ("has attacked",
plural "attacks"), hypothetical ("could strike") or a back-reference ("after the bombing"), and
when it has an anchor: a date or a place, from the clause or, as a reader takes them, from the
paragraph. Clauses with figures or claims but no trigger ("At least 67 people were killed.",
"No group claimed that bombing.") add to the event told just before them.

Every mention, anchored or not, is kept in `doc.meta["event_mentions"]` for the `coref`
component, which merges mentions of one event and lets back-references add what they state.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from sourcebook.extract._attribution import Attribution, actor_key, attribute, context_group, is_state
from sourcebook.extract._event_lexicon import EventLexicon, Trigger
from sourcebook.extract._event_slots import (attached_date, casualty_figures, choose_date, choose_place, place_rank,
                                             counted_from_event,
                                             target_phrase, target_type_of)
from sourcebook.extract._event_tables import table_mentions
from sourcebook.model import Claim, Document, Mention
from sourcebook.pipeline.registry import component

# where a sentence may be cut between two events: a semicolon, or a connective before a new date
_SPLIT = re.compile(r";|,\s*(?:and|while|but|whereas)\s+|\s+and\s+(?=(?:in|on|then in|then on)\s)|"
                    r",?\s+while\s+|\s+and\s+(?=[Oo]peration\s)")
_DEFINITE = re.compile(r"\b(?:the|this|that|these|those|its|their|his|her|[A-Z]\w+day['’]s)\s+"
                       r"(?:[\w’'-]+\s+){0,4}$")
_AIR_WORDS = re.compile(r"\b(?:aircraft|jets?|warplanes?|air force|helicopters?|drones?|bombers)\b", re.I)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{2,}")
_STOP = frozenset("the and was were which that with from into this their after before during about "
                  "people killed attack attacks injured wounded said least more than also other others "
                  "group claimed responsibility suicide bomber".split())
_AFTER_PLACE = re.compile(r"\b(?:after|before|since)\s+$", re.I)
# "VDP members killed", "the militia's fighters had attacked": an actor as a verb's subject
_AGENT_GAP = re.compile(r"(?:['’]s?)?\s+(?:(?:members|militiamen|fighters|troops|soldiers|forces|units?|personnel|"
                        r"auxiliaries|volunteers|had|have|has|reportedly|allegedly|then|later|also)\s+){0,3}$", re.I)
_SUBJECT_GAP = re.compile(r"^\s*(?:[A-Za-z'’-]+\s+){0,2}$")
# "in the city", "the town's bazaar": the town the passage is about
_CITY_REF = re.compile(r"\b(?:in|of|near|outside|across)\s+the\s+(?:city|town)\b(?!\s+of\b)|\bthe\s+(?:city|town)['’]s\b")
_PERSON_FATE = re.compile(r"\b(killed|detained|arrested|captured|died)\b", re.I)
_SECTION_FLOOR_PARAGRAPHS = 3      # how far back a paragraph's context may reach for a group
# "1,200 terrorists had been killed": a toll told without its killer
_PASSIVE_TOLL = re.compile(r"\s+[\w'’-]+\s+(?:(?:had|have)\s+)?(?:been|were)\s+(?:killed|eliminated|neutrali[sz]ed)\b", re.I)
# the last one or two words before a verb, past an auxiliary or adverb ("troops had", "air force also")
_SUBJECT_WORDS = re.compile(r"((?:[A-Za-z'’-]+\s+)?[A-Za-z'’-]+)\s+(?:(?:had|have|has|also|then|later|reportedly|"
                            r"allegedly|subsequently)\s+)*$")
# "X claimed the attack [two days later]": a claim of the event just told, dated by the claim
_CLAIMED_THE = re.compile(r"\b(?:claimed|claims|claiming)\s+(?:responsibility\s+for\s+)?(?:the|that|this)\s+"
                          r"(?:[\w'’-]+\s+){0,2}$", re.I)
# "no attack followed", "without further bombings": the event did not happen
# dates precise enough to name one incident
_FINE_PRECISIONS = frozenset({"day", "month"})
_NEGATED = re.compile(r"\b(?:no|without)\s+(?:further\s+|new\s+|such\s+|major\s+)?$", re.I)
_PASSIVE_BE = re.compile(r"\b(?:were|was|been|are|is|being)$", re.I)
_HEADLINE_WORDS = 25               # longer lines above a dateline are a standfirst, not a headline
_FOLLOW_PARAGRAPHS = 4             # how far a later claim sentence may reach back to its event


@dataclass(slots=True)
class EventMention:
    """One mention of an event in a document, before coreference.

    Attributes:
        claim: the claim it makes (values and spans as the facts format wants them).
        anchored: it has its own date or place and may stand as an event; otherwise it only adds
            to an event told elsewhere in the document.
        paragraph: index of its paragraph.
        words: content words of its clause and of its paragraph's lead-in, for matching.
        perpetrator_key: canonical name of the perpetrator, when known.
        place: the resolved Place of its place slot.
        operation: the name of a named operation ("Safe Corridor"), lower-cased.
    """

    claim: Claim
    anchored: bool
    paragraph: int
    words: frozenset = field(default_factory=frozenset)
    perpetrator_key: str | None = None
    place: object = None
    operation: str | None = None


class _Index:
    """Mentions of a document sorted by offset, for range look-ups."""

    def __init__(self, doc: Document):
        self.by_label: dict[str, list[Mention]] = {}
        for m in sorted(doc.mentions, key=lambda m: m.start):
            self.by_label.setdefault(m.label, []).append(m)
        self.starts = {k: [m.start for m in v] for k, v in self.by_label.items()}

    def within(self, label: str, start: int, end: int) -> list[Mention]:
        ms = self.by_label.get(label, [])
        i = bisect_left(self.starts.get(label, []), start)
        out = []
        while i < len(ms) and ms[i].start < end:
            if ms[i].end <= end:
                out.append(ms[i])
            i += 1
        return out


def _paragraphs(doc: Document) -> list[tuple[int, int]]:
    paras = doc.meta.get("paragraphs")
    if paras:
        return list(paras)
    # fallback while no sentence splitter ran: blank-line or line paragraphs
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", doc.text)]


def _sentences(doc: Document, paras: list[tuple[int, int]]) -> list[tuple[int, int]]:
    if doc.sentences:
        return list(doc.sentences)
    out = []
    for ps, pe in paras:
        for m in re.finditer(r"[^.!?]+(?:[.!?]+|$)", doc.text[ps:pe]):
            out.append((ps + m.start(), ps + m.end()))
    return out


def _headlines(doc: Document, paras: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Headlines of a news story: short lines with no full stop above its dateline."""
    datelines = doc.meta.get("datelines") or []
    if not datelines:
        return []
    first = min(d[0] for d in datelines)
    out = []
    for ps, pe in paras:
        line = doc.text[ps:pe].strip()
        if pe <= first and line and line[-1] not in ".!?" and len(line.split()) <= _HEADLINE_WORDS:
            out.append((ps, pe))
    return out


def _doc_countries(places: list[Mention]) -> set[str]:
    """The countries a document is about: those it names, and those of two or more of its places."""
    named = {m.value.country for m in places if getattr(m.value, "precision", None) == "country"}
    counts: dict[str, int] = {}
    for m in places:
        c = getattr(m.value, "country", None)
        if c:
            counts[c] = counts.get(c, 0) + 1
    return named | {c for c, n in counts.items() if n >= 2}


def _segments(text: str, start: int, end: int, triggers_in, dates: list[Mention]) -> list[tuple[int, int]]:
    """Cut a sentence where it lists several events; a cut needs a trigger on both sides."""
    cuts = []
    for m in _SPLIT.finditer(text, start, end):
        if m.group(0) != ";":
            right = m.end()
            nxt = [d for d in dates if right <= d.start <= right + 35]
            if not nxt and not re.match(r"\s*[Oo]peration\s", text[right:right + 12]):
                continue
        cuts.append((m.start(), m.end()))
    segs, s = [], start
    for a, b in cuts:
        if triggers_in(s, a) and triggers_in(b, end):
            segs.append((s, a))
            s = b
    segs.append((s, end))
    return segs


@component("events", requires=["doc.sentences", "doc.mentions"], assigns=["doc.claims", "doc.meta.event_mentions"])
def make_events(codebook, **config):
    """Extract attacks and counter-operations with their date, place, target, type, perpetrator,
    claim and casualty figures."""
    lex = EventLexicon(codebook)
    labels = codebook.event_types

    def events(doc: Document) -> Document:
        builder = _Builder(doc, lex, labels)
        builder.run()
        doc.claims.extend(m.claim for m in builder.mentions if m.anchored)
        doc.meta["event_mentions"] = builder.mentions
        return doc

    return events


class _Builder:
    """Reads one document's event mentions."""

    def __init__(self, doc: Document, lex: EventLexicon, labels: dict):
        self.doc, self.text, self.lex = doc, doc.text, lex
        self.index = _Index(doc)
        self.paras = _paragraphs(doc)
        self.sentences = _sentences(doc, self.paras)
        self.skip = list(doc.meta.get("boilerplate", [])) + list(doc.meta.get("headings", []))
        self.mentions: list[EventMention] = []
        self.owned_dates: set[int] = set()
        # triggers are found once per document, then looked up by range
        self.triggers = lex.triggers(doc.text)
        self.trigger_starts = [t.start for t in self.triggers]
        self.countries = _doc_countries(self.index.by_label.get("place", []))
        self.country_names = {m.text.lower(): m.value.country for m in self.index.by_label.get("place", [])
                              if getattr(m.value, "precision", None) == "country"}
        self.attack, self.counter = (k for k in ("attack", "counter_operation") if k in labels)
        self.headlines = _headlines(doc, self.paras)

    def triggers_in(self, s: int, e: int) -> list[Trigger]:
        i = bisect_left(self.trigger_starts, s)
        out = []
        while i < len(self.triggers) and self.triggers[i].start < e:
            if self.triggers[i].end <= e:
                out.append(self.triggers[i])
            i += 1
        return out

    def para_of(self, offset: int) -> int:
        starts = [p[0] for p in self.paras]
        return max(0, bisect_left(starts, offset + 1) - 1)

    def skipped(self, s: int, e: int) -> bool:
        return any(a <= s and e <= b + 1 for a, b in self.skip)

    def run(self) -> None:
        table_rows = table_mentions(self.doc, self.lex, self.index, self)
        rows = [(m.claim.evidence.start, m.claim.evidence.end) for m in table_rows]
        self.mentions.extend(table_rows)
        for s, e in self.sentences:
            if self.skipped(s, e) or any(a <= s < b for a, b in rows):
                continue
            dates = self.index.within("date", s, e)
            for seg in _segments(self.text, s, e, self.triggers_in, dates):
                self.read_segment(seg[0], seg[1], (s, e))
        self.mentions.sort(key=lambda m: m.claim.evidence.start)

    # -- one clause ------------------------------------------------------------------------

    def read_segment(self, s: int, e: int, sentence: tuple[int, int]) -> None:
        text, lex = self.text, self.lex
        quantities = self.index.within("quantity", s, e)
        figures = casualty_figures(text, s, e, quantities, lex)
        # a casualty verb names an event only with its figure ("a third killed 9")
        triggers = [t for t in self.triggers_in(s, e)
                    if not self.general(t, s) and (t.form != "casualty" or figures)]
        main = self.main_trigger(triggers, s)
        if main is None:
            self.add_to_previous(s, e)
            return
        trig, reference = main
        if self.running_total(trig, s, e):
            return
        if trig.form == "casualty" and self.militant_toll(figures, quantities):
            # "nearly 1,200 terrorists had been killed": the result of an operation, not an attack
            self.add_to_previous(s, e)
            return
        if trig.form == "casualty" and not self.index.within("date", s, e) and self.mentions \
                and self.mentions[-1].paragraph == self.para_of(s):
            # "...; at least 31 people were killed": the toll of the event just told
            self.add_to_previous(s, e)
            return
        kind = self.attack if trig.label == "attack" else self.counter
        actors = self.index.within("actor", s, e)
        agent = self.civilians_harmed_by(trig, actors, s, e)
        if agent is not None:
            # "militia members killed six villagers": a state force or its auxiliaries harming
            # civilians commit an attack; they are its perpetrator
            kind = self.attack
        elif kind == self.attack and trig.form == "verb" and not lex.cue("suicide", text[trig.start:trig.end]):
            # a state's forces as the subject of an attack verb make it a counter-operation
            if any(is_state(a) and a.end <= trig.start and _SUBJECT_GAP.match(text[a.end:trig.start])
                   for a in actors):
                kind = self.counter
        if agent is None and kind == self.attack and trig.form in ("verb", "casualty") and self.state_subject(trig, s) \
                and not lex.cue("suicide", text[s:e]):
            # "troops killed 11 insurgents", "the air force struck a camp": the state acts
            kind = self.counter
        dates = self.index.within("date", s, e)
        places = [p for p in self.index.within("place", s, e)
                  if not _AFTER_PLACE.search(text[max(s, p.start - 12):p.start])]
        values, spans = {"event_type": kind}, {"event_type": self.doc.span(trig.start, trig.end)}
        date = attached_date(text, trig, dates) if reference else choose_date(text, trig, dates)
        date_how = "stated"
        if date is None and not reference:
            date = self.lookback_date(s, sentence)
            date_how = "context" if date else date_how
        place = choose_place(trig, places, self.countries, text) if (places and not reference) else None
        if reference:
            near = [p for p in places if abs(p.start - trig.start) < 60]
            place = choose_place(trig, near, self.countries, text) if near else None
        if not reference and _CITY_REF.search(text, s, e) and (place is None or place_rank(place) >= 2):
            # "stormed a school in the city": the city the passage is about
            place = self.last_city(s) or place
        if place is None and not reference:
            place = self.lookback_place(s)
        specific = place is not None and getattr(place.value, "precision", "") != "country"
        anchored = (not reference and (date is not None or specific)) or (reference and date is not None and specific)
        if anchored and any(a <= s < b for a, b in self.headlines):
            anchored = False          # a headline restates the story below: it only adds to it
        if _CLAIMED_THE.search(text, max(s, trig.start - 45), trig.start) and self.mentions \
                and not [p for p in places if p.start > trig.start]:
            # "JNIM claimed the attack two days later": the date is the claim's, the event is
            # the one just told
            self.add_to_previous(s, e)
            return
        if reference and date is None and place is None and (
                lex.cue("claim", text[s:e]) or lex.cue("no_claim", text[s:e]) or lex.cue("denial", text[s:e])):
            # "Jundallah said it had carried out that attack": a claim about the event just told
            self.add_to_previous(s, e)
            return
        if date is not None:
            values["date"], values["date_precision"] = date.value.iso(), date.value.precision
            spans["date"] = spans["date_precision"] = date.span
            if date.start >= s:
                self.owned_dates.add(date.start)
        self.fill_place(values, spans, place, s, guess_country=anchored)
        if place is not None and "country" not in values:
            self.complete_place(values, spans, place, places, s)
        for fig in figures:
            if fig.slot not in values or fig.revised:
                values[fig.slot] = fig.quantity
                spans[fig.slot] = self.doc.span(fig.start, fig.end)
        confidence = 0.45 + 0.15 * (date is not None and date.start >= s) + 0.15 * (place is not None and place.start >= s) \
            + 0.1 * bool(figures)
        attribution = "stated"
        if kind == self.attack:
            attribution = self.fill_attack(values, spans, trig, s, e, actors, dates + places, not anchored, agent)
        else:
            self.fill_counter(values, spans, trig, s, e, actors, sentence)
        if date_how == "context":
            confidence -= 0.1
        claim = Claim("event", values, evidence=self.doc.span(s, e), spans=spans,
                      confidence=round(min(confidence, 0.95), 2), attribution=attribution)
        self.mentions.append(self.mention(claim, anchored, s, e, place, trig))

    def civilians_harmed_by(self, trig: Trigger, actors: list[Mention], s: int, e: int) -> Mention | None:
        """The state force or militia named as the subject of an attack or casualty verb whose
        object is civilians ("VDP members killed six villagers"), else None."""
        if self.lex.civilians is None:
            return None
        for verb in self.triggers_in(s, e):
            # arrests and detentions of civilians stay counter-operations; harm makes an attack
            if verb.form != "casualty" and not (verb.form == "verb" and verb.label == "attack"):
                continue
            subject = next((a for a in reversed(actors) if a.end <= verb.start
                            and _AGENT_GAP.match(self.text, a.end, verb.start)), None)
            if subject is None or _PASSIVE_BE.search(self.text[max(s, verb.start - 12):verb.start].rstrip()):
                continue
            obj = self.lex.target_type(self.text[verb.end:min(e, verb.end + 40)])
            if obj is not None and obj[0] == self.lex.civilians:
                return subject
        return None

    def state_subject(self, trig: Trigger, seg_start: int) -> bool:
        """The words just before an attack or casualty verb name state forces as its subject
        ("troops killed", "the air force struck", "soldiers had arrested")."""
        m = _SUBJECT_WORDS.search(self.text, max(seg_start, trig.start - 45), trig.start)
        if m is None or _PASSIVE_BE.search(m.group(1)):
            return False          # "two soldiers were killed": the soldiers are the victims
        tt = self.lex.target_type(m.group(1))
        return tt is not None and tt[0] in self.lex.state_forces

    def general(self, trig: Trigger, seg_start: int) -> bool:
        """A trigger that states no single event: plural, general or hypothetical."""
        text, lex = self.text, self.lex
        if trig.plural:
            # "two blasts minutes apart hit the crowd": the parts of one event, not a series
            return not (lex.cue("multi_part", text[max(seg_start, trig.start - 40):trig.start], "before")
                        and lex.cue("multi_part", text[trig.end:trig.end + 60], "after"))
        before = text[max(seg_start, trig.start - 60):trig.start]
        after = text[trig.end:trig.end + 40]
        if _NEGATED.search(before):
            return True
        if trig.form == "verb" and lex.cue("generic", before):
            return True
        if lex.cue("generic", after) and trig.form == "verb":
            return True
        if lex.cue("hypothetical", text[trig.end:trig.end + 100], "after"):
            return True
        return bool(lex.cue("hypothetical", text[max(seg_start, trig.start - 60):trig.start], "before"))

    def running_total(self, trig: Trigger, s: int, e: int) -> bool:
        """A toll summed over many incidents ("the war has killed 300,000", "attacks killed 900 people
        last year", "since 2015 the insurgency has killed"): no single event unless the clause
        dates one to the month or day."""
        text, lex = self.text, self.lex
        if any(getattr(d.value, "precision", "") in _FINE_PRECISIONS for d in self.index.within("date", s, e)):
            return False
        if lex.cue("aggregate", text[s:e]):
            return True
        if trig.form == "casualty":
            if lex.cue("aggregate_subject", text[max(s, trig.start - 60):trig.start]):
                return True
            # "militant attacks killed 900": a plural event noun as the subject of the toll
            return any(t.plural and t.end <= trig.start for t in self.triggers_in(s, trig.start))
        return False

    def main_trigger(self, triggers: list[Trigger], seg_start: int) -> tuple[Trigger, bool] | None:
        """The trigger that carries the clause's event, and whether it only refers back."""
        if not triggers:
            return None
        ranked = sorted(triggers, key=lambda t: (t.label != "counter_operation", t.form == "casualty",
                                                 t.form == "agent", t.start))
        best = None
        for trig in ranked:
            before = self.text[max(seg_start, trig.start - 60):trig.start]
            ref = bool(self.lex.cue("back_reference", before))
            if not ref and trig.form in ("noun", "agent") and _DEFINITE.search(before[-40:]):
                sent_end = next((e for s, e in self.sentences if s <= trig.start < e), trig.end)
                dates = self.index.within("date", max(seg_start, trig.start - 40), min(sent_end, trig.end + 90))
                ref = attached_date(self.text, trig, dates) is None and not self.has_figures(trig)
            if not ref:
                if trig.form == "casualty":
                    ops = [t for t in triggers if t.label == "counter_operation"]
                    if ops:       # "800 militants were killed during the operation"
                        return ops[0], True
                return trig, False
            best = best or (trig, True)
        return best

    def militant_toll(self, figures: list, quantities: list[Mention]) -> bool:
        """The clause's dead are all members of armed groups (by the target-type lexicon)."""
        nouns = {q.start: (q.data or {}).get("noun") for q in quantities}
        killed = [f for f in figures if f.slot == "killed"]
        if not killed:
            return False
        for f in killed:
            tt = self.lex.target_type(nouns.get(f.start) or "")
            if tt is None or tt[0] != self.lex.militia or not _PASSIVE_TOLL.match(self.text, f.end):
                return False          # "a bomb killed 12 militants" is still an attack
        return True

    def has_figures(self, trig: Trigger) -> bool:
        sent = next(((s, e) for s, e in self.sentences if s <= trig.start < e), (trig.start, trig.end))
        qs = self.index.within("quantity", trig.end, sent[1])
        return bool(casualty_figures(self.text, trig.end, sent[1], qs, self.lex))

    # -- anchors from context ----------------------------------------------------------------

    def lookback_date(self, s: int, sentence: tuple[int, int]) -> Mention | None:
        """A date stated earlier in the paragraph that no other event has taken."""
        ps, _ = self.paras[self.para_of(s)]
        earlier = self.index.within("date", ps, s)
        for m in reversed(earlier):
            if m.start in self.owned_dates:
                return None
            before = self.text[max(0, m.start - 30):m.start]
            if re.search(r"\b(?:since|until|by)\s*$", before, re.I) or counted_from_event(self.text, m):
                continue
            return m
        return None

    def lookback_place(self, s: int) -> Mention | None:
        ps, _ = self.paras[self.para_of(s)]
        earlier = [m for m in self.index.within("place", ps, s) if getattr(m.value, "name", None)
                   and (not self.countries or m.value.country in self.countries)]
        return earlier[-1] if earlier else None

    def last_city(self, s: int) -> Mention | None:
        """The town or city named last before an offset, in the whole document."""
        for m in reversed([m for m in self.index.by_label.get("place", []) if m.end <= s]):
            if place_rank(m) <= 1 and getattr(m.value, "country", None) \
                    and (not self.countries or m.value.country in self.countries):
                return m
        return None

    def complete_place(self, values: dict, spans: dict, place: Mention, clause_places: list[Mention],
                       s: int) -> None:
        """Province and country of a place the gazetteer does not know but the text marks as one
        ("at Hawadley, in the Middle Shabelle region", "in the city's Old Market neighbourhood"): from the
        places of its clause, else the city the passage is about, else the places before it."""
        around = [m for m in clause_places if m is not place and getattr(m.value, "country", None)]
        around.sort(key=lambda m: (place_rank(m) > 2, abs(m.start - place.start)))
        ctx = around[0] if around else None
        if ctx is None and _CITY_REF.search(self.text, s, place.end):
            ctx = self.last_city(s)
        if ctx is None:
            ps = self.paras[max(0, self.para_of(s) - _SECTION_FLOOR_PARAGRAPHS)][0]
            before = [m for m in self.index.within("place", ps, s) if getattr(m.value, "admin1", None)
                      and (not self.countries or m.value.country in self.countries)]
            ctx = before[-1] if before else None
        if ctx is None:
            return
        p = ctx.value
        admin1 = p.admin1 or (p.name if p.precision == "province" else None)
        if admin1:
            values["admin1"], spans["admin1"] = admin1, ctx.span
        values["country"], spans["country"] = p.country, ctx.span

    def fill_place(self, values: dict, spans: dict, place: Mention | None, s: int,
                   guess_country: bool = True) -> None:
        if place is None:
            if not guess_country:
                return          # a mention that only adds to another event must not clash on a guess
            country = self.context_country(s)
            if country:
                values["country"], spans["country"] = country.value.country, country.span
            return
        p = place.value
        if p.precision == "country":
            values["country"] = p.country
        elif p.precision == "province" and (not p.admin1 or p.admin1 == p.name):
            # a district with no coordinates of its own carries its province's (precision
            # `province`) but is still the place
            values["admin1"], values["country"] = p.name, p.country
        else:
            values["place"], values["admin1"], values["country"] = p.name, p.admin1, p.country
            if p.latitude is not None:
                values["latitude"], values["longitude"] = p.latitude, p.longitude
        for k in ("place", "admin1", "country", "latitude", "longitude"):
            if values.get(k) is None:
                values.pop(k, None)
            else:
                spans[k] = place.span

    def context_country(self, s: int) -> Mention | None:
        """The country of the paragraph's last place before an offset; else the country the
        document speaks of most, named nearest before the offset (or, failing that, after)."""
        places = [m for m in self.index.by_label.get("place", []) if getattr(m.value, "country", None)]
        ps = self.paras[self.para_of(s)][0]
        here = [m for m in places if ps <= m.start and m.end <= s]
        if here:
            return here[-1]
        counts: dict[str, int] = {}
        for m in places:
            counts[m.value.country] = counts.get(m.value.country, 0) + 1
        if not counts:
            return None
        main = max(counts, key=counts.get)
        ranked = [m for m in places if m.value.country == main]
        before = [m for m in ranked if m.end <= s]
        return before[-1] if before else ranked[0]

    # -- slots by event type -----------------------------------------------------------------

    def fill_attack(self, values, spans, trig, s, e, actors, stops, no_context, agent=None) -> str:
        text, lex, doc = self.text, self.lex, self.doc
        tgt = target_phrase(text, trig, s, e, stops, lex)
        if tgt:
            values["target"], spans["target"] = text[tgt[0]:tgt[1]], doc.span(*tgt)
            tt = target_type_of(text, tgt, e, lex)
            if tt:
                values["target_type"], spans["target_type"] = tt[0], doc.span(tt[1], tt[2])
        at = lex.attack_type(text[s:e])
        if lex.cue("target_person", text[s:e]) and lex.assassination:
            values["attack_type"] = lex.assassination
            m = lex.cue("target_person", text[s:e])
            spans["attack_type"] = doc.span(s + m.start(), s + m.end())
        elif at:
            values["attack_type"], spans["attack_type"] = at[0], doc.span(s + at[1], s + at[2])
        sui = lex.cue("suicide", text[s:e])
        if sui:
            values["suicide"], spans["suicide"] = True, doc.span(s + sui.start(), s + sui.end())
            if "attack_type" not in values and lex.bombing:
                values["attack_type"], spans["attack_type"] = lex.bombing, spans["suicide"]
        att = attribute(text, s, e, actors, lex)
        if agent is not None:
            att.perpetrator = agent
        how = "stated"
        if att.perpetrator is None and not att.blocked and not no_context:
            pi = self.para_of(s)
            floor = self.paras[max(0, pi - _SECTION_FLOOR_PARAGRAPHS)][0]
            section = next((sec for sec in self.doc.meta.get("sections", []) if sec[0] <= s < sec[1]), None)
            if section:
                floor = max(floor, section[0])
            group = context_group(text, s, floor, self.index.within("actor", floor, s), lex)
            if group is not None:
                att.perpetrator, how = group, "context"
        self.apply_attribution(values, spans, att)
        return how

    def apply_attribution(self, values: dict, spans: dict, att: Attribution) -> None:
        if att.perpetrator is not None and "perpetrator" not in values:
            values["perpetrator"], spans["perpetrator"] = att.perpetrator.text, att.perpetrator.span
        if att.claimed is not None and values.get("claimed") is None:
            values["claimed"], spans["claimed"] = att.claimed, self.doc.span(*att.claim_span)

    def fill_counter(self, values, spans, trig, s, e, actors, sentence) -> None:
        text, doc = self.text, self.doc
        op = trig.operation_type or "military operation"
        if trig.form == "verb" and trig.label == "attack":
            op = "airstrike" if _AIR_WORDS.search(text[s:e]) else "raid"
        if trig.name:
            op = f"{op} ({trig.name})"
        values["operation_type"], spans["operation_type"] = op, doc.span(trig.start, trig.end)
        states = [a for a in actors if is_state(a)]
        if not states:
            # "X launched two operations, A in 2015 and B in 2017": the actor opens the sentence
            states = [a for a in self.index.within("actor", sentence[0], s) if is_state(a)]
        if states:
            actor = min(states, key=lambda a: abs(a.start - trig.start))
            values["actor"], spans["actor"] = actor.text, actor.span
            stated = spans.get("country") is not None and s <= spans["country"].start < e
            if "place" not in values and "admin1" not in values and not stated:
                head = re.split(r"['’\s]", actor.text.strip())[0].lower()
                home = self.country_names.get(head)
                if home and home in self.countries:
                    values["country"], spans["country"] = home, actor.span
        persons = self.index.within("person", sentence[0], sentence[1])
        fate = _PERSON_FATE.search(text, s, e)
        if persons and fate:
            person = min(persons, key=lambda p: abs(p.start - fate.start()))
            values["outcome"] = f"{person.value or person.text} {fate.group(1).lower()}"
            spans["outcome"] = doc.span(min(person.start, fate.start()), max(person.end, fate.end()))

    # -- clauses without a trigger -----------------------------------------------------------

    def add_to_previous(self, s: int, e: int) -> None:
        """Figures, claims and denials of a clause with no trigger go to the event told before."""
        if not self.mentions:
            return
        prev = self.mentions[-1]
        if prev.claim.evidence.start > s:
            return
        pi = self.para_of(s)
        text, lex = self.text, self.lex
        quantities = self.index.within("quantity", s, e)
        figures = casualty_figures(text, s, e, quantities, lex) if pi == prev.paragraph else []
        clause = text[s:e]
        has_claim = lex.cue("claim", clause) or lex.cue("no_claim", clause) or lex.cue("denial", clause)
        if not figures and not (has_claim and pi - prev.paragraph <= _FOLLOW_PARAGRAPHS):
            return
        values, spans = prev.claim.values, prev.claim.spans
        for fig in figures:
            if fig.slot not in values or fig.revised:
                values[fig.slot], spans[fig.slot] = fig.quantity, self.doc.span(fig.start, fig.end)
        if has_claim and values.get("event_type") == self.attack:
            att = attribute(text, s, e, self.index.within("actor", s, e), lex)
            if att.claimed is False and values.get("claimed") is None and "perpetrator" in values \
                    and prev.claim.attribution == "context":
                values.pop("perpetrator")
                spans.pop("perpetrator", None)
            if att.perpetrator is not None and att.claimed and prev.claim.attribution == "context":
                values.pop("perpetrator", None)
                prev.claim.attribution = "stated"
            self.apply_attribution(values, spans, att)
            if att.perpetrator is not None and prev.perpetrator_key is None:
                prev.perpetrator_key = actor_key(att.perpetrator)
        spans.setdefault("also", self.doc.span(s, e))

    def mention(self, claim: Claim, anchored: bool, s: int, e: int, place: Mention | None,
                trig: Trigger) -> EventMention:
        pi = self.para_of(s)
        ps, pe = self.paras[pi]
        lead = re.match(r"\s*(?:[-*\d.]+\s*)?\*\*([^*]{2,80})\*\*", self.text[ps:pe])
        words = {w.lower() for w in _WORD.findall(self.text[s:e] + " " + (lead.group(1) if lead else ""))}
        perp = claim.spans.get("perpetrator")
        pkey = None
        if perp is not None and claim.attribution == "stated":
            ms = [a for a in self.index.within("actor", perp.start, perp.end)]
            pkey = actor_key(ms[0]) if ms else perp.quote
        return EventMention(claim, anchored, pi, frozenset(words - _STOP), pkey,
                            place.value if place is not None else None,
                            trig.name.lower() if trig.name else None)


__all__ = ["EventMention", "make_events"]
