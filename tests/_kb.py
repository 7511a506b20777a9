"""A small knowledge base written by hand for the exporters' golden files: documents with claims
whose every value points at its words, events resolved by hand (so the exports do not depend on
the event merge), and actors. Sentences, groups and figures are made up for the tests."""
from __future__ import annotations

from sourcebook.ingest.normalize import make_document
from sourcebook.model import Actor, Claim, Event, Place, Quantity
from sourcebook.store import repository as repo
from sourcebook.store.tables import ClaimRow

GROUP = "Harakat al-Fajr"
PARENT = "Ansar al-Wadi"
ARMY = "Pakistan Army"

WIRE = ("QUETTA, Pakistan, May 4, 2021 - A suicide bomber of Harakat al-Fajr struck a police checkpoint in Mastung "
        "on Tuesday, killing 7 police officers and wounding 12, officials said. The group claimed responsibility.")
REPORT = ("In March 2020 gunmen attacked a village near Kidal, killing between 12 and 15 civilians. "
          "Residents blamed Harakat al-Fajr.")
BRIEF = ("Harakat al-Fajr is a branch of Ansar al-Wadi. Abu Talha al-Suri has led Harakat al-Fajr since 2018. "
         "In March 2020 the group killed 12 civilians near Kidal. The group has some 800 fighters, "
         "according to the UN. The United States designated Harakat al-Fajr a terrorist organization in 2019. "
         "In 2019 a bomb exploded at a market in Mali, killing 3 people.")
PRESS = "On 9 June 2022 the Pakistan Army carried out an airstrike in Tirah, killing 5 militants."


def _span(doc, words: str, after: int = 0):
    start = doc.text.index(words, after)
    return doc.span(start, start + len(words))


def _claim(doc, kind: str, sentence: str, slots: dict, attribution: str = "stated", **values) -> Claim:
    """A claim whose every slot is given as (value, words that state it)."""
    evidence = _span(doc, sentence)
    spans = {k: _span(doc, words, evidence.start) for k, (_, words) in slots.items()}
    return Claim(kind, {**{k: v for k, (v, _) in slots.items()}, **values}, evidence, spans,
                 confidence=0.8, attribution=attribution)


def documents():
    wire = make_document(WIRE, "wire.txt", title="Bomber hits Mastung checkpoint", author="Example Wire",
                         published="2021-05-04", origin="https://news.example.org/mastung")
    wire.claims.append(_claim(wire, "event", wire.text.split(" officials said.")[0], {
        "event_type": ("attack", "struck"), "date": ("2021-05-04", "May 4, 2021"), "date_precision": ("day", "Tuesday"),
        "place": ("Mastung", "Mastung"), "country": ("PK", "Pakistan"), "target": ("police checkpoint", "police checkpoint"),
        "target_type": ("Police", "police checkpoint"), "attack_type": ("Bombing/Explosion", "suicide bomber"),
        "suicide": (True, "suicide bomber"), "perpetrator": (GROUP, GROUP), "killed": (Quantity(7, 7), "7"),
        "injured": (Quantity(12, 12), "12")}))
    report = make_document(REPORT, "report.txt", title="Sahel monitoring note")
    report.claims.append(_claim(report, "event", report.text.split(" Residents")[0], {
        "event_type": ("attack", "attacked"), "date": ("2020-03", "March 2020"), "date_precision": ("month", "March 2020"),
        "place": ("Kidal", "Kidal"), "target": ("village", "village"), "target_type": ("Private Citizens & Property", "village"),
        "attack_type": ("Armed Assault", "gunmen"), "killed": (Quantity(12, 15, "between"), "between 12 and 15"),
        "perpetrator": (GROUP, GROUP), "country": ("ML", "Kidal")}, attribution="context"))
    brief = make_document(BRIEF, "brief.md", title="Harakat al-Fajr: a profile", author="Example Institute",
                          published="2021-01")
    brief.claims += [
        _claim(brief, "relation", "Harakat al-Fajr is a branch of Ansar al-Wadi.", {
            "subject": (GROUP, GROUP), "predicate": ("branch_of", "is a branch of"), "object": (PARENT, PARENT)}),
        _claim(brief, "leadership", "Abu Talha al-Suri has led Harakat al-Fajr since 2018.", {
            "person": ("Abu Talha al-Suri", "Abu Talha al-Suri"), "organization": (GROUP, GROUP),
            "role": ("leader", "has led"), "start": ("2018", "2018")}),
        _claim(brief, "event", "In March 2020 the group killed 12 civilians near Kidal.", {
            "event_type": ("attack", "killed"), "date": ("2020-03", "March 2020"), "date_precision": ("month", "March 2020"),
            "place": ("Kidal", "Kidal"), "killed": (Quantity(12, 12), "12"), "perpetrator": (GROUP, "the group"),
            "target": ("civilians", "civilians")}, attribution="context"),
        _claim(brief, "estimate", "The group has some 800 fighters, according to the UN.", {
            "subject": (GROUP, "The group"), "quantity": ("fighters", "fighters"), "low": (800, "800"),
            "high": (800, "800"), "qualifier": ("about", "some"), "source": ("United Nations", "the UN")}),
        _claim(brief, "designation", "The United States designated Harakat al-Fajr a terrorist organization in 2019.", {
            "organization": (GROUP, GROUP), "designated_by": ("United States", "The United States"),
            "date": ("2019", "2019")}),
        _claim(brief, "event", "In 2019 a bomb exploded at a market in Mali, killing 3 people.", {
            "event_type": ("attack", "exploded"), "date": ("2019", "2019"), "date_precision": ("year", "2019"),
            "country": ("ML", "Mali"), "target": ("market", "market"),
            "target_type": ("Private Citizens & Property", "market"), "attack_type": ("Bombing/Explosion", "bomb"),
            "killed": (Quantity(3, 3), "3")}),
    ]
    press = make_document(PRESS, "press.txt", title="Operation update", author="Example Press Office",
                          published="2022-06-09")
    press.claims.append(_claim(press, "event", PRESS, {
        "event_type": ("counter_operation", "airstrike"), "date": ("2022-06-09", "9 June 2022"),
        "date_precision": ("day", "9 June 2022"), "place": ("Tirah", "Tirah"), "actor": (ARMY, ARMY),
        "operation_type": ("airstrike", "airstrike"), "killed": (Quantity(5, 5), "5"), "target": ("militants", "militants"),
        "country": ("PK", "Tirah")}))
    return [wire, report, brief, press]


PLACES = {
    "Mastung": Place("Mastung", "PK", "Balochistan", "Mastung District", 29.7997, 66.8455, "place"),
    "Kidal": Place("Kidal", "ML", "Kidal", None, 18.4411, 1.4078, "place"),
    "Tirah": Place("Tirah", "PK", "Khyber Pakhtunkhwa", "Khyber District", 33.7, 70.9, "district"),
}


def fill_sample(book) -> None:
    """Write the documents, resolve their events and actors by hand."""
    with book.Session.begin() as session:
        for doc in documents():
            repo.save_document(session, doc)
        session.flush()
        claims = {}
        for row in session.query(ClaimRow).filter(ClaimRow.kind == "event"):
            claim = repo.to_claim(row)
            claims[(row.document_id, claim.values.get("date"))] = claim
        by = {c.evidence.doc_id + ":" + str(c.values.get("date")): c for c in claims.values()}
        docs = {d.name: d.id for d in documents()}

        def of(name, date):
            return by[f"{docs[name]}:{date}"]

        events = [
            Event("attack", "2021-05-04", "day", PLACES["Mastung"], {
                "place": "Mastung", "admin1": "Balochistan", "country": "PK", "target": "police checkpoint",
                "target_type": "Police", "attack_type": "Bombing/Explosion", "suicide": True, "perpetrator": GROUP,
                "killed": 7, "injured": 12, "claimed": True}, [of("wire.txt", "2021-05-04")]),
            Event("attack", "2020-03", "month", PLACES["Kidal"], {
                "place": "Kidal", "admin1": "Kidal", "country": "ML", "target": "village",
                "target_type": "Private Citizens & Property", "attack_type": "Armed Assault", "perpetrator": GROUP,
                "killed": {"best": 12, "low": 12, "high": 15}}, [of("report.txt", "2020-03"), of("brief.md", "2020-03")]),
            Event("attack", "2019", "year", None, {
                "country": "ML", "target": "market", "target_type": "Private Citizens & Property",
                "attack_type": "Bombing/Explosion", "killed": 3}, [of("brief.md", "2019")]),
            Event("counter_operation", "2022-06-09", "day", PLACES["Tirah"], {
                "place": "Tirah", "admin1": "Khyber Pakhtunkhwa", "country": "PK", "actor": ARMY,
                "operation_type": "airstrike", "target": "militants", "killed": 5}, [of("press.txt", "2022-06-09")]),
        ]
        repo.replace_events(session, events)
        repo.replace_actors(session, [
            Actor(GROUP, "organization", ["HaF", GROUP], PARENT), Actor(PARENT, "organization"),
            Actor(ARMY, "state"), Actor("Abu Talha al-Suri", "person"), Actor("United States", "state"),
        ])
