"""Capitalised runs: the stretches of a text that may be a name, and how to tell a person's name
or an unknown group's name among them."""
from __future__ import annotations

import re
from dataclasses import dataclass

from sourcebook.extract._aliases import AliasHit
from sourcebook.extract._names import NameRules, Token

# Between two words of a name: a space or a hyphen; after an initial, its dot ("John F. Kelly").
_GAP = re.compile(r"[ \-‐‑–—]{1,2}")
_INITIAL_GAP = re.compile(r"\. ?")
# Lower-case words that may stand inside a group's name ("Islamic Movement of Uzbekistan").
_INNER = {"of", "the", "and", "for", "in", "wal", "wa", "fi", "li", "e", "i", "ul", "ud", "ur", "al",
          "el", "bin", "ibn", "as", "ash", "ad", "at"}
_ENGLISH_INNER = {"of", "the", "and", "for", "in"}


@dataclass(slots=True)
class Run:
    """Consecutive name-like words.

    Attributes:
        start, end: offsets (end exclusive).
        words: the tokens.
        text: the words as written.
    """

    start: int
    end: int
    words: list[Token]
    text: str


class RunReader:
    """Reads capitalised runs and judges them with the name lexicons."""

    def __init__(self, rules: NameRules):
        self.rules = rules
        lex = rules.lex
        self.org_stop = lex("not_name_words")
        self.stop = self.org_stop | lex("adjectives")
        self.titles = sorted((t.replace(".", "") for t in lex("titles")), key=len, reverse=True)
        self.title_words = {w for t in self.titles for w in t.split()}
        self.roles = lex("roles")
        self.openers = lex("name_openers")
        self.facility = lex("facility_words")
        self.venues = lex("venue_words")
        self.group_words = lex("group_words")
        self.group_heads = lex("group_heads")
        self.tails = lex("group_tails")
        self.not_actors = {rules.key(n) for n in lex("not_actors")}
        verbs = sorted(lex("person_verbs"), key=len, reverse=True)
        self.after_verb = re.compile(r"[ ]+(?:" + "|".join(map(re.escape, verbs)) + r")\b")
        before = sorted(lex("person_before"), key=len, reverse=True)
        self.before_cue = re.compile(r"\b(?:" + "|".join(map(re.escape, before)) + r")[ ,]*$", re.I)
        roles = "|".join(sorted(map(re.escape, self.roles), key=len, reverse=True))
        self.after_role = re.compile(
            r",[ ]+(?:(?:a|an|the|his|her|its|then|one|former)\b[^,;:\n()]{0,45}?\b(?:"
            + roles + r")s?\b|who\b|whose\b)", re.I)
        self.paren_role = re.compile(r" ?\((?:" + roles + r"|alias|aka)\b", re.I)
        self.role_before = re.compile(r"\b(?:" + roles + r")s?[ ,]*$", re.I)

    # -- reading ----------------------------------------------------------------------------

    def read(self, text: str, tokens: list[Token], hits: list[AliasHit]) -> list[Run]:
        """Runs of capitalised words (with lower-case particles inside), cut at registry names."""
        taken: set[int] = set()
        k = 0
        for h in hits:                       # both sorted by offset: one sweep
            while k < len(tokens) and tokens[k].start < h.start:
                k += 1
            while k < len(tokens) and tokens[k].start < h.end:
                taken.add(k)
                k += 1
        runs: list[Run] = []
        cur: list[Token] = []

        def close():
            while cur and not cur[-1].text[0].isupper():
                cur.pop()
            while cur and cur[0].fold in self.org_stop and cur[0].fold not in self.openers:
                cur.pop(0)
            while cur and not cur[0].text[0].isupper():
                cur.pop(0)
            if cur:
                runs.append(Run(cur[0].start, cur[-1].end, list(cur), text[cur[0].start:cur[-1].end]))
            cur.clear()

        for i, tok in enumerate(tokens):
            word = tok.text
            cap = word[0].isupper() and not (len(word) > 4 and word.isupper() and not _near_acronym(word))
            inner = tok.fold in _INNER and word.islower()
            # a free-standing "as" is English ("identified X as Y"); the article is joined ("as-Sahab")
            if inner and word == "as" and text[tok.end:tok.end + 1] == " " and text[tok.start - 1:tok.start] == " ":
                inner = False
            if i in taken or not (cap or (inner and cur)):
                close()
                continue
            if cur and not (_GAP.fullmatch(text, cur[-1].end, tok.start) or (
                    len(cur[-1].text) == 1 and _INITIAL_GAP.fullmatch(text, cur[-1].end, tok.start))):
                close()
            if not cur and not cap:
                continue
            cur.append(tok)
        close()
        return runs

    # -- unknown groups -----------------------------------------------------------------------

    def organizations(self, text: str, runs: list[Run]) -> list[Run]:
        """Runs that name a group by their shape: a group word last ("... Front") or first
        ("Jaish ..."), or a name followed by "group"/"faction"."""
        out = []
        for run in runs:
            words = run.words
            for k in range(len(words) - 1, 0, -1):
                if words[k].text == "the" and words[k - 1].fold not in ("of", "and"):
                    words = words[k + 1:]
                    break
            words = self._strip_stop(words)
            heads = [k for k, w in enumerate(words) if w.fold in self.group_heads]
            if heads and len(words) - heads[0] >= 2:
                words = words[heads[0]:]
            if not words:
                continue
            folds = [w.fold for w in words]
            if any(w.fold in self.venues and w.text[0].isupper() for w in words[1:]):
                continue
            name = Run(words[0].start, words[-1].end, words, text[words[0].start:words[-1].end])
            if self.rules.key(name.text) in self.not_actors:
                continue
            if len(words) >= 2 and (folds[-1] in self.group_words or folds[0] in self.group_heads):
                out.append(name)
                continue
            tail = re.match(r" (" + "|".join(self.tails) + r")\b", text[name.end:name.end + 20])
            if tail and len(words) <= 4 and not any(f in self.stop for f in folds):
                end = name.end + tail.end()
                out.append(Run(name.start, end, words, text[name.start:end]))
        return out

    # -- persons ------------------------------------------------------------------------------

    def persons(self, text: str, runs: list[Run], marked: set[str]) -> list[tuple[Run, str]]:
        """Runs that are a person's name, with the name's normal form; `marked` are names the
        alias cues already showed to be persons. A surname alone counts once its full name has."""
        found: list[tuple[Run, str]] = []
        key = self.rules.person_key
        known: set[str] = {key(v) for v in marked}
        single: list[Run] = []
        for run in runs:
            for part in self._split(run):
                name, cue = self._strip_titles(text, part)
                if not name:
                    continue
                value = self.rules.normalize_person(name.text)
                if len(name.words) == 1 and not cue:
                    single.append(name)
                    continue
                nxt = re.match(r" ([a-z]+)", text[name.end:name.end + 20])
                if nxt and nxt.group(1) in self.facility:
                    continue
                if cue or key(value) in known or self._is_person(text, name):
                    if self._plausible(name, cue):
                        found.append((name, value))
                        known.add(key(value))
        surnames = {}
        for value in known:
            parts = value.split()
            if len(parts) >= 2:
                surnames.setdefault(parts[-1], value)
        for name in single:
            fold = name.words[0].fold
            if fold in surnames and fold not in self.stop:
                found.append((name, self.rules.normalize_person(name.text)))
        found.sort(key=lambda p: p[0].start)
        return found

    def _split(self, run: Run) -> list[Run]:
        parts, cur = [], []
        for w in run.words:
            if w.fold in _ENGLISH_INNER and w.text.islower():
                if cur:
                    parts.append(cur)
                cur = []
            else:
                cur.append(w)
        if cur:
            parts.append(cur)
        return [Run(p[0].start, p[-1].end, p, "") for p in parts]

    def _strip_stop(self, words: list[Token]) -> list[Token]:
        i = 0
        while i < len(words) and (words[i].fold in self.org_stop or not words[i].text[0].isupper()):
            i += 1
        return words[i:]

    def _strip_titles(self, text: str, run: Run) -> tuple[Run | None, bool]:
        words = run.words
        cue = False
        changed = True
        while words and changed:
            changed = False
            low = " ".join(w.fold for w in words)
            for title in self.titles:
                if low == title or low.startswith(title + " "):
                    n = len(title.split())
                    if n < len(words):
                        words, cue, changed = words[n:], True, True
                    break
            if words and not changed and words[0].fold in self.stop and words[0].fold not in self.openers:
                words, changed = words[1:], True
        if not words:
            return None, False
        return Run(words[0].start, words[-1].end, words, text[words[0].start:words[-1].end]), cue

    def _is_person(self, text: str, name: Run) -> bool:
        folds = [w.fold for w in name.words]
        if folds[0] in self.openers and len(folds) >= 2:
            return True
        if any(w.text.islower() and w.fold in self.rules.particles for w in name.words[1:-1]):
            return True
        line_start = text.rfind("\n", 0, name.start) + 1
        before = text[max(line_start, name.start - 60):name.start]
        after = text[name.end:name.end + 90]
        if self.before_cue.search(before) or self.role_before.search(before):
            return True
        return bool(self.after_verb.match(after) or self.after_role.match(after) or self.paren_role.match(after))

    def _plausible(self, name: Run, cue: bool) -> bool:
        folds = [w.fold for w in name.words]
        caps = [w for w in name.words if w.text[0].isupper()]
        if not caps or len(caps) > 5 or (len(caps) < 2 and not cue):
            return False
        if folds[-1] in self.facility or folds[-1] in self.group_words:
            return False
        if any(f in self.stop and f not in self.openers for f in folds):
            return False
        return not any(w.text.isupper() and len(w.text) > 1 for w in name.words)


def _near_acronym(word: str) -> bool:
    return len(word) <= 5
