"""A small knowledge base written by hand for the workbench tests: two reports of one attack
that disagree on the toll, a dossier's worth of leadership, estimate, designation and relation
claims, and one hostile document whose text and values carry HTML and script.

Built with repository functions (documents, claims, events and actors written directly), so
the workbench is tested without running extraction.
"""
from __future__ import annotations

from pathlib import Path

from sourcebook.ingest.normalize import make_document
from sourcebook.model import Actor, Claim, Event, Place, Quantity
from sourcebook.store import repository as repo
from sourcebook.store.session import open_engine, session_factory

WIRE = ("GAROWE, May 9, 2023 - A truck bomb struck a police checkpoint in Garowe on Tuesday, killing at least "
        "11 people and wounding 24, officials said. The Coastal Brigades said they carried out the bombing.\n")
REPORT = ("Coastal Brigades (CB) in 2023\n\nOn 9 May 2023 a truck bomb at a police checkpoint in Garowe killed 16 "
          "people. Analysts estimated that the Coastal Brigades had between 2,000 and 3,500 fighters in 2022. "
          "Yusuf Warsame has led the Coastal Brigades since 2019. Canada listed the Coastal Brigades as a terrorist "
          "entity in June 2021. The Coastal Brigades are allied with the Highland Movement.\n")
HOSTILE = ('Bulletin <script>window.__xss = 1; alert("doc")</script> with <img src=x onerror="window.__xss = 2"> '
           'and <a href="javascript:window.__xss = 3">a link</a>. On 2 June 2023 a raid near Bosaso killed '
           '3 militants.\n')
XSS_NAME = '<img src=x onerror="window.__xss = 4">'
XSS_TARGET = '<script>window.__xss = 5</script>'


def _at(doc, words: str, after: int = 0):
    start = doc.text.index(words, after)
    return doc.span(start, start + len(words))


def _event_claim(doc, sentence: str, values: dict, words: dict) -> Claim:
    evidence = _at(doc, sentence)
    spans = {slot: _at(doc, w, evidence.start) for slot, w in words.items()}
    return Claim("event", values, evidence=evidence, spans=spans, confidence=0.8)


def documents() -> list:
    wire = make_document(WIRE, "wire-garowe.txt", title="Truck bomb in Garowe", published="2023-05-09")
    wire.claims.append(_event_claim(
        wire, "A truck bomb struck a police checkpoint in Garowe on Tuesday, killing at least 11 people",
        {"event_type": "attack", "date": "2023-05-09", "date_precision": "day", "place": "Garowe", "country": "SO",
         "admin1": "Nugaal", "attack_type": "Bombing/Explosion", "target": "police checkpoint",
         "killed": Quantity(11, 11, "at least"), "injured": Quantity(24, 24), "perpetrator": "Coastal Brigades"},
        {"date": "Tuesday", "place": "Garowe", "target": "police checkpoint", "attack_type": "truck bomb",
         "killed": "at least 11", "injured": "24", "perpetrator": "Coastal Brigades", "country": "Garowe",
         "admin1": "Garowe", "event_type": "truck bomb"}))
    wire.meta["actors"] = [Actor("Coastal Brigades", aliases=["Coastal Brigades"])]

    report = make_document(REPORT, "report-coastal.txt", title="Coastal Brigades (CB) in 2023", author="Analyst")
    report.claims.append(_event_claim(
        report, "On 9 May 2023 a truck bomb at a police checkpoint in Garowe killed 16 people.",
        {"event_type": "attack", "date": "2023-05-09", "date_precision": "day", "place": "Garowe", "country": "SO",
         "admin1": "Nugaal", "attack_type": "Bombing/Explosion", "target": "police checkpoint",
         "killed": Quantity(16, 16)},
        {"date": "9 May 2023", "place": "Garowe", "target": "police checkpoint", "attack_type": "truck bomb",
         "killed": "16", "country": "Garowe", "admin1": "Garowe", "event_type": "truck bomb"}))
    est = _at(report, "Analysts estimated that the Coastal Brigades had between 2,000 and 3,500 fighters in 2022.")
    report.claims.append(Claim("estimate", {"subject": "Coastal Brigades", "quantity": "fighters", "low": 2000,
                                            "high": 3500, "as_of": "2022", "source": "Analysts"}, evidence=est,
                               spans={"subject": _at(report, "Coastal Brigades", est.start),
                                      "low": _at(report, "2,000", est.start), "high": _at(report, "3,500", est.start),
                                      "as_of": _at(report, "2022", est.start), "source": _at(report, "Analysts", est.start),
                                      "quantity": _at(report, "fighters", est.start)}))
    lead = _at(report, "Yusuf Warsame has led the Coastal Brigades since 2019.")
    report.claims.append(Claim("leadership", {"organization": "Coastal Brigades", "person": "Yusuf Warsame",
                                              "role": "leader", "start": "2019"}, evidence=lead,
                               spans={"person": _at(report, "Yusuf Warsame"), "start": _at(report, "2019", lead.start),
                                      "organization": _at(report, "Coastal Brigades", lead.start),
                                      "role": _at(report, "led", lead.start)}))
    des = _at(report, "Canada listed the Coastal Brigades as a terrorist entity in June 2021.")
    report.claims.append(Claim("designation", {"organization": "Coastal Brigades", "designated_by": "Canada",
                                               "instrument": "terrorist entity", "date": "2021-06"}, evidence=des,
                               spans={"designated_by": _at(report, "Canada"), "date": _at(report, "June 2021"),
                                      "organization": _at(report, "Coastal Brigades", des.start),
                                      "instrument": _at(report, "terrorist entity")}))
    rel = _at(report, "The Coastal Brigades are allied with the Highland Movement.")
    report.claims.append(Claim("relation", {"subject": "Coastal Brigades", "predicate": "allied_with",
                                            "object": "Highland Movement"}, evidence=rel,
                               spans={"subject": _at(report, "Coastal Brigades", rel.start),
                                      "predicate": _at(report, "allied with"), "object": _at(report, "Highland Movement")}))
    report.meta["actors"] = [Actor("Coastal Brigades", aliases=["Coastal Brigades", "CB"]),
                             Actor("Highland Movement"), Actor("Yusuf Warsame", actor_type="person")]

    hostile = make_document(HOSTILE, "bulletin.html", title='<b onmouseover="window.__xss = 6">Bulletin</b>')
    hostile.claims.append(_event_claim(
        hostile, "On 2 June 2023 a raid near Bosaso killed 3 militants.",
        {"event_type": "counter_operation", "date": "2023-06-02", "date_precision": "day", "place": "Bosaso",
         "country": "SO", "admin1": "Bari", "killed": Quantity(3, 3), "actor": XSS_NAME, "target": XSS_TARGET},
        {"date": "2 June 2023", "place": "Bosaso", "killed": "3", "actor": "raid", "target": "militants",
         "country": "Bosaso", "admin1": "Bosaso", "event_type": "raid"}))
    hostile.meta["actors"] = [Actor(XSS_NAME)]
    return [wire, report, hostile]


def events_of(claims: list[Claim]) -> list[Event]:
    """The two events these claims report, merged by hand as resolution would."""
    garowe = Place("Garowe", country="SO", admin1="Nugaal", latitude=8.4054, longitude=48.4845, precision="place")
    bari = Place("Bari", country="SO", admin1="Bari", latitude=10.5, longitude=49.5, precision="province")
    attack = [c for c in claims if c.kind == "event" and c.values.get("place") == "Garowe"]
    raid = [c for c in claims if c.kind == "event" and c.values.get("place") == "Bosaso"]
    return [Event("attack", "2023-05-09", "day", garowe,
                  {"country": "SO", "admin1": "Nugaal", "place": "Garowe", "perpetrator": "Coastal Brigades",
                   "attack_type": ["Bombing/Explosion"], "target": "police checkpoint",
                   "killed": {"best": 11, "low": 11, "high": 16}, "injured": 24,
                   "sources": ["report-coastal.txt", "wire-garowe.txt"]}, attack),
            Event("counter_operation", "2023-06-02", "day", bari,
                  {"country": "SO", "admin1": "Bari", "place": "Bosaso", "actor": XSS_NAME, "target": XSS_TARGET,
                   "killed": 3, "sources": ["bulletin.html"]}, raid)]


def build_kb(path: Path) -> Path:
    """Write the knowledge base to a SQLite file; returns its path."""
    engine = open_engine(path)
    Session = session_factory(engine)
    with Session.begin() as session:
        for doc in documents():
            repo.save_document(session, doc)
    with Session.begin() as session:
        claims = [repo.to_claim(r) for r in repo.current_claims(session)]
        repo.replace_events(session, events_of(claims))
        actors = {}
        for row in repo.documents(session):
            for a in (row.meta or {}).get("actors", []):
                actors.setdefault(a["name"], Actor(**a))
        repo.replace_actors(session, actors.values())
    engine.dispose()
    return path
