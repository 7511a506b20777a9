"""Parquet export: typed tables in a zip, read back by pandas and DuckDB."""
import io
import zipfile

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from sourcebook.export.parquet import SCHEMAS, write_parquet_dir


def _archive(book) -> zipfile.ZipFile:
    buf = io.BytesIO()
    book.export("parquet", buf)
    return zipfile.ZipFile(io.BytesIO(buf.getvalue()))


def test_parquet_one_table_per_kind(sample_kb):
    assert sorted(_archive(sample_kb).namelist()) == sorted(f"{name}.parquet" for name in SCHEMAS)


@pytest.mark.parametrize("table, rows", [
    pytest.param("events", 4, id="events"), pytest.param("event_claims", 5, id="event-claims"),
    pytest.param("leadership", 1, id="leadership"), pytest.param("estimate", 1, id="estimate"),
    pytest.param("designation", 1, id="designation"), pytest.param("relation", 1, id="relation"),
    pytest.param("actors", 5, id="actors"),
])
def test_parquet_typed_tables(sample_kb, table, rows):
    read = pq.read_table(_archive(sample_kb).open(f"{table}.parquet"))
    assert read.schema.equals(SCHEMAS[table], check_metadata=False)
    assert read.num_rows == rows


def test_parquet_read_by_pandas(sample_kb):
    pd = pytest.importorskip("pandas")
    events = pd.read_parquet(_archive(sample_kb).open("events.parquet"))
    kidal = events[events["place"] == "Kidal"].iloc[0]
    assert (kidal["killed_best"], kidal["killed_low"], kidal["killed_high"]) == (12, 12, 15)
    assert list(kidal["sources"]) == ["report.txt", "brief.md"]
    assert str(events["latitude"].dtype) == "float64"


def test_parquet_read_by_duckdb(sample_kb, tmp_path):
    duckdb = pytest.importorskip("duckdb")
    _archive(sample_kb).extractall(tmp_path)
    con = duckdb.connect()
    rows = con.execute(f"SELECT document, killed_low, killed_high FROM '{tmp_path}/event_claims.parquet' "
                       "WHERE place = 'Kidal' ORDER BY document").fetchall()
    assert rows == [("brief.md", 12, 12), ("report.txt", 12, 15)]
    [(low,)] = con.execute(f"SELECT low FROM '{tmp_path}/estimate.parquet'").fetchall()
    assert low == 800


def test_parquet_folder_same_tables(sample_kb, tmp_path):
    with sample_kb.Session() as session:
        write_parquet_dir(session, sample_kb.codebook, tmp_path / "kb")
    assert pq.read_table(tmp_path / "kb" / "events.parquet").num_rows == 4


def test_parquet_same_kb_same_archive(sample_kb):
    one, two = io.BytesIO(), io.BytesIO()
    sample_kb.export("parquet", one)
    sample_kb.export("parquet", two)
    assert one.getvalue() == two.getvalue()
