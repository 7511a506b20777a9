"""docs/formats.md documents the codebook mapping: every country, code and type pair it holds."""
from pathlib import Path

import pytest

from sourcebook.export import exporters
from sourcebook.importers import importers

DOC = Path(__file__).resolve().parents[2] / "docs" / "formats.md"


@pytest.fixture(scope="module")
def text():
    return DOC.read_text(encoding="utf-8")


def test_formats_doc_every_country(codebook, text):
    for iso2, entry in codebook.mappings["countries"].items():
        assert f"| {iso2} | {entry['gtd']} / {entry['gtd_name']} / {entry['gtd_region']} |" in text, iso2
        assert f"{entry['ucdp']} / {entry['gwno']} / {entry['ucdp_region']}" in text, iso2


def test_formats_doc_every_attack_type(codebook, text):
    for label, entry in codebook.attack_types.items():
        event_type, sub = codebook.mappings["acled"]["attack_types"][label]
        assert f"| {label} | {entry['code']} | {event_type} / {sub} |" in text, label


def test_formats_doc_every_target_type(codebook, text):
    for label, entry in codebook.target_types.items():
        assert f"| {label} | {entry['code']} |" in text, label


def test_formats_doc_every_format(text):
    for name in [*exporters(), *importers()]:
        assert f"--format {name}" in text or f"|{name}|" in text or f"|{name}" in text, name
