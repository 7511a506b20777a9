"""The Python API: what `import sourcebook` offers is enough to build and read a knowledge base."""
import io
import json

import sourcebook


def test_public_api_build_and_export(tmp_path):
    (tmp_path / "r.txt").write_text("On 4 May 2021 a roadside bomb killed 6 soldiers near Gao, Mali. "
                                    "JNIM claimed the attack.\n", encoding="utf-8")
    with sourcebook.Sourcebook(tmp_path / "kb.sqlite") as book:
        report = book.build([tmp_path / "r.txt"])
        buf = io.StringIO()
        book.export("facts", buf)
    assert isinstance(report, sourcebook.BuildReport) and report.added == ["r.txt"]
    events = [json.loads(line) for line in buf.getvalue().splitlines() if '"kind": "event"' in line]
    assert events and events[0]["killed"] == 6 and events[0]["date"] == "2021-05-04"


def test_public_api_names_are_exported():
    for name in sourcebook.__all__:
        assert getattr(sourcebook, name) is not None
