"""GTD import: rows as claims grounded in their cells, malformed rows reported by line, round trips."""
import csv
import io

import pytest

from sourcebook.importers import import_file
from sourcebook.model import Claim, Quantity
from sourcebook.store import repository as repo

HEADER = ("eventid,iyear,imonth,iday,country,country_txt,provstate,city,latitude,longitude,specificity,summary,"
          "suicide,attacktype1,attacktype1_txt,targtype1,targtype1_txt,target1,gname,guncertain1,claimed,nkill,nwound")
GOOD = ('201811020001,2018,11,2,146,Niger,Tillaberi,Ayorou,14.73,0.92,1,"Gunmen raided a market, killing 9.",0,2,'
        "Armed Assault,14,Private Citizens & Property,market,Front of the Dunes,0,0,9,4")


def _file(tmp_path, *lines, encoding="utf-8"):
    path = tmp_path / "gtd.csv"
    path.write_bytes(("\r\n".join([HEADER, *lines]) + "\r\n").encode(encoding))
    return path


def _claims(book) -> list[Claim]:
    with book.Session() as session:
        return [repo.to_claim(r) for r in repo.current_claims(session, "event")]


def _import(book, path, fmt="gtd"):
    return import_file(book.Session, book.codebook, fmt, path)


@pytest.mark.parametrize("row, slot, expected", [
    pytest.param(GOOD, "date", "2018-11-02", id="day"),
    pytest.param(GOOD.replace(",2018,11,2,", ",2018,11,0,"), "date", "2018-11", id="unknown-day-month"),
    pytest.param(GOOD.replace(",2018,11,2,", ",2018,0,0,"), "date_precision", "year", id="unknown-month-year"),
    pytest.param(GOOD, "country", "NE", id="gtd-country-code"),
    pytest.param(GOOD.replace(",146,Niger,", ",,Niger,"), "country", "NE", id="country-by-name"),
    pytest.param(GOOD, "attack_type", "Armed Assault", id="attack-type-by-code"),
    pytest.param(GOOD, "target_type", "Private Citizens & Property", id="target-type-by-code"),
    pytest.param(GOOD, "perpetrator", "Front of the Dunes", id="group"),
    pytest.param(GOOD.replace("Front of the Dunes", "Unknown"), "perpetrator", None, id="unknown-group-none"),
    pytest.param(GOOD, "killed", Quantity(9, 9), id="killed"),
    pytest.param(GOOD.replace(",9,4", ",-99,4"), "killed", None, id="unknown-toll"),
    pytest.param(GOOD.replace(",9,4", ",9.0,4"), "killed", Quantity(9, 9), id="toll-as-float"),
    pytest.param(GOOD, "claimed", False, id="not-claimed"),
    pytest.param(GOOD, "suicide", None, id="suicide-zero-says-nothing"),
    pytest.param(GOOD, "geo_precision", "place", id="specificity"),
    pytest.param(GOOD, "latitude", 14.73, id="latitude"),
])
def test_gtd_row_values(book, tmp_path, row, slot, expected):
    report = _import(book, _file(tmp_path, row))
    assert report.added == 1 and not report.problems
    [claim] = _claims(book)
    assert claim.get(slot) == expected


def test_gtd_every_value_grounded_in_its_row(book, tmp_path):
    _import(book, _file(tmp_path, GOOD))
    [claim] = _claims(book)
    with book.Session() as session:
        [doc] = repo.documents(session)
    assert doc.name == "gtd:201811020001" and doc.media_type == "text/csv" and doc.author == "Global Terrorism Database"
    assert doc.origin.endswith("gtd.csv:2")
    for slot, span in claim.spans.items():
        assert doc.text[span.start:span.end] == span.quote
    assert claim.spans["perpetrator"].quote == "Front of the Dunes"
    assert claim.evidence.quote == "Gunmen raided a market, killing 9."


def test_gtd_uncertain_group_is_context(book, tmp_path):
    _import(book, _file(tmp_path, GOOD.replace("Front of the Dunes,0,", "Front of the Dunes,1,")))
    assert _claims(book)[0].attribution == "context"


@pytest.mark.parametrize("bad, message", [
    pytest.param(GOOD.replace(",2018,", ",20x8,"), "iyear '20x8' is not a number", id="year-not-number"),
    pytest.param(GOOD.replace(",2018,11,2,", ",2018,13,2,"), "imonth 13 is not a month", id="month-13"),
    pytest.param(GOOD.replace(",2018,11,2,", ",2018,2,30,"), "iday 30 is not a day of 2018-02", id="february-30"),
    pytest.param(GOOD.replace(",14.73,", ",abc,"), "latitude 'abc' is not a number", id="latitude"),
    pytest.param(GOOD.replace(",14.73,", ",94.2,"), "latitude '94.2' is out of range", id="latitude-range"),
    pytest.param(GOOD.replace(",2,Armed Assault,", ",42,Armed Assault,"), "attacktype1 42 is not a GTD code", id="attack-code"),
    pytest.param(GOOD.rsplit(",", 2)[0], "21 cells where the header has 23", id="short-row"),
])
def test_gtd_malformed_rows_reported_with_line(book, tmp_path, bad, message):
    other = GOOD.replace("201811020001", "201811020002").replace("Ayorou", "Ayorou Est")
    report = _import(book, _file(tmp_path, GOOD, bad, other))
    assert [str(p) for p in report.problems] == [f"line 3: {message}"]
    assert report.added == 2


def test_gtd_line_numbers_count_quoted_newlines(book, tmp_path):
    multi = GOOD.replace('"Gunmen raided a market, killing 9."', '"Gunmen raided\na market."')
    report = _import(book, _file(tmp_path, multi, GOOD.replace(",2018,", ",yy,")))
    assert [p.line for p in report.problems] == [4]


def test_gtd_import_twice_adds_nothing(book, tmp_path):
    path = _file(tmp_path, GOOD)
    _import(book, path)
    again = _import(book, path)
    assert (again.added, again.unchanged) == (0, 1)
    assert len(_claims(book)) == 1


def test_gtd_windows_1252_file(book, tmp_path):
    _import(book, _file(tmp_path, GOOD.replace("Ayorou", "Niamey Yantala Bas Café"), encoding="cp1252"))
    assert _claims(book)[0].get("place") == "Niamey Yantala Bas Café"


def test_gtd_not_a_gtd_file(book, tmp_path):
    from sourcebook.errors import SourcebookError

    path = tmp_path / "x.csv"
    path.write_text("a,b\n1,2\n")
    with pytest.raises(SourcebookError, match="no column eventid"):
        _import(book, path)


ROUND_TRIP = ("event_type", "date", "date_precision", "country", "place", "latitude", "longitude", "perpetrator",
              "attack_type", "target_type", "target", "suicide")


def test_gtd_export_imported_again_gives_same_events(sample_kb, book_factory):
    buf = io.StringIO(newline="")
    sample_kb.export("gtd", buf)
    other = book_factory()
    path = other.db + ".gtd.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(buf.getvalue())
    report = other.import_dataset("gtd", path)
    assert report.added == 3 and not report.problems
    with sample_kb.Session() as s1, other.Session() as s2:
        from sourcebook.export._rows import event_records

        before = {e.date: e for e in event_records(s1) if e.event_type == "attack"}
        after = {e.date: e for e in event_records(s2)}
    assert set(before) == set(after)
    for date, event in before.items():
        for slot in ROUND_TRIP:
            assert getattr(after[date], slot) == getattr(event, slot), (date, slot)
        assert after[date].killed.best == event.killed.best


def test_gtd_workers_give_the_same_documents(book, book_factory, tmp_path):
    rows = [GOOD.replace("201811020001", f"20181102{i:04d}").replace(",9,4", f",{i},4") for i in range(1, 2500)]
    rows[1200] = rows[1200].replace(",2018,", ",20x8,")
    path = _file(tmp_path, *rows)
    inline = import_file(book.Session, book.codebook, "gtd", path, workers=0)
    other = book_factory()
    parallel = import_file(other.Session, other.codebook, "gtd", path, workers=1)
    assert (parallel.added, [str(p) for p in parallel.problems]) == (inline.added, [str(p) for p in inline.problems])
    assert [c.values for c in _claims(other)] == [c.values for c in _claims(book)]
