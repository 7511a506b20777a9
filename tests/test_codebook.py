"""The codebook loads, validates and explains; an inconsistent one is refused on load."""
import shutil

import pytest

from sourcebook.codebook import Codebook, alias_key
from sourcebook.errors import CodebookError


def test_codebook_every_code_has_a_description(codebook):
    for vocab in (codebook.event_types, codebook.attack_types, codebook.target_types, codebook.predicates):
        for code in vocab:
            assert codebook.explain(code)


def test_codebook_gtd_labels_are_verbatim(codebook):
    assert codebook.attack_types["Bombing/Explosion"]["code"] == 3
    assert codebook.target_types["Religious Figures/Institutions"]["code"] == 15
    assert len(codebook.target_types) == 22 and len(codebook.attack_types) == 9


def test_codebook_explain_unknown_code_raises(codebook):
    with pytest.raises(KeyError):
        codebook.explain("Not A Code")


@pytest.mark.parametrize("a,b", [
    pytest.param("Tehrik-e-Taliban", "tehrik e taliban", id="hyphens"),
    pytest.param("Da’esh", "Da'esh", id="apostrophes"),
    pytest.param("U.S.", "U S", id="dots"),
])
def test_codebook_alias_key_folds_spelling(a, b):
    assert alias_key(a) == alias_key(b)


@pytest.fixture
def codebook_dir(tmp_path):
    from importlib import resources

    src = resources.files("sourcebook.codebook") / "data"
    dst = tmp_path / "data"
    shutil.copytree(str(src), dst)
    return dst


def test_codebook_refuses_a_code_without_description(codebook_dir):
    path = codebook_dir / "attack_types.yaml"
    path.write_text(path.read_text() + "\nNew Type:\n  code: 10\n", encoding="utf-8")
    with pytest.raises(CodebookError, match="New Type"):
        Codebook.from_dir(codebook_dir)


def test_codebook_refuses_one_alias_for_two_actors(codebook_dir, tmp_path):
    extra = tmp_path / "mine.yaml"
    extra.write_text("actors:\n- {name: Group One, aliases: [GX]}\n- {name: Group Two, aliases: [GX]}\n")
    with pytest.raises(CodebookError, match="GX"):
        Codebook.from_dir(codebook_dir, extra_actors=extra)


def test_codebook_user_registry_adds_actors(codebook_dir, tmp_path):
    extra = tmp_path / "mine.yaml"
    extra.write_text("actors:\n- {name: Frente Ejemplo, aliases: [FE-9]}\n")
    codebook = Codebook.from_dir(codebook_dir, extra_actors=extra)
    assert any(a.name == "Frente Ejemplo" and "FE-9" in a.aliases for a in codebook.actors)


def test_codebook_refuses_a_bad_trigger(codebook_dir):
    (codebook_dir / "triggers.jsonl").write_text('{"label": "attack", "pattern": "(unclosed"}\n')
    with pytest.raises(CodebookError):
        Codebook.from_dir(codebook_dir)
