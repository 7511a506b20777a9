"""Writes are whole documents or nothing; claims come back as they went in."""
import pytest
from sqlalchemy import func, select

from sourcebook.model import Claim, DateValue, Mention, Quantity
from sourcebook.store import repository as repo
from sourcebook.store.session import open_engine, session_factory
from sourcebook.store.tables import ClaimRow, DocumentRow, MentionRow

TEXT = "On 3 May 2019 a car bomb in Aden killed at least 12 people and wounded 30."


def _doc_with_claim(make_doc):
    doc = make_doc(TEXT, "aden.txt")
    doc.mentions.append(Mention("date", doc.span(3, 13), DateValue(2019, 5, 3)))
    claim = Claim("event", {"event_type": "attack", "date": "2019-05-03", "date_precision": "day",
                            "killed": Quantity(12, 12, "at least"), "place": "Aden"},
                  evidence=doc.span(0, len(TEXT)), spans={"place": doc.span(TEXT.index("Aden"), TEXT.index("Aden") + 4)}, confidence=0.8)
    doc.claims.append(claim)
    return doc


def test_repository_claim_round_trip(db_url, make_doc):
    engine = open_engine(db_url)
    Session = session_factory(engine)
    doc = _doc_with_claim(make_doc)
    with Session.begin() as session:
        repo.save_document(session, doc)
    with Session() as session:
        [row] = repo.current_claims(session)
        claim = repo.to_claim(row)
        assert claim.values["killed"] == Quantity(12, 12, "at least")
        assert claim.spans["place"].quote == "Aden"
        assert row.quote == TEXT
        assert session.scalar(select(func.count()).select_from(MentionRow)) == 1
    engine.dispose()


def test_repository_failed_document_leaves_nothing(db_url, make_doc):
    engine = open_engine(db_url)
    Session = session_factory(engine)
    doc = _doc_with_claim(make_doc)
    doc.claims.append(Claim("event", {"date": object()}, evidence=doc.span(0, 5)))   # not storable
    with pytest.raises(Exception):
        with Session.begin() as session:
            repo.save_document(session, doc)
    with Session() as session:
        for table in (DocumentRow, ClaimRow, MentionRow):
            assert session.scalar(select(func.count()).select_from(table)) == 0
    engine.dispose()
