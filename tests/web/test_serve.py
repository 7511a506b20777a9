"""`sourcebook serve`: help, and `--get` answering one request in-process."""
import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from sourcebook.cli import app

runner = CliRunner()


def test_serve_help_names_the_options():
    result = runner.invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--db", "--host", "--port", "--get"):
        assert option in result.output


@pytest.mark.parametrize("path, code, key", [
    pytest.param("/api/events?sort=date", 0, "events", id="events"),
    pytest.param("/api/timeline", 0, "series", id="timeline"),
    pytest.param("/api/events/999", 1, "detail", id="missing"),
])
def test_serve_get_answers_one_request(kb_path, path, code, key):
    result = runner.invoke(app, ["serve", "--db", str(kb_path), "--get", path])
    assert result.exit_code == code
    assert key in json.loads(result.stdout)


def test_serve_get_as_a_script(kb_path):
    done = subprocess.run([sys.executable, "-m", "sourcebook", "serve", "--db", str(kb_path), "--get", "/api/events"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0
    assert json.loads(done.stdout)["total"] == 2
