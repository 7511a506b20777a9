"""The docs stay true to the code: the generated pages are up to date, and every command,
component, exporter, code and codebook file is documented (as simonw/sqlite-utils
tests/test_docs.py checks its commands, and simonw/datasette tests/test_docs.py its hooks).

A failure here after adding a command, a component or an exporter says which page to
regenerate (`.venv/bin/cog -r docs/PAGE.md`) or which section to write.
"""
from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest
import typer.main
from click import Group
from cogapp import Cog

from sourcebook.cli import app
from sourcebook.codebook import VOCABULARIES, load_codebook
from sourcebook.export import exporters
from sourcebook.pipeline.registry import registered

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
GENERATED = ["cli-reference.md", "pipeline.md", "codebook.md"]
DATA = Path(str(resources.files("sourcebook.codebook") / "data"))


def _commands(group: Group, path: tuple[str, ...] = ()):
    for name, command in group.commands.items():
        if command.hidden:
            continue
        yield " ".join([*path, name]), command
        if isinstance(command, Group):
            yield from _commands(command, (*path, name))


COMMANDS = dict(_commands(typer.main.get_command(app)))


def _sections(page: str) -> dict[str, str]:
    """Headings of a page (`## name`, `### name`) -> the text under them, up to the next one."""
    parts = re.split(r"^#{2,3} (.+)\n", (DOCS / page).read_text(encoding="utf-8"), flags=re.M)
    return dict(zip(parts[1::2], parts[2::2]))


# -- generated pages -------------------------------------------------------------------------

@pytest.mark.parametrize("page", GENERATED)
def test_docs_generated_page_is_up_to_date(page):
    out = io.StringIO()
    cog = Cog()
    cog.set_output(stdout=out, stderr=out)
    status = cog.main(["cog", "--check", "--diff", str(DOCS / page)])
    assert status == 0, (f"docs/{page} no longer matches the code. Regenerate it and commit it:\n"
                         f"    .venv/bin/cog -r docs/{page}\n{out.getvalue()}")


# -- commands --------------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_docs_command_has_help(name):
    command = COMMANDS[name]
    assert (command.help or "").strip(), f"`sourcebook {name}` has no help: give its function a docstring"
    missing = [p.name for p in command.params if not (getattr(p, "help", None) or "").strip()]
    assert not missing, f"`sourcebook {name}`: no help for {missing}"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_docs_command_is_in_cli_reference(name):
    assert name in _sections("cli-reference.md"), (
        f"`sourcebook {name}` is missing from docs/cli-reference.md: run .venv/bin/cog -r docs/cli-reference.md")


# -- pipeline components ---------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(registered()))
def test_docs_component_has_description(name):
    description = registered()[name].description
    # a summary cut mid-sentence is a docstring whose first paragraph does not end
    assert description.endswith("."), (
        f"component {name!r}: its factory's docstring must open with a one-paragraph summary "
        f"ending in a period (got {description!r})")


@pytest.mark.parametrize("name", sorted(registered()))
def test_docs_component_has_a_section_in_pipeline_doc(name):
    how = (f"add to docs/pipeline.md a section\n\n## {name}\n\n<!-- [[[cog meta(\"{name}\") ]]] -->\n"
           f"<!-- [[[end]]] -->\n\nsaying what it extracts, then run .venv/bin/cog -r docs/pipeline.md")
    section = _sections("pipeline.md").get(name)
    assert section is not None, f"component {name!r} is not documented: {how}"
    assert f'meta("{name}")' in section, f"the section of {name!r} lacks its requires/assigns line: {how}"
    prose = re.sub(r"<!-- \[\[\[cog.*?\[\[\[end\]\]\] -->", "", section, flags=re.S)
    assert len(prose.split()) >= 20, f"the section of {name!r} in docs/pipeline.md must say what it extracts"


# -- exporters -------------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(exporters()))
def test_docs_exporter_is_named(name):
    assert exporters()[name].description.strip(), f"exporter {name!r} has no description"
    pages = [p for p in (ROOT / "README.md", DOCS / "formats.md") if p.is_file()]
    named = re.compile(rf"`{re.escape(name)}`|--format {re.escape(name)}\b|-f {re.escape(name)}\b")
    assert any(named.search(p.read_text(encoding="utf-8")) for p in pages), (
        f"export format {name!r} is named (as `{name}` or --format {name}) in none of "
        f"{', '.join(str(p.relative_to(ROOT)) for p in pages)}")


# -- the codebook ----------------------------------------------------------------------------

def _vocabularies(codebook) -> dict[str, dict]:
    found = {name: getattr(codebook, name) for name in VOCABULARIES}
    found |= {f"precisions.{group}": codes for group, codes in codebook.precisions.items()}
    found |= {f"labels.{group}": codes for group, codes in codebook.labels.items()}
    return found


@pytest.mark.parametrize("vocabulary", sorted(_vocabularies(load_codebook())))
def test_docs_every_code_description_is_whole(codebook, vocabulary):
    # an unquoted comma in a flow mapping ({description: A, b}) cuts the description and makes
    # its rest a key with no value
    for code, entry in _vocabularies(codebook)[vocabulary].items():
        assert codebook.explain(code), f"{vocabulary}: {code!r} has no description"
        cut = [key for key, value in entry.items() if value is None]
        assert not cut, f"{vocabulary}: {code!r} has keys with no value {cut}: quote its description"


# Loads the codebook and runs what reads the data folder (the HTML reader, every component of
# the pipeline) in a fresh interpreter, whose caches are empty, and prints every file it opened.
_READ_EVERYTHING = """
import json, os, sys
opened = set()
sys.addaudithook(lambda event, args: event == "open" and isinstance(args[0], (str, os.PathLike))
                 and opened.add(os.path.realpath(args[0])))
from sourcebook.codebook import load_codebook
from sourcebook.ingest import ingest
from sourcebook.pipeline import load_pipeline
codebook = load_codebook()
doc = ingest(sys.argv[1])
load_pipeline(codebook)(doc)
print(json.dumps(sorted(opened)))
"""

_PAGE = """<html><head><title>Clashes in the north</title></head><body><article>
<p>KADUNA, Nigeria, 4 May 2021 - Gunmen of the Ansaru group attacked a police post in Kaduna on Monday,
killing at least five officers, police said. Lt. Gen. Musa Idris was appointed commander in 2019.
The Ansaru group, a splinter of Boko Haram, had about 500 fighters, according to officials.
The United States designated Ansaru as a Foreign Terrorist Organization in November 2013.</p>
<p>Share this article</p></article></body></html>"""


def test_docs_no_codebook_file_is_unread(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(_PAGE, encoding="utf-8")
    result = subprocess.run([sys.executable, "-c", _READ_EVERYTHING, str(page)],
                            capture_output=True, text=True, check=True,
                            env={k: v for k, v in os.environ.items() if k != "SOURCEBOOK_ACTORS"})
    opened = {Path(p).name for p in json.loads(result.stdout.splitlines()[-1]) if Path(p).parent == DATA.resolve()}
    unread = sorted(p.name for p in DATA.iterdir() if p.is_file() and p.name not in opened)
    assert not unread, (f"codebook/data holds files that nothing reads: {unread}. Load each through the "
                        "Codebook (codebook/__init__.py) or the component that uses it, or remove it")


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.iterdir() if p.is_file()))
def test_docs_codebook_file_is_documented(name):
    text = (DOCS / "codebook.md").read_text(encoding="utf-8")
    assert f"`{name}`" in text, f"codebook/data/{name} is not described in the table of docs/codebook.md"
