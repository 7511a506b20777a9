"""Names a document teaches: "Tehrik-e-Taliban Pakistan (TTP)", "the Pakistani Taliban, or TTP",
"aka X; Y; Z", "X, also known as Y", "Karim Sesay (alias Abu Dujana)", "identified X as Y".

Two names joined by such a cue are one actor. When one of them is a registry name, the other
becomes its alias for this document; when neither is and both are persons' names, they are
linked as one person; an unknown name with its acronym becomes a new group. Two registry names
of different actors are never joined ("Islamic State-Khorasan (IS-K) (Daesh)": Daesh stays the
Islamic State).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from sourcebook.extract._aliases import AliasHit, AliasIndex
from sourcebook.extract._names import NameRules, is_acronym
from sourcebook.extract._runs import Run

_PAREN = re.compile(r"\(([^()\n]{1,160})\)")
_QUOTES = "\"“”‘’'*_"
_IDENTIFIED = re.compile(r"\bidentified\s+")


@dataclass
class Learned:
    """What one document teaches.

    Attributes:
        aliases: alias -> canonical name (a registry name, or an unknown group's name).
        unknown: names of groups the registry does not know.
        persons: persons' names (normal form) that a cue showed to be persons.
        links: person name -> the name it is another name of.
    """

    aliases: dict[str, str] = field(default_factory=dict)
    unknown: list[str] = field(default_factory=list)
    persons: set[str] = field(default_factory=set)
    links: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class _Name:
    start: int
    end: int
    text: str
    entries: list[str]      # registry names it denotes; empty for an unknown name


def learn_aliases(text: str, hits: list[AliasHit], runs: list[Run], index: AliasIndex,
                  rules: NameRules) -> Learned:
    """Read the alias cues of a text. See the module docstring."""
    names = [_Name(h.start, h.end, text[h.start:h.end], h.entries) for h in hits]
    names += [_Name(r.start, r.end, r.text, []) for r in runs]
    by_end = {n.end: n for n in names}
    by_start = {n.start: n for n in names}
    learned = Learned()
    cues = sorted(rules.lex("alias_cues"), key=len, reverse=True)
    weak = rules.lex("weak_alias_cues")
    cue_re = re.compile(r"(?i)(?:^|(?<=[\s,(;*]))(" + "|".join(map(re.escape, cues)) + r")(?=[\s,:*])")

    def left_of(pos: int, newline: bool = False) -> _Name | None:
        i = pos
        while i > 0 and (text[i - 1] in " ,*_\"“”" or (newline and text[i - 1] == "\n")):
            i -= 1
        return by_end.get(i)

    def right_of(pos: int) -> _Name | None:
        i = pos
        while i < len(text) and text[i] in " *_\"“”,:":
            i += 1
        if text.startswith("the ", i):
            i += 4
        return by_start.get(i)

    # parentheses right after a name: "(TTP)", ("Movement of ..."; HSM), (alias X)
    for m in _PAREN.finditer(text):
        left = left_of(m.start())
        if left is None:
            continue
        for seg in m.group(1).split(";"):
            seg_start = m.start(1) + m.group(1).find(seg)
            cue = cue_re.match(seg.strip(_QUOTES + " "))
            clean = seg.strip(_QUOTES + " ")
            if cue:
                clean = clean[cue.end():].strip(_QUOTES + " ,:")
            if not _name_like(clean):
                continue
            right = _Name(seg_start, seg_start + len(seg), clean, index.lookup(clean))
            _join(left, right, learned, rules, person_cue=bool(cue), text=text)

    # "identified X as Y": two names of one person (a nom de guerre and a real name)
    for m in _IDENTIFIED.finditer(text):
        left = by_start.get(m.end())
        if left is None or not text.startswith(" as ", left.end):
            continue
        right = right_of(left.end + 4)
        if right is not None and not left.entries and not right.entries:
            _join(left, right, learned, rules, person_cue=True, text=text)

    # cue words between names: "X, also known as Y", "aka X; Y", "known as A or B"
    for m in cue_re.finditer(text):
        cue = m.group(1).lower()
        if text[m.start() - 1:m.start()] == "(":
            continue
        chain = []
        pos = m.end()
        while True:
            right = right_of(pos)
            if right is None:
                break
            chain.append(right)
            nxt = re.match(r"\s*(?:;|,\s*(?:also known as|aka|or)|\s+or)\s+", text[right.end:right.end + 20])
            if not nxt:
                break
            pos = right.end + nxt.end()
        if not chain:
            continue
        left = left_of(m.start(), newline=cue in ("aka", "a.k.a.", "a/k/a"))
        anchor, rest = (left, chain) if left else (chain[0], chain[1:])
        for other in rest:
            if cue in weak and not (_acronym(other) or _acronym(anchor)):
                continue
            _join(anchor, other, learned, rules, person_cue=False, text=text)
    return learned


def _join(a: _Name, b: _Name, learned: Learned, rules: NameRules, person_cue: bool, text: str) -> None:
    if a.entries and b.entries:
        return
    if a.entries or b.entries:
        known, other = (a, b) if a.entries else (b, a)
        if len(known.entries) == 1 and (_acronym(other) or len(other.text.split()) >= 2 or other.text[:3].lower() == "al-"):
            if not _personish(other.text, rules):
                learned.aliases.setdefault(other.text, known.entries[0])
        return
    if _acronym(b) and not _acronym(a):
        words = [rules.fold_word(w) for w in re.split(r"[\s\-]+", a.text) if w]
        shaped = words and (words[-1] in rules.lex("group_words") or words[0] in rules.lex("group_heads"))
        banned = rules.key(a.text) in {rules.key(n) for n in rules.lex("not_actors")}
        if shaped and not banned and _initials_fit(a.text, b.text, rules):
            learned.unknown.append(a.text)
            learned.aliases.setdefault(b.text, a.text)
            learned.aliases.setdefault(a.text, a.text)
        return
    if _acronym(a) or _acronym(b):
        return
    if person_cue or _personish(a.text, rules) or _personish(b.text, rules):
        va, vb = rules.normalize_person(a.text), rules.normalize_person(b.text)
        learned.persons.update((va, vb))
        learned.links.setdefault(vb, va)


def _acronym(name: _Name) -> bool:
    return " " not in name.text and is_acronym(name.text)


def _name_like(text: str) -> bool:
    if not text or len(text) > 90 or not (text[0].isupper() or text[:3].lower() == "al-"):
        return False
    if " " not in text:
        return is_acronym(text) or (len(text) > 3 and not text.isdigit())
    words = text.split()
    return len(words) <= 8 and sum(w[0].isupper() for w in words) >= max(1, len(words) // 2) and not any(
        c.isdigit() for c in text)


def _personish(text: str, rules: NameRules) -> bool:
    words = [rules.fold_word(w) for w in re.split(r"[\s\-]+", text) if w]
    return bool(words) and (words[0] in rules.lex("name_openers") or (
        len(words) >= 2 and any(w in ("al", "bin", "ibn") for w in words[1:-1])) or (
        len(words) >= 2 and words[-1] not in rules.lex("group_words") and all(len(w) > 1 for w in words)
        and len(words) <= 4 and not any(w in rules.lex("not_name_words") for w in words)
        and text[:1].isupper() and "-" not in text.split()[0][1:3]))


def _initials_fit(name: str, acronym: str, rules: NameRules) -> bool:
    letters = [c.lower() for c in acronym if c.isalpha()]
    words = [w for w in re.split(r"[\s\-]+", name) if w and w[0].isalpha()]
    initials = [w[0].lower() for w in words]
    if not letters or not initials or letters[0] != initials[0]:
        return False
    i = 0
    for c in letters:
        while i < len(initials) and initials[i] != c:
            i += 1
        if i == len(initials):
            return False
        i += 1
    return True
