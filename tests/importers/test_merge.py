"""A dataset row and a report sentence about the same attack become one event with both figures."""
import pytest

from sourcebook.export._rows import event_records
from sourcebook.model import Claim, Quantity

HEADER = "eventid,iyear,imonth,iday,country,country_txt,provstate,city,attacktype1,attacktype1_txt,gname,nkill"
ROW = "202307110001,2023,7,11,153,Pakistan,Khyber Pakhtunkhwa,Bannu,3,Bombing/Explosion,Front of the Dunes,{killed}"
REPORT = "A bomb tore through a bus stand in Bannu on 11 July 2023, killing 14 people."


def _report(make_doc):
    doc = make_doc(REPORT, "wire.txt")

    def at(words):
        start = doc.text.index(words)
        return doc.span(start, start + len(words))

    doc.claims.append(Claim("event", {"event_type": "attack", "date": "2023-07-11", "date_precision": "day",
                                      "place": "Bannu", "country": "PK", "attack_type": "Bombing/Explosion",
                                      "killed": Quantity(14, 14)}, at(REPORT.rstrip(".")),
                            {"event_type": at("bomb"), "date": at("11 July 2023"), "date_precision": at("11 July 2023"),
                             "place": at("Bannu"), "country": at("Bannu"), "attack_type": at("bomb"),
                             "killed": at("14")}))
    return doc


@pytest.mark.parametrize("killed, expected", [
    pytest.param(17, (14, 17), id="figures-differ"),
    pytest.param(14, (14, 14), id="figures-agree"),
])
def test_merge_report_and_gtd_row_one_event(book, tmp_path, make_doc, killed, expected):
    from sourcebook.store import repository as repo

    with book.Session.begin() as session:
        repo.save_document(session, _report(make_doc))
    path = tmp_path / "gtd.csv"
    path.write_text(HEADER + "\n" + ROW.format(killed=killed) + "\n", encoding="utf-8")
    book.import_dataset("gtd", path)
    with book.Session() as session:
        [event] = list(event_records(session))
    assert sorted(s.name for s in event.sources) == ["gtd:202307110001", "wire.txt"]
    assert (event.killed.low, event.killed.high) == expected    # the best is the merge's choice
    assert event.killed.low <= event.killed.best <= event.killed.high
    assert event.perpetrator == "Front of the Dunes"
