"""The `mentions` component: actor and person mentions.

Actors are found three ways: names of the registry (codebook `actors.yaml`, spellings folded,
longest name first); names the document itself teaches ("Tehrik-e-Taliban Pakistan (TTP)",
"the Pakistani Taliban, or TTP", "aka X; Y"); and groups the registry does not know, by the
shape of their names ("... Brigade", "Jaish ...", "the Wardak faction"), which get
`data["known"] = False`. Persons are capitalised names that a cue marks as a person: a title or
a role ("Emir X", "X, the leader of"), a speech verb ("said X"), a name particle ("Abu",
"al-", "bin"), or an earlier full name whose surname comes back alone.

Rules, not a statistical model: en_core_web_sm's NER alone runs at about 30 KB/s on one core,
below the whole pipeline's budget of 50 KB/s, and reads Arabic and Urdu names poorly.
"""
from __future__ import annotations

import re
from functools import cache

from sourcebook.extract._aliases import AliasHit, AliasIndex, build_index
from sourcebook.extract._learn import learn_aliases
from sourcebook.extract._names import NameRules, Token
from sourcebook.extract._runs import Run, RunReader
from sourcebook.model import Document, Mention
from sourcebook.pipeline.registry import component


class MentionFinder:
    """Finds the actor and person mentions of a document (built once per pipeline).

    Attributes:
        codebook: the codebook (registry and name lexicons).
        rules: name lexicons.
        index: the registry's alias index.
        types: canonical name -> actor type, for the registry.
    """

    def __init__(self, codebook):
        self.codebook = codebook
        self.rules = NameRules(codebook.names)
        self.index: AliasIndex = build_index(codebook, self.rules)
        self.types = {e.name: e.actor_type for e in codebook.actors}
        self.runs = RunReader(self.rules)
        self.locative = self.rules.lex("locative_words")
        self.demonyms = {str(k).lower(): v for k, v in (codebook.names.get("demonyms") or {}).items()}
        self.forces = _forces_pattern(self.demonyms, self.rules.lex("force_words"))

    def __call__(self, doc: Document) -> Document:
        doc.mentions.extend(self.find(doc))
        return doc

    def pipe(self, docs, batch_size: int = 16):
        for doc in docs:
            yield self(doc)

    # ----------------------------------------------------------------------------------------

    def find(self, doc: Document) -> list[Mention]:
        text = doc.text
        tokens = self.rules.tokens(text)
        hits = self._keep(text, self.index.find(text, tokens))
        runs = self.runs.read(text, tokens, hits)
        learned = learn_aliases(text, hits, runs, self.index, self.rules)
        index = self.index
        if learned.aliases:
            index = self.index.copy()
            for alias, entry in learned.aliases.items():
                index.add(alias, entry, learned=True)
            hits = self._keep(text, index.find(text, tokens))
            runs = self.runs.read(text, tokens, hits)
        unknown = set(learned.unknown)
        mentions = [self._actor_mention(doc, h, unknown) for h in hits]
        taken = [(h.start, h.end) for h in hits]
        for m in self._state_forces(doc, taken):
            mentions.append(m)
            taken.append((m.start, m.end))
        for run in self.runs.organizations(text, runs):
            if not _overlaps(taken, run.start, run.end):
                mentions.append(Mention("actor", doc.span(run.start, run.end), run.text,
                                        {"actor_type": "organization", "known": False}))
                taken.append((run.start, run.end))
        persons = self.runs.persons(text, runs, learned.persons)
        for run, value in persons:
            if _overlaps(taken, run.start, run.end):
                continue
            data = {"actor_type": "person"}
            if value in learned.links:
                data["alias_of"] = learned.links[value]
            mentions.append(Mention("person", doc.span(run.start, run.end), value, data))
        mentions = _committee_references(doc, mentions)
        mentions += _surnames(doc, mentions, taken + [(m.start, m.end) for m in mentions])
        skip = doc.meta.get("boilerplate") or []
        mentions = [m for m in mentions if not _overlaps(skip, m.start, m.end, inside=True)]
        mentions.sort(key=lambda m: (m.start, -m.end))
        return mentions

    def _actor_mention(self, doc: Document, hit: AliasHit, unknown: set[str]) -> Mention:
        entries = hit.entries
        if len(entries) > 1:
            return Mention("actor", doc.span(hit.start, hit.end), None,
                           {"actor_type": self.types.get(entries[0], "organization"), "known": True,
                            "candidates": list(entries), "alias": hit.alias})
        entry = entries[0]
        known = entry in self.types
        data = {"actor_type": self.types.get(entry, "organization"), "known": known, "alias": hit.alias}
        if hit.learned:
            data["learned"] = True
        return Mention("actor", doc.span(hit.start, hit.end), entry, data)

    def _keep(self, text: str, hits: list[AliasHit]) -> list[AliasHit]:
        """Drop hits that are not actors here: a country after "in"/"across" (a place), a short
        acronym inside an all-capitals headline ("THIS IS ...")."""
        out = []
        for h in hits:
            surface = text[h.start:h.end]
            if len(surface) <= 2 and _headline(text, h.start):
                continue
            if self._family_name(text, h, out):
                continue
            if (" " not in surface and not surface.isupper() and all(
                    self.types.get(e) == "state" for e in h.entries)):
                before = text[max(0, h.start - 25):h.start].split()
                if before and before[-1].lower().strip(",") in self.locative:
                    continue
            out.append(h)
        return out


    def _state_forces(self, doc: Document, taken: list[tuple[int, int]]) -> list[Mention]:
        """A nationality adjective and a word for armed forces ("the Chadian army", "Ugandan
        troops"): that state's forces, named as written, whether or not the registry lists them."""
        if self.forces is None:
            return []
        out = []
        for m in self.forces.finditer(doc.text):
            if _overlaps(taken, m.start(), m.end()):
                continue
            value = m.group(1) + " " + m.group(2).lower()
            out.append(Mention("actor", doc.span(m.start(), m.end()), value,
                               {"actor_type": "state", "known": False,
                                "country": self.demonyms[m.group(1).lower()]}))
        return out

    def _family_name(self, text: str, hit: AliasHit, kept: list[AliasHit]) -> bool:
        """True for a group's name written as a family name after a person's given names
        ("Yahya Ibrahim al-Houthi"): families give their name to movements, and the particle
        run glued to capitalised given names belongs to the person."""
        head = _PARTICLE_HEAD.match(text, hit.start, hit.end)
        if not head or " " in text[hit.start:hit.end]:
            return False
        given = _GIVEN_BEFORE.search(text, max(0, hit.start - 60), hit.start)
        if not given or (kept and kept[-1].end > given.start(1)):
            return False
        words = [w for w in re.split(r"[ \-]", given.group(1)) if w]
        if any(self.rules.fold_word(w) in self.runs.stop for w in words):
            return False
        if len(words) >= 2:
            return True
        return not _sentence_start(text, given.start(1))


# "al-"/"el-" opening a one-word name, and the capitalised words glued before it.
_PARTICLE_HEAD = re.compile(r"(?:al|el|Al|El)[-‐‑ ]")
_GIVEN_BEFORE = re.compile(r"((?:[A-Z][a-z]+(?:['’][a-z]{2,})?[ \-]){1,3})\Z")


def _forces_pattern(demonyms: dict[str, str], forces: set[str]) -> re.Pattern | None:
    if not demonyms or not forces:
        return None
    adjectives = "|".join(re.escape(d[0].upper() + d[1:]) for d in sorted(demonyms, key=len, reverse=True))
    words = "|".join(re.escape(f) for f in sorted(forces, key=len, reverse=True))
    return re.compile(r"(?<![\w-])(" + adjectives + r")[ ]+(?i:(" + words + r"))(?![\w-])")


def _sentence_start(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3):pos].rstrip(" \"'“(*_#")
    return not before or before[-1] in ".!?:\n"


# "the UN sanctions committee", "the Security Council's sanctions committee": a short description
_COMMITTEE = re.compile(r"\b(?:(?:UN|U\.N\.|United Nations|(?:UN |United Nations )?Security Council)(?:['’]s)?\s+)?"
                        r"[Ss]anctions [Cc]ommittee\b")


def _committee_references(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """A UN sanctions committee named again by a short description refers to the one committee
    the document has named before; with none or several named, the description is left alone."""
    named = [m for m in mentions if m.label == "actor" and isinstance(m.value, str)
             and "sanctions committee" in m.value.lower()]
    out = list(mentions)
    for hit in _COMMITTEE.finditer(doc.text):
        earlier = {m.value for m in named if m.end <= hit.start()}
        if len(earlier) != 1 or any(m.start <= hit.start() and hit.end() <= m.end for m in named):
            continue
        out = [m for m in out if not (m.label == "actor" and hit.start() <= m.start and m.end <= hit.end())]
        out.append(Mention("actor", doc.span(hit.start(), hit.end()), earlier.pop(),
                           {"actor_type": "international", "known": True, "reference": True}))
    return out


def _surnames(doc: Document, mentions: list[Mention], taken: list[tuple[int, int]]) -> list[Mention]:
    """A person named again by the last word of their name alone ("Commander Yusuf Ahmadi ...
    Ahmadi was killed"), after the full name and only when no other person of the document ends
    with that word: reports do this constantly, and the short form is the same person."""
    owners: dict[str, set[str]] = {}
    first_seen: dict[str, int] = {}
    for m in mentions:
        words = m.text.split() if m.label == "person" else []
        if len(words) >= 2 and len(words[-1]) >= 4 and words[-1][0].isupper():
            owners.setdefault(words[-1], set()).add(m.value)
            first_seen[words[-1]] = min(first_seen.get(words[-1], m.end), m.end)
    out = []
    for word, people in owners.items():
        if len(people) != 1:
            continue
        full = next(iter(people))
        for hit in re.finditer(rf"(?<![\w'’-]){re.escape(word)}(?![\w-])", doc.text):
            if hit.start() >= first_seen[word] and not _overlaps(taken, hit.start(), hit.end()):
                out.append(Mention("person", doc.span(hit.start(), hit.end()), word,
                                   {"actor_type": "person", "alias_of": full}))
    return out


def _headline(text: str, pos: int) -> bool:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start:end if end >= 0 else len(text)]
    letters = [c for c in line if c.isalpha()]
    return len(letters) > 12 and sum(c.isupper() for c in letters) > 0.7 * len(letters)


def _overlaps(spans, start: int, end: int, inside: bool = False) -> bool:
    for s, e in spans:
        if inside and s <= start and end <= e:
            return True
        if not inside and s < end and start < e:
            return True
    return False


@cache
def _rules_for(codebook) -> NameRules:
    return NameRules(codebook.names)


def actor_key(name: str, codebook=None) -> str:
    """The key under which two writings of one actor's name are equal ("Tehreek-e-Taliban" and
    "Tehrik-i Taliban" give one key): words folded, connecting particles dropped."""
    if codebook is None:
        from sourcebook.codebook import load_codebook

        codebook = load_codebook()
    return _rules_for(codebook).key(name)


@component("mentions", requires=["doc.text"], assigns=["doc.mentions"])
def make_mentions(codebook, **config):
    """Finds actor and person mentions: the registry's names, names the text teaches, unknown groups and persons."""
    return MentionFinder(codebook)


__all__ = ["MentionFinder", "actor_key", "make_mentions", "Run", "Token"]
