"""Components register by name, a config builds a pipeline, analysis finds unmet requirements."""
import pytest

from sourcebook.errors import ConfigError
from sourcebook.pipeline import Pipeline
from sourcebook.pipeline.analysis import analyze
from sourcebook.pipeline.config import build_pipeline, read_config, to_toml
from sourcebook.pipeline.registry import registered


@pytest.fixture
def scratch_registry():
    """Components a test registers are gone after it, so no other test sees them."""
    from sourcebook.pipeline import registry

    registry.registered()
    saved = dict(registry._REGISTRY)
    yield
    registry._REGISTRY.clear()
    registry._REGISTRY.update(saved)


def test_pipeline_default_config_names_registered_components():
    config = read_config()
    assert set(config["pipeline"]) <= set(registered())


def test_pipeline_every_component_is_documented():
    for name, meta in registered().items():
        assert meta.description, name


def test_pipeline_config_round_trip(codebook, tmp_path):
    config = read_config()
    path = tmp_path / "p.toml"
    path.write_text(to_toml(build_pipeline(config, codebook).config))
    assert read_config(path)["pipeline"] == config["pipeline"]


def test_pipeline_unknown_component_is_a_clear_error(codebook):
    with pytest.raises(ConfigError, match="no_such"):
        Pipeline(codebook).add_pipe("no_such")


def test_pipeline_bad_config_file(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text("pipeline = 3\n")
    with pytest.raises(ConfigError):
        read_config(path)


def test_pipeline_default_has_no_unmet_requirements(pipeline):
    assert analyze(pipeline)["problems"] == {}


def test_pipeline_analysis_reports_unmet_requirement(codebook, scratch_registry):
    from sourcebook.pipeline.registry import component

    @component("_needs_mentions", requires=["doc.mentions"])
    def make_needs(codebook):
        """Test component: reads mentions."""
        return lambda doc: doc

    p = Pipeline(codebook)
    p.add_pipe("_needs_mentions")
    assert analyze(p)["problems"] == {"_needs_mentions": ["doc.mentions"]}


def test_pipeline_pipe_reports_failing_document_and_goes_on(codebook, make_doc, scratch_registry):
    from sourcebook.pipeline.registry import component

    @component("_explode_on_x")
    def make_explode(codebook):
        """Test component: fails on documents that contain an x."""
        def explode(doc):
            if "x" in doc.text:
                raise ValueError("boom")
            return doc
        return explode

    p = Pipeline(codebook)
    p.add_pipe("_explode_on_x")
    failed = []
    docs = [make_doc("a b", "1.txt"), make_doc("x y", "2.txt"), make_doc("c d", "3.txt")]
    out = list(p.pipe(docs, on_error=lambda d, e: failed.append(d.name)))
    assert [d.name for d in out] == ["1.txt", "3.txt"] and failed == ["2.txt"]
