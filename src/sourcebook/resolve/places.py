"""The `places` component: place names in the text, resolved to gazetteer entries.

A place mention is a run of capitalised words (with the small words that join names: "Dera
Ismail Khan", "Deir ez-Zor") whose longest part is a gazetteer name. Words that are towns
somewhere but in reports mostly something else ("Police", "Many", "Khan", "Khorasan") are kept
out by a list in `data/places.yaml`; a bare word that names only small villages, or that opens a
sentence, needs a cue ("in X", "near X", "X district"). Spans inside an actor or person mention
already found (`Islamic State Khorasan Province`) and page furniture are skipped.

Each mention is resolved to one entry:

- "X province" / "X district" / "X village" keep only entries of that precision;
- "X, Afghanistan" keeps only that country's entries;
- otherwise the document's country context decides between countries: the countries it names
  (weighted by how often) and those of its unambiguous places; then its provinces; then the
  gazetteer's own ranking (its name before a variant, the larger first).

A name that a cue marks as a place ("Shin Kalay district") but the gazetteer does not know stays
a name with no coordinates. Writes `Mention("place", span, Place(...), data={"candidates": n})`.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from sourcebook.model import Document, Mention, Place
from sourcebook.pipeline.registry import component
from sourcebook.resolve.gazetteer import Gazetteer, load_gazetteer, lookup, name_key

MAX_TOKENS = 6
_POSSESSIVE = re.compile(r"['’]s$")
# a capitalised word right after a name: the name goes on ("Hamid Karzai Airport")
_CONTINUED = re.compile(r"[ \t]+[A-Z]")
# connectors that join two names rather than the parts of one ("Baidoa and Mogadishu")
_LISTING = {"and", "of"}
_INDEFINITE = re.compile(r"\b(?:a|an)[ \t]+$", re.I)
_WORD = r"(?:[A-Z](?:\.[A-Z])+\.|[A-Z][\w’']*(?:-[\w’']+)*|[a-z]{1,4}-[A-Z][\w’']*)"


@cache
def load_cues() -> dict:
    """The cues of `data/places.yaml`, read once."""
    text = (resources.files("sourcebook.resolve") / "data" / "places.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


@dataclass(slots=True)
class _Candidate:
    start: int
    end: int
    name: str
    ids: list[int]
    precision: str | None = None      # asked for by a cue word after the name
    country: str | None = None        # given by ", Country" after the name
    cued: bool = False
    own: bool = True                  # the gazetteer has it as an entry's own name, not a variant
    partial: bool = False             # only part of a longer run of capitalised words
    opens: bool = False               # opens a sentence
    tail: bool = False                # follows a joining word of its run ("Maguindanao del Sur")


class PlaceFinder:
    """Finds and resolves place mentions; one per pipeline, its patterns compiled once."""

    def __init__(self, gazetteer: Gazetteer, cues: dict):
        self.gazetteer = gazetteer
        self.not_places = {name_key(w) for w in cues["not_places"]}
        self.connectors = set(cues["connectors"])
        self.compass = set(cues.get("compass_words", []))
        self.before = set(cues["before"])
        self.after = {k.lower(): v for k, v in cues["after"].items()}
        self.min_population = int(cues["min_population_without_cue"])
        connector = "|".join(sorted(map(re.escape, self.connectors), key=len, reverse=True))
        self._run = re.compile(rf"\b{_WORD}(?:[ \t]+(?:(?:{connector})[ \t]+)?{_WORD})*")
        self._token = re.compile(rf"{_WORD}|\b(?:{connector})\b")
        after = "|".join(sorted(map(re.escape, self.after), key=len, reverse=True))
        self._after = re.compile(rf"[ \t]+({after})\b", re.IGNORECASE)
        self._comma = re.compile(rf",[ \t]+({_WORD}(?:[ \t]+{_WORD})*)")
        self._before = re.compile(r"(\w+)[ \t]+(?:the[ \t]+)?$")
        self.apposition = {k.lower(): v for k, v in cues.get("apposition", {}).items()}
        nouns = "|".join(sorted(map(re.escape, self.apposition), key=len, reverse=True))
        self._apposition = re.compile(rf",[ \t]+(?:an?|the)[ \t]+(?:[a-z][\w-]*[ \t]+){{0,2}}?({nouns})\b")
        # "at Bulo Marer, in Somalia's Bay region": a name between a preposition and a known place
        self._then_place = re.compile(r",[ \t]+(?:in|near)[ \t]+(?:the[ \t]+)?")
        self._defined = re.compile(r"(?:[ \t]+(?:province|district|agency|region|state|governorate))?[ \t]*\(([A-Z]{2,6})\)",
                                   re.IGNORECASE)

    # -- finding ----------------------------------------------------------------------------

    def candidates(self, doc: Document) -> list[_Candidate]:
        text = doc.text
        blocked = [(m.start, m.end) for m in doc.mentions if m.label in ("actor", "person")]
        blocked += [tuple(b[:2]) for b in doc.meta.get("boilerplate", [])]
        starts = {s for s, _ in doc.sentences}
        raw = []
        for run in self._run.finditer(text):
            tokens = [(m.start() + run.start(), m.end() + run.start(), m.group())
                      for m in self._token.finditer(run.group())]
            i = 0
            while i < len(tokens):
                found = self._longest(text, tokens, i)
                if found is None:
                    i += 1
                    continue
                first, i, own, variant = found
                start, end = tokens[first][0], tokens[i - 1][1]
                if any(s < end and start < e for s, e in blocked):
                    continue
                cand = self._cue(text, start, end, own, variant)
                cand.partial = len(tokens) > i - first
                cand.tail = first > 0 and tokens[first - 1][2] in self.connectors - _LISTING
                cand.opens = start in starts
                raw.append(cand)
        context = self._context(raw)
        found = [c for c in raw if self._accept(text, c, context)]
        found += self._unknown(doc, found, blocked)
        return found + self._acronyms(text, found, blocked)

    def _acronyms(self, text: str, found: list[_Candidate], blocked: list) -> list[_Candidate]:
        """Later uses of the short form a text defines for a place: "North Waziristan Agency
        (NWA)" makes each later "NWA" that place."""
        out = []
        for c in found:
            m = self._defined.match(text, c.end)
            if not m:
                continue
            short = m.group(1)
            for use in re.finditer(rf"(?<![\w-]){short}(?![\w-])", text[m.end():]):
                start, end = use.start() + m.end(), use.end() + m.end()
                if not any(s < end and start < e for s, e in blocked):
                    out.append(_Candidate(start, end, short, c.ids, c.precision, c.country, cued=True, own=c.own))
        return out

    def _longest(self, text, tokens, i):
        """The longest gazetteer name starting at token i: (first, past-last, own ids, variant ids)."""
        if tokens[i][2] in self.connectors:
            return None
        for j in range(min(len(tokens), i + MAX_TOKENS), i, -1):
            if tokens[j - 1][2] in self.connectors:
                continue
            name = _POSSESSIVE.sub("", text[tokens[i][0]:tokens[j - 1][1]])
            key = name_key(name)
            if key in self.not_places:
                if j - i == 1:
                    return None
                continue
            own, variant = self.gazetteer.matches(name)
            if own or variant:
                return i, j, own, variant
        return None

    def _cue(self, text, start, end, own, variant) -> _Candidate:
        """The candidate with what the words around it say: a kind of place after it, a country
        after a comma, a preposition before it."""
        gaz = self.gazetteer
        name = _POSSESSIVE.sub("", text[start:end])
        end = start + len(name)
        cand = _Candidate(start, end, name, own + [i for i in variant if i not in own], own=bool(own))
        after = self._after.match(text, end)
        if after:
            cand.precision = self.after[after.group(1).lower()]
            cand.cued = True
            # "Kunar province" is the province; a cue that fits none of the entries is a slip
            narrowed = [i for i in cand.ids if gaz.precision_of(i) == cand.precision]
            cand.ids = narrowed or cand.ids
        comma = self._comma.match(text, end)
        if comma:
            countries = [i for i in gaz.search(comma.group(1)) if gaz.precision_of(i) == "country"]
            if countries:
                iso = gaz.country_of(countries[0])
                narrowed = [i for i in cand.ids if gaz.country_of(i) == iso]
                if narrowed and narrowed != cand.ids:
                    cand.ids, cand.country, cand.cued = narrowed, iso, True
        before = self._before.search(text, max(0, start - 40), start)
        if before and before.group(1).lower() in self.before:
            cand.cued = True
        return cand

    def _context(self, raw: list[_Candidate]) -> set[str]:
        """Countries the document surely speaks of: those it names, and those of its places
        that a cue or a name of several words makes sure of."""
        gaz = self.gazetteer
        countries = set()
        for c in raw:
            best = c.ids[0]
            if gaz.precision_of(best) == "country" and c.own:
                countries.add(gaz.country_of(best))
            elif c.own and (c.cued or " " in c.name) and len({gaz.country_of(i) for i in c.ids}) == 1:
                countries.add(gaz.country_of(best))
        return countries

    def _accept(self, text: str, c: _Candidate, context: set[str]) -> bool:
        gaz = self.gazetteer
        in_context = [i for i in (c.ids if c.own else []) if gaz.country_of(i) in context]
        best = c.ids[0]
        precision, importance = gaz.precision_of(best), gaz.importance(best)
        major = precision == "country" or (precision == "place" and importance >= 20 * self.min_population)
        # the first words of a longer name ("Baab Gate", "Mandi Bazaar") are rarely a place
        # of their own unless the document is about that country
        if c.partial and not (major or in_context):
            return False
        # the last word of a longer name ("... del Sur", "... da Praia") is a place of its own
        # only in a country the document speaks of, however large a foreign namesake
        if c.tail and not in_context:
            return False
        if not in_context and self._compass(c.name):
            return False
        if c.cued:
            # a variant spelling of a mere town needs the document to be about its country
            return (c.own or in_context or gaz.precision_of(c.ids[0]) != "place"
                    or not _CONTINUED.match(text, c.end) and self._known_variant(c, context))
        if not c.own and gaz.precision_of(c.ids[0]) == "place":
            return self._known_variant(c, context)
        # the same word written in lower case in this text is a common word ("Most", "Police")
        if c.name[1:].islower() and re.search(rf"\b{re.escape(c.name.lower())}\b", text):
            return False
        if c.name.isupper() and len(c.name) > 3:
            return False
        if major:
            return True
        if precision == "province" and (gaz.country_of(best) in context or not c.own):
            return True
        # a region named by direction in the country the document is about ("Kenya's North
        # East"), though a foreign namesake ranks first
        if in_context and not c.opens and self._compass(c.name):
            return True
        if c.partial or c.opens:
            return False
        if " " in c.name and importance >= self.min_population:
            return True
        return any(gaz.importance(i) >= self.min_population or gaz.precision_of(i) != "place" for i in in_context)

    def _compass(self, name: str) -> bool:
        return all(w in self.compass for w in re.split(r"[\s\-]+", name.lower()) if w)

    def _known_variant(self, c: _Candidate, context: set[str]) -> bool:
        """A variant spelling of a town of some size in a country the document speaks of."""
        gaz = self.gazetteer
        return any(gaz.country_of(i) in context and gaz.importance(i) >= self.min_population for i in c.ids)

    def _unknown(self, doc, found, blocked) -> list[_Candidate]:
        """Names a cue word marks as places ("Shin Kalay district") that the gazetteer lacks."""
        covered = [(c.start, c.end) for c in found] + blocked
        out = []
        starts = {c.start for c in found}
        for run in self._run.finditer(doc.text):
            precision = self._unknown_precision(doc.text, run, starts)
            if precision is None:
                continue
            start, end = run.span()
            if any(s < end and start < e for s, e in covered):
                continue
            words = run.group().split()
            if any(name_key(w) in self.not_places for w in words) or words[0][1:].isupper():
                continue
            out.append(_Candidate(start, end, run.group(), [], precision, cued=True))
        return out

    def _unknown_precision(self, text: str, run: re.Match, known_starts: set[int]) -> str | None:
        """The precision the words around a name give it when they mark it as a place: a kind
        of place after it ("Shin Kalay district"), an apposition ("Kukawa, a fishing town"), or a
        known place after a comma where a preposition opens it ("at Bulo Marer, in Bay")."""
        after = self._after.match(text, run.end())
        if after and _INDEFINITE.search(text, max(0, run.start() - 4), run.start()):
            return None          # "a Shia neighbourhood" describes; "the Gulbahar Colony neighbourhood" names
        if after:
            word = after.group(1).lower()
            return None if word in ("area", "camp", "valley", "city") else self.after[word]
        app = self._apposition.match(text, run.end())
        if app:
            return self.apposition[app.group(1).lower()]
        before = self._before.search(text, max(0, run.start() - 40), run.start())
        if before and before.group(1).lower() in ("in", "at", "near", "outside"):
            nxt = self._then_place.match(text, run.end())
            if nxt and nxt.end() in known_starts:
                return "place"
        return None

    # -- resolving --------------------------------------------------------------------------

    def resolve(self, doc: Document, candidates: list[_Candidate]) -> list[Mention]:
        gaz = self.gazetteer
        countries: Counter[str] = Counter()
        provinces: Counter[tuple[str, str]] = Counter()
        for c in candidates:
            if not c.ids:
                continue
            best = c.ids[0]
            if gaz.precision_of(best) == "country":
                countries[gaz.country_of(best)] += 2
            elif len({gaz.country_of(i) for i in c.ids}) == 1:
                countries[gaz.country_of(best)] += 1
                if gaz.precision_of(best) == "province":
                    provinces[(gaz.country_of(best), gaz.place(best).admin1)] += 1
        total_c, total_p = sum(countries.values()) or 1, sum(provinces.values()) or 1
        mentions = []
        for c in candidates:
            if c.ids:
                places = [gaz.place(i) for i in c.ids]
                # the larger entry, unless the document speaks of another one's country or province
                scores = [math.log(gaz.importance(i) + 10) + 8 * countries[p.country] / total_c
                          + 2 * provinces[(p.country, p.admin1)] / total_p - 0.1 * rank
                          for rank, (i, p) in enumerate(zip(c.ids, places))]
                place = places[max(range(len(places)), key=scores.__getitem__)]
            else:
                place = Place(name=c.name, precision=c.precision or "place")
            mentions.append(Mention("place", doc.span(c.start, c.end), place, data={"candidates": len(c.ids)}))
        return mentions

    def __call__(self, doc: Document) -> Document:
        doc.mentions.extend(self.resolve(doc, self.candidates(doc)))
        return doc


@component("places", requires=["doc.sentences", "doc.mentions"], assigns=["doc.mentions"])
def make_places(codebook, **config):
    """Finds place names and resolves them to gazetteer entries (coordinates, province, country)."""
    return PlaceFinder(load_gazetteer(), load_cues())


__all__ = ["PlaceFinder", "lookup", "load_cues", "make_places"]
