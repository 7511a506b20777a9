"""ACLED export: golden file, event-type mapping from the codebook, read back by pandas and DuckDB."""
import csv
import io

import pytest

from sourcebook.export._rows import EventRecord
from sourcebook.export.acled import COLUMNS, acled_types


def _export(book) -> str:
    buf = io.StringIO(newline="")
    book.export("acled", buf)
    return buf.getvalue()


def _rows(book) -> dict[str, dict]:
    return {r["location"] or r["country"]: r for r in csv.DictReader(io.StringIO(_export(book)))}


def test_acled_golden(sample_kb, golden):
    golden("export.acled.csv", _export(sample_kb).encode("utf-8"))


@pytest.mark.parametrize("event, expected", [
    pytest.param(EventRecord(1, "k", "attack", attack_types=["Bombing/Explosion"]),
                 ("Explosions/Remote violence", "Remote explosive/landmine/IED"), id="bombing"),
    pytest.param(EventRecord(1, "k", "attack", attack_types=["Bombing/Explosion"], suicide=True),
                 ("Explosions/Remote violence", "Suicide bomb"), id="suicide-bombing"),
    pytest.param(EventRecord(1, "k", "attack", suicide=True), ("Explosions/Remote violence", "Suicide bomb"),
                 id="suicide-no-type"),
    pytest.param(EventRecord(1, "k", "attack", attack_types=["Armed Assault"], target_type="Private Citizens & Property"),
                 ("Violence against civilians", "Attack"), id="gunmen-on-civilians"),
    pytest.param(EventRecord(1, "k", "attack", attack_types=["Armed Assault"], target_type="Military"),
                 ("Battles", "Armed clash"), id="gunmen-on-soldiers"),
    pytest.param(EventRecord(1, "k", "attack", attack_types=["Hostage Taking (Kidnapping)"]),
                 ("Violence against civilians", "Abduction/forced disappearance"), id="kidnapping"),
    pytest.param(EventRecord(1, "k", "attack"), ("Violence against civilians", "Attack"), id="no-type"),
    pytest.param(EventRecord(1, "k", "counter_operation", operation_type="drone strike"),
                 ("Explosions/Remote violence", "Air/drone strike"), id="drone-strike"),
    pytest.param(EventRecord(1, "k", "counter_operation", operation_type="arrest raid"),
                 ("Strategic developments", "Arrests"), id="arrests"),
    pytest.param(EventRecord(1, "k", "counter_operation", operation_type="clearance operation"),
                 ("Battles", "Armed clash"), id="operation"),
])
def test_acled_types(codebook, event, expected):
    assert acled_types(event, codebook.mappings["acled"]) == expected


@pytest.mark.parametrize("key, column, expected", [
    pytest.param("Kidal", "event_date", "2020-03-15", id="month-midpoint"),
    pytest.param("Kidal", "time_precision", "3", id="month-precision"),
    pytest.param("Mastung", "time_precision", "1", id="day-precision"),
    pytest.param("Kidal", "actor2", "Civilians (Mali)", id="civilians-actor2"),
    pytest.param("Kidal", "interaction", "27", id="interaction"),
    pytest.param("Mali", "actor1", "Unidentified Armed Group (Mali)", id="unidentified"),
    pytest.param("Tirah", "inter1", "1", id="operator-state-forces"),
    pytest.param("Tirah", "geo_precision", "2", id="district-precision"),
    pytest.param("Mastung", "iso", "586", id="iso-numeric"),
    pytest.param("Mastung", "event_id_cnty", "PAK1", id="event-id-country-prefix"),
    pytest.param("Kidal", "fatalities", "12", id="lowest-fatalities"),
    pytest.param("Kidal", "source", "report.txt; brief.md", id="sources"),
    pytest.param("Kidal", "disorder_type", "Political violence", id="disorder"),
])
def test_acled_columns(sample_kb, key, column, expected):
    assert _rows(sample_kb)[key][column] == expected


def test_acled_read_back_by_pandas(sample_kb):
    pd = pytest.importorskip("pandas")
    frame = pd.read_csv(io.StringIO(_export(sample_kb)))
    assert list(frame.columns) == list(COLUMNS)
    assert frame["fatalities"].sum() == 27


def test_acled_read_back_by_duckdb(sample_kb, tmp_path):
    duckdb = pytest.importorskip("duckdb")
    path = tmp_path / "acled.csv"
    path.write_text(_export(sample_kb), encoding="utf-8", newline="")
    rows = duckdb.connect().execute(
        f"SELECT event_type, count(*) FROM read_csv_auto('{path}') GROUP BY 1 ORDER BY 1").fetchall()
    assert rows == [("Explosions/Remote violence", 3), ("Violence against civilians", 1)]
