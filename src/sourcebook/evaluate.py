"""Evaluation as a feature: score facts records against gold facts, with the matching rules of
the facts format (shared/eval/README.md), so a user can measure extraction on their own
annotated documents. The numbers agree with the project's referee (a test checks it).

Rules, in short: records are matched within each document, one system record to at most one
gold record, greedily, best first. Names match when equal after normalising, when a short name's
tokens lie in a slightly longer one, or when gold alias records or the system's actor records put
them together (a system group that joins two actors gold keeps apart is not used). An event needs
the same type, no clash of date, country or place, and an anchor (date or place). Every system
record must quote its document's own words.
"""
from __future__ import annotations

import html
import json
import re
import unicodedata
from pathlib import Path

from sourcebook.errors import FormatError

SCORED_KINDS = ("event", "leadership", "estimate", "designation", "relation")
EVENT_SLOTS = ("date", "place", "admin1", "country", "perpetrator", "attack_type", "suicide",
               "target_type", "killed", "injured", "claimed")
STRICT_SLOTS = {"leadership": ("start", "end"), "estimate": ("source", "as_of"),
                "designation": ("date",), "relation": ("date",)}
NAME_SLOTS = ("place", "admin1", "perpetrator", "person", "organization", "source", "designated_by", "actor", "subject")
NAME_KEYS = ("subject", "object", "perpetrator", "organization", "person", "designated_by", "source", "actor")
DATE_SLOTS = ("date", "start", "end", "as_of")
SYMMETRIC = {"rival_of", "allied_with", "affiliated_with"}
CEILING_QUALIFIERS = {"up to", "as many as", "nearly", "almost", "at most", "fewer than", "less than"}
DROP_TOKENS = {"al", "el", "the", "of", "in", "and"}
MAX_QUOTE = 1000
TEXT_SUFFIXES = (".txt", ".md", ".html", ".htm")
PLACE_VARIANTS = {"baluchistan": "balochistan", "banadir": "banaadir", "ningarhar": "nangarhar",
                  "nangrahar": "nangarhar", "qandahar": "kandahar", "paktiya": "paktia", "nooristan": "nuristan",
                  "sar e pul": "sar e pol", "sari pul": "sar e pol", "sar i pul": "sar e pol",
                  "mazar e sharif": "mazar i sharif", "mazari sharif": "mazar i sharif", "kunarha": "kunar",
                  "north west frontier province": "khyber pakhtunkhwa", "nwfp": "khyber pakhtunkhwa"}


def norm(name) -> str:
    """Case, accents, punctuation, parenthesised acronyms and filler tokens folded away."""
    if name is None:
        return ""
    s = unicodedata.normalize("NFKD", str(name))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"\(.*?\)", " ", s)
    s = re.sub(r"[^\w\s]|_", " ", s)
    return " ".join(t for t in s.split() if t not in DROP_TOKENS)


class _Groups:
    """Union-find over normalised names."""

    def __init__(self):
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def join(self, keys) -> None:
        keys = list(keys)
        for k in keys[1:]:
            self.parent[self.find(k)] = self.find(keys[0])


class Names:
    """Which names denote one actor: gold alias records first, then the system's actor records."""

    def __init__(self):
        self.groups = _Groups()
        self.gold_class: dict[str, str] = {}

    def join(self, names) -> None:
        self.groups.join(k for k in (norm(n) for n in names) if k)

    def freeze_gold(self, names) -> None:
        self.gold_class = {k: self.groups.find(k) for k in (norm(n) for n in names) if k}

    def join_system(self, actor_records) -> list[list[str]]:
        """Join the system's actor records; return the groups that merge actors gold keeps apart
        (those are not used)."""
        sys_groups, shown = _Groups(), {}
        for r in actor_records:
            group = [n for n in [r.get("name"), *(r.get("aliases") or [])] if norm(n)]
            sys_groups.join(norm(n) for n in group)
            for n in group:
                shown.setdefault(norm(n), str(n))
        components: dict[str, list[str]] = {}
        for k in shown:
            components.setdefault(sys_groups.find(k), []).append(k)
        wrong = []
        for keys in components.values():
            if len({self.gold_class[k] for k in keys if k in self.gold_class}) > 1:
                wrong.append(sorted(shown[k] for k in keys if k in self.gold_class))
            else:
                self.groups.join(keys)
        return wrong

    def same(self, a, b) -> bool:
        na, nb = norm(a), norm(b)
        if not na or not nb:
            return False
        if na == nb:
            return True
        ga, gb = self.gold_class.get(na), self.gold_class.get(nb)
        if ga and gb and ga != gb:
            return False
        if self.groups.find(na) == self.groups.find(nb):
            return True
        ta, tb = set(na.split()), set(nb.split())
        small, big = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
        return len(small) >= 2 and small <= big and len(big) <= min(len(small) + 3, 8)


# -- reading -------------------------------------------------------------------------------

def read_jsonl(path: Path) -> list[dict]:
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as e:
                raise FormatError(path, n, f"not JSON: {e}") from e
    return out


def leaders_as_leadership(records: list[dict]) -> list[dict]:
    """'X leader_of Y' says what a leadership record says: score them as one kind."""
    out = []
    for r in records:
        if r.get("kind") == "relation" and r.get("predicate") == "leader_of":
            r = {k: v for k, v in r.items() if k not in ("subject", "object", "predicate", "date")} | {
                "kind": "leadership", "person": r.get("subject"), "organization": r.get("object"),
                "start": r.get("date")}
        out.append(r)
    return out


def docs_of(rec: dict) -> set[str]:
    ds = {Path(str(rec["doc"])).name} if rec.get("doc") else set()
    for s in rec.get("sources") or []:
        d = s.get("document") if isinstance(s, dict) else s
        if d:
            ds.add(Path(str(d)).name)
    return ds


def _fold(text: str) -> str:
    return " ".join(text.split())


def read_corpus(corpus: Path) -> dict[str, tuple[str, str] | None]:
    """Document name -> (raw text, folded visible text); None for formats whose words are not read."""
    texts: dict[str, tuple[str, str] | None] = {}
    for p in sorted(corpus.iterdir()):
        if not p.is_file() or p.name.startswith("."):
            continue
        if p.suffix.lower() not in TEXT_SUFFIXES:
            texts[p.name] = None
            continue
        raw = p.read_text(encoding="utf-8", errors="replace")
        visible = raw
        if p.suffix.lower() in (".html", ".htm"):
            visible = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", raw)
            visible = html.unescape(re.sub(r"<[^>]+>", " ", visible))
        texts[p.name] = (raw, _fold(visible))
    return texts


def grounded(rec: dict, texts: dict) -> bool:
    sources = rec.get("sources") or []
    if not sources:
        return False
    for s in sources:
        if not isinstance(s, dict):
            return False
        name, quote = Path(str(s.get("document"))).name, s.get("quote")
        if name not in texts:
            return False
        if texts[name] is None:
            continue
        if not isinstance(quote, str) or not quote.strip() or len(quote) > MAX_QUOTE:
            return False
        raw, visible = texts[name]
        start, end = s.get("start"), s.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and raw[start:end] == quote) and _fold(quote) not in visible:
            return False
    return True


# -- matching ------------------------------------------------------------------------------

def _date_ok(gold, sysv) -> bool:
    if not gold:
        return True
    return bool(sysv) and str(sysv).startswith(str(gold)) and len(str(sysv)) == len(str(gold))


def _date_compatible(gold, sysv) -> bool:
    if not gold or not sysv:
        return True
    return all(a == b for a, b in zip(str(gold).split("-"), str(sysv).split("-")))


def _number_ok(gold, s: dict, key: str, g: dict) -> bool:
    v = s.get(key)
    if not isinstance(v, dict):
        return v == gold
    ok = [v.get("best"), v.get("low")]
    if str(g.get(f"{key}_qualifier") or "").lower() in CEILING_QUALIFIERS:
        ok.append(v.get("high"))
    return gold in [x for x in ok if x is not None]


def _place_same(gv, sv, names: Names) -> bool:
    if not gv or not sv:
        return False
    pg, ps = norm(gv), norm(sv)
    return PLACE_VARIANTS.get(pg, pg) == PLACE_VARIANTS.get(ps, ps) or names.same(gv, sv)


def slot_ok(slot: str, g: dict, s: dict, names: Names) -> bool:
    gv = g.get(slot)
    if isinstance(gv, list):        # gold lists the codings it accepts
        return any(slot_ok(slot, {**g, slot: v}, s, names) for v in gv)
    if slot in DATE_SLOTS:
        return _date_ok(gv, s.get(slot))
    if slot in ("killed", "injured"):
        return _number_ok(gv, s, slot, g)
    if slot in ("place", "admin1"):
        return _place_same(gv, s.get(slot), names)
    if slot in NAME_SLOTS:
        return names.same(gv, s.get(slot))
    if slot == "country":
        return str(s.get("country") or "").upper() == str(gv).upper()
    return s.get(slot) == gv


def event_match_score(g: dict, s: dict, names: Names) -> float:
    if g.get("event_type") != s.get("event_type") or not _date_compatible(g.get("date"), s.get("date")):
        return 0.0
    if g.get("country") and s.get("country") and str(g["country"]).upper() != str(s["country"]).upper():
        return 0.0
    g_locs = [x for x in (g.get("place"), g.get("admin1")) if x]
    s_locs = [x for x in (s.get("place"), s.get("admin1")) if x]
    located = any(_place_same(a, b, names) for a in g_locs for b in s_locs)
    if g.get("place") and s.get("place") and not located:
        return 0.0
    gd, sd = str(g.get("date") or ""), str(s.get("date") or "")
    dated = bool(gd and sd) and len(sd) >= min(len(gd), 7)
    if not (g_locs or gd):
        anchored = bool(g.get("country") and s.get("country")) and any(
            slot_ok(k, g, s, names) for k in ("perpetrator", "actor", "killed", "target_type", "attack_type")
            if g.get(k) is not None)
    else:
        anchored = dated or located
    if not anchored:
        return 0.0
    slots = [k for k in EVENT_SLOTS if g.get(k) is not None]
    return 0.1 + sum(slot_ok(k, g, s, names) for k in slots) / max(1, len(slots))


def generic_match_score(kind: str, g: dict, s: dict, names: Names) -> float:
    if kind == "leadership":
        ok = names.same(g.get("person"), s.get("person")) and names.same(g.get("organization"), s.get("organization"))
    elif kind == "estimate":
        ok = s.get("low") == g.get("low") and s.get("high") == g.get("high") and names.same(g.get("subject"), s.get("subject"))
    elif kind == "designation":
        ok = names.same(g.get("designated_by"), s.get("designated_by")) and names.same(g.get("organization"), s.get("organization"))
    else:
        ok = g.get("predicate") == s.get("predicate") and (
            (names.same(g.get("subject"), s.get("subject")) and names.same(g.get("object"), s.get("object")))
            or (g.get("predicate") in SYMMETRIC and names.same(g.get("subject"), s.get("object"))
                and names.same(g.get("object"), s.get("subject"))))
    if not ok:
        return 0.0
    return 1 + sum(slot_ok(k, g, s, names) for k in STRICT_SLOTS[kind] if g.get(k))


def strictly_right(kind: str, g: dict, s: dict, names: Names) -> bool:
    slots = EVENT_SLOTS if kind == "event" else STRICT_SLOTS[kind]
    return all(slot_ok(k, g, s, names) for k in slots if g.get(k) is not None)


def _assign(golds: list, systems: list, scorer) -> list[tuple[dict, dict]]:
    cands = sorted(((sc, i, j) for i, g in enumerate(golds) for j, s in enumerate(systems)
                    if (sc := scorer(g, s)) > 0), key=lambda t: -t[0])
    used_g, used_s, pairs = set(), set(), []
    for _, i, j in cands:
        if i not in used_g and j not in used_s:
            used_g.add(i)
            used_s.add(j)
            pairs.append((golds[i], systems[j]))
    return pairs


def _prf(tp: int, n_sys: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(gold: Path, records: list[dict], corpus: Path | None = None,
          texts: dict[str, str] | None = None) -> dict:
    """Score facts records against a gold folder (or file).

    Args:
        gold: folder of `*.jsonl` gold files, or one file.
        records: the system's facts records (what the facts export writes).
        corpus: the documents, to check grounding against the files as the referee does.
        texts: document name -> stored text, used for grounding when no corpus is given.

    Returns:
        {"kinds": {kind: {gold, system, matched, precision, recall, f1, strict_matched, strict_f1}},
         "slots": {...}, "overall": {...}, "ungrounded": n, "overmerged": [...], "misses": [...], "alarms": [...]}
    """
    gold_files = sorted(gold.glob("*.jsonl")) if gold.is_dir() else [gold]
    golds = leaders_as_leadership([r for f in gold_files for r in read_jsonl(f)])
    system = leaders_as_leadership(records)
    if corpus is not None:
        doc_texts = read_corpus(corpus)
    elif texts is not None:
        doc_texts = {name: (t, _fold(t)) for name, t in texts.items()}
    else:
        doc_texts = None
    gold_docs = set().union(*(docs_of(r) for r in golds)) if golds else set()
    if doc_texts is not None:
        gold_docs |= set(doc_texts)

    names = Names()
    alias_records = [r for r in golds if r.get("kind") == "aliases"]
    for r in alias_records:
        names.join(_alias_names(r))
    gold_names = [r.get(k) for r in golds for k in NAME_KEYS if isinstance(r.get(k), str) and r.get(k)]
    gold_names += [n for r in alias_records for n in _alias_names(r)]
    names.freeze_gold(gold_names)
    overmerged = names.join_system([r for r in system if r.get("kind") == "actor"])
    ungrounded = {id(r) for r in system if r.get("kind") in SCORED_KINDS and doc_texts is not None
                  and not grounded(r, doc_texts)}

    report: dict = {"kinds": {}, "slots": {}, "overmerged": overmerged, "ungrounded": len(ungrounded),
                    "misses": [], "alarms": []}
    tp_all = sys_all = gold_all = strict_all = 0
    for kind in SCORED_KINDS:
        g_k = [r for r in golds if r.get("kind") == kind]
        s_k = [r for r in system if r.get("kind") == kind and docs_of(r) & gold_docs]
        if kind == "event":
            scorer = lambda g, s: event_match_score(g, s, names)  # noqa: E731
        else:
            scorer = lambda g, s, k=kind: generic_match_score(k, g, s, names)  # noqa: E731
        pairs = []
        for d in sorted(gold_docs):
            gd = [r for r in g_k if d in docs_of(r)]
            sd = [r for r in s_k if d in docs_of(r)]
            got = _assign(gd, [r for r in sd if id(r) not in ungrounded], scorer)
            pairs += got
            matched_g, matched_s = {id(g) for g, _ in got}, {id(s) for _, s in got}
            report["misses"] += [(kind, g) for g in gd if id(g) not in matched_g]
            report["alarms"] += [(kind, s) for s in sd if id(s) not in matched_s]
        n_sys = sum(len(docs_of(s) & gold_docs) for s in s_k)
        p, r, f = _prf(len(pairs), n_sys, len(g_k))
        strict = sum(strictly_right(kind, g, s, names) for g, s in pairs)
        report["kinds"][kind] = {"gold": len(g_k), "system": n_sys, "matched": len(pairs),
                                 "precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
                                 "strict_matched": strict, "strict_f1": round(_prf(strict, n_sys, len(g_k))[2], 3)}
        tp_all += len(pairs)
        sys_all += n_sys
        gold_all += len(g_k)
        strict_all += strict
        if kind == "event":
            for slot in EVENT_SLOTS:
                scored = [(g, s) for g, s in pairs if g.get(slot) is not None]
                if scored:
                    ok = sum(slot_ok(slot, g, s, names) for g, s in scored)
                    report["slots"][slot] = {"correct": ok, "of": len(scored), "accuracy": round(ok / len(scored), 3)}
    p, r, f = _prf(tp_all, sys_all, gold_all)
    report["overall"] = {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
                         "strict_f1": round(_prf(strict_all, sys_all, gold_all)[2], 3)}
    return report


def _alias_names(r: dict) -> list[str]:
    return [r["actor"], *r.get("names", []), *[n for ns in (r.get("cross_document") or {}).values() for n in ns]]
