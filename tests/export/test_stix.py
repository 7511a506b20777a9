"""STIX 2.1 export: golden file, parsed and validated by stix2, deterministic ids."""
import io
import json

import pytest
import stix2


def _export(book) -> str:
    buf = io.StringIO(newline="")
    book.export("stix", buf)
    return buf.getvalue()


def _objects(book) -> list[dict]:
    return json.loads(_export(book))["objects"]


def test_stix_golden(sample_kb, golden):
    golden("export.stix.json", _export(sample_kb).encode("utf-8"))


def test_stix_parsed_by_stix2(sample_kb):
    bundle = stix2.parse(_export(sample_kb), allow_custom=True)
    assert bundle.type == "bundle"
    assert {o.type for o in bundle.objects} == {"identity", "intrusion-set", "incident", "location", "relationship",
                                                "note", "report"}


def test_stix_refs_resolve(sample_kb):
    objects = _objects(sample_kb)
    ids = {o["id"] for o in objects}
    for o in objects:
        for ref in o.get("object_refs", []) + [o.get("source_ref"), o.get("target_ref")]:
            assert ref is None or ref in ids


@pytest.mark.parametrize("predicate, relationship_type", [
    pytest.param("perpetrator", "attributed-to", id="perpetrator-attributed-to"),
    pytest.param("place", "located-at", id="place-located-at"),
    pytest.param("branch_of", "related-to", id="predicate-custom"),
    pytest.param("leader_of", "related-to", id="leadership-custom"),
])
def test_stix_relationship_types(sample_kb, predicate, relationship_type):
    objects = _objects(sample_kb)
    by_id = {o["id"]: o for o in objects}
    found = [o for o in objects if o["type"] == "relationship" and (
        o.get("x_sourcebook_predicate") == predicate
        or (o["relationship_type"] == relationship_type and "x_sourcebook_predicate" not in o
            and by_id[o["target_ref"]]["type"] == ("location" if predicate == "place" else "intrusion-set")))]
    assert found and all(o["relationship_type"] == relationship_type for o in found)


def test_stix_report_per_document_with_reference(sample_kb):
    reports = {o["name"]: o for o in _objects(sample_kb) if o["type"] == "report"}
    assert set(reports) == {"Bomber hits Mastung checkpoint", "Sahel monitoring note", "Harakat al-Fajr: a profile",
                            "Operation update"}
    wire = reports["Bomber hits Mastung checkpoint"]
    assert wire["external_references"][0]["url"] == "https://news.example.org/mastung"
    assert wire["published"] == "2021-05-04T00:00:00Z"
    assert any(ref.startswith("incident--") for ref in wire["object_refs"])


def test_stix_groups_as_intrusion_sets(sample_kb):
    sets = {o["name"]: o for o in _objects(sample_kb) if o["type"] == "intrusion-set"}
    assert sets["Harakat al-Fajr"]["aliases"] == ["HaF"]


def test_stix_same_kb_same_bundle(sample_kb):
    assert _export(sample_kb) == _export(sample_kb)
