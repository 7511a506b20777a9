"""GTD export: golden file, GTD codes and conventions, read back by pandas and DuckDB."""
import csv
import io

import pytest

from sourcebook.export.gtd import COLUMNS


def _export(book, fmt="gtd") -> str:
    buf = io.StringIO(newline="")
    book.export(fmt, buf)
    return buf.getvalue()


def _rows(book) -> dict[str, dict]:
    return {r["city"] or r["country_txt"]: r for r in csv.DictReader(io.StringIO(_export(book)))}


def test_gtd_golden(sample_kb, golden):
    golden("export.gtd.csv", _export(sample_kb).encode("utf-8"))


def test_gtd_lines_end_with_crlf(sample_kb):
    text = _export(sample_kb)
    assert text.count("\r\n") == text.count("\n") == 4


@pytest.mark.parametrize("key, column, expected", [
    pytest.param("Mastung", "eventid", "202105040001", id="eventid-day-and-sequence"),
    pytest.param("Kidal", "eventid", "202003000001", id="eventid-unknown-day-zero"),
    pytest.param("Kidal", "iday", "0", id="unknown-day-zero"),
    pytest.param("Kidal", "approxdate", "March 2020", id="approxdate-month"),
    pytest.param("Mali", "imonth", "0", id="unknown-month-zero"),
    pytest.param("Mastung", "approxdate", "", id="no-approxdate-for-a-day"),
    pytest.param("Mastung", "country", "153", id="gtd-country-code"),
    pytest.param("Kidal", "region_txt", "Sub-Saharan Africa", id="region"),
    pytest.param("Mastung", "attacktype1", "3", id="attack-code-from-codebook"),
    pytest.param("Mastung", "targtype1", "3", id="target-code-from-codebook"),
    pytest.param("Mastung", "suicide", "1", id="suicide"),
    pytest.param("Mastung", "claimed", "1", id="claimed"),
    pytest.param("Kidal", "claimed", "-9", id="claimed-unknown"),
    pytest.param("Mali", "gname", "Unknown", id="no-group-unknown"),
    pytest.param("Kidal", "guncertain1", "1", id="group-from-context-uncertain"),
    pytest.param("Mastung", "guncertain1", "0", id="group-stated-certain"),
    pytest.param("Kidal", "nkill", "12", id="lowest-toll"),
    pytest.param("Kidal", "addnotes", "Sources give 12 to 15 killed.", id="disagreement-noted"),
    pytest.param("Mastung", "nwound", "12", id="wounded"),
    pytest.param("Mali", "nwound", "", id="no-wounded-blank"),
    pytest.param("Mastung", "specificity", "1", id="specificity-place"),
    pytest.param("Mali", "specificity", "5", id="specificity-country"),
    pytest.param("Kidal", "scite2", 'Example Institute, "Harakat al-Fajr: a profile", 2021-01, brief.md', id="second-source"),
])
def test_gtd_codes(sample_kb, key, column, expected):
    assert _rows(sample_kb)[key][column] == expected


def test_gtd_leaves_out_counter_operations(sample_kb):
    assert "Tirah" not in _rows(sample_kb)


def test_gtd_codes_match_codebook(sample_kb, codebook):
    for row in _rows(sample_kb).values():
        assert codebook.attack_types[row["attacktype1_txt"]]["code"] == int(row["attacktype1"])
        assert codebook.target_types[row["targtype1_txt"]]["code"] == int(row["targtype1"])


def test_gtd_read_back_by_pandas(sample_kb):
    pd = pytest.importorskip("pandas")
    frame = pd.read_csv(io.StringIO(_export(sample_kb)), dtype={"eventid": str})
    assert list(frame.columns) == list(COLUMNS)
    assert sorted(frame["eventid"]) == ["201900000001", "202003000001", "202105040001"]
    assert frame["nkill"].sum() == 22


def test_gtd_read_back_by_duckdb(sample_kb, tmp_path):
    duckdb = pytest.importorskip("duckdb")
    path = tmp_path / "gtd.csv"
    path.write_text(_export(sample_kb), encoding="utf-8", newline="")
    con = duckdb.connect()
    rows = con.execute(f"SELECT gname, sum(nkill) FROM read_csv_auto('{path}') GROUP BY gname ORDER BY gname").fetchall()
    assert rows == [("Harakat al-Fajr", 19), ("Unknown", 3)]
