"""Who carried out an attack, and whether it was claimed, as a careful analyst reads a report.

The perpetrator is the group the clause names as the one that attacked, claimed or was blamed;
a group that denied or condemned the attack, or a phrase naming another group's affiliate
("the Islamic State's West African branch"), is never taken. When the clause names no group, the
group the paragraph or section is about may be taken as `context` attribution, except where the
text says the attack was not claimed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from sourcebook.extract._event_lexicon import EventLexicon
from sourcebook.model import Mention

_STATE_TYPES = ("state", "international")
# a group named as the object of an attack or the other side of a fight is not its perpetrator
_OBJECT_BEFORE = re.compile(r"\b(?:against|on|targeting|rival of|rivals?|enemy of|fighting|fought|carrying|"
                            r"(?:killing|killed|wounding|wounded|injuring|abducting|kidnapping)(?:\s+[\w-]+)?|"
                            r"members of|leader of|emir of|commanders? of|(?:splinter |breakaway |militant )?(?:group|faction|wing|branch|"
                            r"affiliate|offshoot|ally|allies|splinter) of)\s+(?:the\s+)?$", re.I)


_SOURCE_AFTER = re.compile(r"['’]?s?\s+(?:officials?|spokesm[ae]n|spokesperson|authorities|government|media|"
                           r"administration|guards|police|forces|ministry|statement)\b", re.I)
# "a senior PDP leader", "a Wafd party rally": the group names the victim's side, not the attacker
_MEMBER_AFTER = re.compile(r"\s+(?:party\s+)?(?:leaders?|officials?|lawmakers?|politicians?|candidates?|workers?|"
                           r"supporters?|activists?|rally|rallies|convention|meeting|office|offices|headquarters|"
                           r"chief|chairman|spokesm[ae]n|members?|legislators?|troops|soldiers|convoys?|checkpoints?|positions?|"
                           r"patrols?|bases?|personnel)\b", re.I)
_MEDIA = re.compile(r"\b(?:news agency|agency|news|media|radio|television)$", re.I)
_POSSESSOR = re.compile(r"\b([\w'’-]+)\s+of\s+(?:the\s+)?$", re.I)
_AGENT_NOUNS = frozenset("fighters gunmen militants members bombers attackers cell cells unit units commanders "
                         "suicide group faction".split())


@dataclass(slots=True)
class Attribution:
    """The perpetrator and claim status of one event mention, each with its span."""

    perpetrator: Mention | None = None
    claimed: bool | None = None
    claim_span: tuple[int, int] | None = None
    how: str = "stated"
    blocked: bool = False          # the text says no one claimed it: no context attribution


def is_state(mention: Mention) -> bool:
    return mention.data.get("actor_type") in _STATE_TYPES


def actor_key(mention: Mention) -> str:
    """The name the actor is known by: its canonical name when the registry knows it."""
    return str(mention.value or mention.text)


def eligible_groups(text: str, actors: list[Mention], lex: EventLexicon) -> list[Mention]:
    """Non-state actors that may be a perpetrator: not an affiliate phrase, not a denier, not the
    object of an attack."""
    out = []
    refused_end = -10
    for m in actors:
        if is_state(m):
            continue
        if 0 <= m.start - refused_end <= 3 and "(" in text[refused_end:m.start]:
            refused_end = m.end + 1      # "(PDP)" after a group refused: the same group
            continue
        if _eligible(text, m, lex):
            out.append(m)
        else:
            refused_end = m.end
    return out


def _eligible(text: str, m: Mention, lex: EventLexicon) -> bool:
    if _MEMBER_AFTER.match(text, m.end):
        return False
    if lex.cue("affiliate", text[m.end:m.end + 40]):
        return False
    if lex.cue("denial", text[m.end:m.end + 60]) and not lex.cue("claim", text[m.end:m.end + 40]):
        return False
    if _SOURCE_AFTER.match(text, m.end) or _MEDIA.search(m.text):
        return False          # "Taliban officials said", "Amaq news agency": a source, not an attacker
    before = text[max(0, m.start - 40):m.start]
    if _OBJECT_BEFORE.search(before):
        return False
    poss = _POSSESSOR.search(before)
    # "a rally of the PDP", "the convoy of X": the group is not the attacker
    return not (poss and poss.group(1).lower() not in _AGENT_NOUNS)


def attribute(text: str, start: int, end: int, actors: list[Mention], lex: EventLexicon) -> Attribution:
    """Perpetrator and claim status stated in `text[start:end]`."""
    clause = text[start:end]
    att = Attribution()
    no = lex.cue("no_claim", clause)
    claim = lex.cue("claim", clause)
    groups = eligible_groups(text, [a for a in actors if start <= a.start and a.end <= end], lex)
    if no:
        att.claimed, att.claim_span, att.blocked = False, (start + no.start(), start + no.end()), True
    elif claim:
        att.claimed, att.claim_span = True, (start + claim.start(), start + claim.end())
    blame = lex.cue("blame", clause)
    if blame:
        after = [g for g in groups if g.start >= start + blame.end()]
        if after:
            att.perpetrator = after[0]
            return att
    if claim and not no:
        cs = start + claim.start()
        # "claimed by X" names the claimant after the verb; "X claimed" before it
        after = [g for g in groups if g.start >= cs and g.start - (start + claim.end()) < 30]
        before = [g for g in groups if g.end <= cs]
        if "by" in claim.group(0).lower() and after:
            att.perpetrator = after[0]
        elif before:
            att.perpetrator = before[-1]
        elif after:
            att.perpetrator = after[0]
    if att.perpetrator is None and groups:
        att.perpetrator = groups[0]
    if lex.cue("denial", clause) and att.claimed is None:
        att.claimed, att.blocked = False, True
        d = lex.cue("denial", clause)
        att.claim_span = (start + d.start(), start + d.end())
        if att.perpetrator and att.perpetrator.end <= start + d.start() and not claim:
            att.perpetrator = None
    return att


def context_group(text: str, before: int, floor: int, actors: list[Mention], lex: EventLexicon) -> Mention | None:
    """The group a passage is about: the last eligible group named between `floor` and `before`."""
    cands = [a for a in actors if floor <= a.start and a.end <= before]
    groups = eligible_groups(text, cands, lex)
    return groups[-1] if groups else None
