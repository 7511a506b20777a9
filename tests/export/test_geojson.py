"""GeoJSON export: golden file, located events only, coordinates as longitude then latitude."""
import io
import json


def _export(book) -> str:
    buf = io.StringIO(newline="")
    book.export("geojson", buf)
    return buf.getvalue()


def test_geojson_golden(sample_kb, golden):
    golden("export.geojson", _export(sample_kb).encode("utf-8"))


def test_geojson_located_events_only(sample_kb):
    data = json.loads(_export(sample_kb))
    assert data["type"] == "FeatureCollection"
    assert sorted(f["properties"]["place"] for f in data["features"]) == ["Kidal", "Mastung", "Tirah"]


def test_geojson_point_and_precision(sample_kb):
    features = {f["properties"]["place"]: f for f in json.loads(_export(sample_kb))["features"]}
    assert features["Kidal"]["geometry"] == {"type": "Point", "coordinates": [1.4078, 18.4411]}
    assert features["Tirah"]["properties"]["geo_precision"] == "district"
    assert features["Kidal"]["properties"]["killed"] == {"best": 12, "low": 12, "high": 15}


def test_geojson_same_kb_same_ids(sample_kb):
    assert _export(sample_kb) == _export(sample_kb)
