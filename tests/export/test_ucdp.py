"""UCDP GED export: golden file, best/low/high from the claims, date and place precision."""
import csv
import io

import pytest

from sourcebook.export._rows import EventRecord
from sourcebook.export.ucdp import date_range, type_of_violence


def _export(book) -> str:
    buf = io.StringIO(newline="")
    book.export("ucdp", buf)
    return buf.getvalue()


def _rows(book) -> dict[str, dict]:
    return {r["where_coordinates"] or r["country"]: r for r in csv.DictReader(io.StringIO(_export(book)))}


def test_ucdp_golden(sample_kb, golden):
    golden("export.ucdp.csv", _export(sample_kb).encode("utf-8"))


@pytest.mark.parametrize("key, expected", [
    pytest.param("Kidal", ("12", "12", "15"), id="sources-disagree"),
    pytest.param("Mastung", ("7", "7", "7"), id="one-figure"),
    pytest.param("Mali", ("3", "3", "3"), id="no-place"),
])
def test_ucdp_best_low_high(sample_kb, key, expected):
    row = _rows(sample_kb)[key]
    assert (row["best"], row["low"], row["high"]) == expected


@pytest.mark.parametrize("key, column, expected", [
    pytest.param("Kidal", "date_prec", "4", id="month-date-prec"),
    pytest.param("Mali", "date_prec", "5", id="year-date-prec"),
    pytest.param("Mastung", "date_prec", "1", id="day-date-prec"),
    pytest.param("Tirah", "where_prec", "3", id="district-where-prec"),
    pytest.param("Mali", "where_prec", "6", id="country-where-prec"),
    pytest.param("Mastung", "side_a", "Government of Pakistan", id="government-side-a"),
    pytest.param("Kidal", "side_b", "Civilians", id="civilians-side-b"),
    pytest.param("Kidal", "deaths_civilians", "12", id="one-sided-deaths"),
    pytest.param("Mastung", "deaths_unknown", "7", id="state-based-deaths"),
    pytest.param("Mastung", "country_id", "770", id="gleditsch-ward"),
    pytest.param("Kidal", "number_of_sources", "2", id="sources"),
    pytest.param("Kidal", "geom_wkt", "POINT (1.4078 18.4411)", id="wkt"),
])
def test_ucdp_columns(sample_kb, key, column, expected):
    assert _rows(sample_kb)[key][column] == expected


@pytest.mark.parametrize("date, precision, expected", [
    pytest.param("2024-02", "month", ("2024-02-01", "2024-02-29"), id="leap-february"),
    pytest.param("2023-11-05", "day", ("2023-11-05", "2023-11-05"), id="day"),
    pytest.param("2018", "year", ("2018-01-01", "2018-12-31"), id="year"),
    pytest.param(None, None, (None, None), id="no-date"),
])
def test_ucdp_date_range(date, precision, expected):
    assert date_range(EventRecord(1, "k", "attack", date=date, date_precision=precision)) == expected


@pytest.mark.parametrize("event, expected", [
    pytest.param(EventRecord(1, "k", "attack", target_type="Police"), 1, id="on-police-state-based"),
    pytest.param(EventRecord(1, "k", "attack", target_type="Terrorists/Non-State Militia"), 2, id="on-militia-non-state"),
    pytest.param(EventRecord(1, "k", "attack", target_type="Private Citizens & Property"), 3, id="on-civilians-one-sided"),
    pytest.param(EventRecord(1, "k", "counter_operation"), 1, id="counter-operation"),
])
def test_ucdp_type_of_violence(codebook, event, expected):
    assert type_of_violence(event, codebook) == expected


def test_ucdp_read_back_by_pandas(sample_kb):
    pd = pytest.importorskip("pandas")
    frame = pd.read_csv(io.StringIO(_export(sample_kb)))
    assert (frame["best"] <= frame["high"]).all()
    assert frame["best"].sum() == 27
