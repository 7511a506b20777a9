"""The command line: every command has help, and a real build → show → export → evaluate works."""
import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from sourcebook.cli import app

runner = CliRunner()
COMMANDS = ["build", "ingest", "show", "export", "evaluate"]

WIRE = ("BAIDOA, Somalia, June 2, 2023 — A suicide bomber drove a car packed with explosives into a "
        "military base in Baidoa on Friday, killing at least 14 soldiers and wounding 20, officials said. "
        "Al-Shabaab claimed responsibility for the attack.\n")


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_command_has_help(command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output


@pytest.fixture
def reports(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "baidoa.txt").write_text(WIRE, encoding="utf-8")
    (folder / "copy.txt").write_text(WIRE, encoding="utf-8")          # same text: stored once
    (folder / "empty.txt").write_text("   \n", encoding="utf-8")        # one-line error, batch goes on
    (folder / "notes.xyz").write_text("not a report", encoding="utf-8")
    return folder


def test_cli_build_show_export(reports, tmp_path):
    db = tmp_path / "kb.sqlite"
    result = runner.invoke(app, ["build", str(reports), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "empty.txt" in result.output and "notes.xyz" in result.output
    assert "Documents (1)" in result.output
    result = runner.invoke(app, ["show", "events", "--db", str(db)])
    assert result.exit_code == 0 and "Events" in result.output
    out = tmp_path / "facts.jsonl"
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "facts", "-o", str(out)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    events = [r for r in records if r["kind"] == "event"]
    assert events and events[0]["killed"] == 14 and events[0]["sources"][0]["document"] == "baidoa.txt"
    assert any(r["kind"] == "actor" for r in records)


def test_cli_build_twice_changes_nothing(reports, tmp_path):
    db = tmp_path / "kb.sqlite"
    runner.invoke(app, ["build", str(reports), "--db", str(db), "-q"])
    first = runner.invoke(app, ["export", "--db", str(db)]).output
    result = runner.invoke(app, ["build", str(reports), "--db", str(db)])
    assert "0 documents added" in result.output
    assert runner.invoke(app, ["export", "--db", str(db)]).output == first


def test_cli_ingest_then_build_extracts(reports, tmp_path):
    db = tmp_path / "kb.sqlite"
    assert runner.invoke(app, ["ingest", str(reports / "baidoa.txt"), "--db", str(db)]).exit_code == 0
    result = runner.invoke(app, ["build", "--db", str(db)])
    assert "1 documents added" in result.output and "Events (1)" in result.output


def test_cli_unknown_export_format(tmp_path):
    result = runner.invoke(app, ["export", "--db", str(tmp_path / "kb.sqlite"), "--format", "nope"])
    assert result.exit_code == 2 and "unknown export format" in result.output


def test_cli_bad_database_url_is_one_line_error(tmp_path):
    result = runner.invoke(app, ["show", "--db", "postgresql+psycopg://nobody@127.0.0.1:1/none"])
    assert result.exit_code == 1 and "cannot open the database" in result.output


def test_cli_python_m_sourcebook():
    proc = subprocess.run([sys.executable, "-m", "sourcebook", "--help"], capture_output=True, text=True)
    assert proc.returncode == 0 and "build" in proc.stdout


def test_cli_file_names_are_text_not_markup(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "[bold]loud.txt").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["build", str(folder), "--db", str(tmp_path / "kb.sqlite"), "-q"])
    assert "[bold]loud.txt" in result.output
