"""The workbench in a real browser: Debian's Chromium driven by Playwright against a server
started here on a free port. Every page is screenshotted into tests/artifacts/.

Run them alone with `pytest -m browser`. Without Chromium they are skipped, except under CI
(CI=true), where .ci/run installs it and a missing browser is a failure.
"""
from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from web.kb import build_kb

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"


def _required(what: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{what} is required under CI")
    pytest.skip(f"{what} is not installed")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`sourcebook serve` on a fresh copy of the hand-written knowledge base."""
    from sourcebook.web.app import vendor_dir

    if not (vendor_dir() / "d3").is_dir():
        _required("the front-end libraries (npm ci --prefix src/sourcebook/web)")
    db = build_kb(tmp_path_factory.mktemp("kb") / "kb.sqlite")
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "sourcebook", "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(base + "/api", timeout=2).read()
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"the server did not start: {proc.stdout.read().decode(errors='replace')}")
            time.sleep(0.2)
    yield base
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        _required("Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    """A page that records dialogs (an alert would mean script ran), script errors and any
    request leaving this server."""
    context = browser.new_context(viewport={"width": 1400, "height": 900}, base_url=server)
    pg = context.new_page()
    pg.dialogs, pg.errors, pg.outside = [], [], []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("request", lambda r: None if r.url.startswith(server) or r.url.startswith("data:") else pg.outside.append(r.url))
    yield pg
    context.close()


def shoot(pg, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def _doc_id(pg, name: str) -> str:
    docs = pg.request.get("/api/documents").json()["documents"]
    return next(d["id"] for d in docs if d["name"] == name)


def _event_id(pg, event_type: str) -> int:
    return pg.request.get(f"/api/events?event_type={event_type}").json()["events"][0]["id"]


@pytest.mark.parametrize("name, path, ready", [
    pytest.param("home", "/", "ul.cards", id="home"),
    pytest.param("documents", "/documents", "table.grid a", id="documents"),
    pytest.param("events", "/events", "#events-table tbody tr", id="events"),
    pytest.param("timeline", "/timeline", "#timeline-events rect", id="timeline"),
    pytest.param("map", "/map", "#map path.country", id="map"),
    pytest.param("actors", "/actors", "table.grid a", id="actors"),
    pytest.param("actor", "/actors/2", "#network circle", id="actor"),
])
def test_workbench_page_loads(page, name, path, ready):
    page.goto(path)
    page.wait_for_selector(ready)
    shoot(page, name)
    assert page.errors == [] and page.outside == []


def test_workbench_map_draws_country_outlines_and_areas(page):
    page.goto("/map")
    page.wait_for_selector("#map circle.prec-province")
    assert page.locator("#map path.country").count() > 100      # the offline basemap
    assert page.locator("#map circle.prec-place").count() == 1
    assert page.outside == []


def test_workbench_document_highlight_shows_its_fact(page):
    page.goto(f"/documents/{_doc_id(page, 'report-coastal.txt')}")
    page.locator("#doctext mark", has_text="3,500").click()
    detail = page.locator("#fact-detail")
    assert detail.is_visible()
    assert "estimate" in detail.inner_text() and "3500" in detail.inner_text()
    shoot(page, "document")
    # from a fact, jump to its words
    page.locator("a.jump").first.click()
    assert page.locator("#doctext mark.active").count() >= 1
    assert page.errors == []


def test_workbench_event_compares_sources(page):
    page.goto(f"/events/{_event_id(page, 'attack')}")
    row = page.locator("#compare tr.disagree")
    assert row.count() == 1 and "killed" in row.inner_text()
    shoot(page, "event")


def test_workbench_filter_the_table(page):
    page.goto("/events")
    assert page.locator("#events-table tbody tr").count() == 2
    page.select_option("select[name=event_type]", "counter_operation")
    page.click("#filters button[type=submit]")
    page.wait_for_url(re.compile(r"event_type=counter_operation"))
    rows = page.locator("#events-table tbody tr")
    assert rows.count() == 1 and "Counter-operation" in rows.inner_text()
    page.click("th a:has-text('Killed')")
    page.wait_for_url(re.compile(r"sort=-killed"))
    shoot(page, "events-filtered")


def test_workbench_timeline_brush_lists_the_period(page):
    page.goto("/timeline")
    box = page.locator("#timeline-events").bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.5, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] - 5, y, steps=5)
    page.mouse.up()
    page.wait_for_selector("#brushed-rows tr")
    assert page.locator("#brushed-rows tr").count() == 2
    shoot(page, "timeline-brushed")


def test_workbench_hostile_document_is_shown_as_text(page):
    page.goto(f"/documents/{_doc_id(page, 'bulletin.html')}")
    page.locator("#doctext mark").first.click()           # the side panel draws the hostile values too
    page.wait_for_timeout(500)                            # an onerror would fire by now
    text = page.locator("#doctext").inner_text()
    assert "<script>window.__xss" in text and '<img src=x onerror="window.__xss = 2">' in text
    assert page.locator("#doctext script, #doctext img, #doctext a, h1 b").count() == 0
    assert "window.__xss = 4" in page.locator("#fact-detail").inner_text()
    assert page.evaluate("window.__xss") is None and page.dialogs == []
    shoot(page, "document-hostile")
    for path in (f"/events/{_event_id(page, 'counter_operation')}", "/events", "/actors", "/map"):
        page.goto(path)
        page.wait_for_timeout(300)
        assert page.evaluate("window.__xss") is None and page.dialogs == [], path
    assert page.errors == []


def test_workbench_correct_a_claim_and_see_it_in_the_export(page):
    page.goto(f"/events/{_event_id(page, 'attack')}")
    column = page.locator("#compare tr:has(th:text('review')) td").first
    column.locator("summary").click()
    form = column.locator("form")
    form.locator("select[name=slot]").select_option("killed")
    form.locator("input[name=value]").fill("13")
    form.locator("input[name=user]").fill("reviewer-b")
    form.locator("input[name=note]").fill("hospital figure")
    form.locator("button[value=correct]").click()
    page.wait_for_url(re.compile(r"/events/\d+#claim-\d+"))
    history = page.locator("#history tbody tr").first.inner_text()
    assert "reviewer-b" in history and "killed: 13" in history and "hospital figure" in history
    shoot(page, "event-corrected")
    claim_id = int(page.url.rsplit("#claim-", 1)[1])
    export = page.request.get("/export/facts").text()
    assert any(f'"claim_id": {claim_id}' in line and '"killed": 13' in line for line in export.splitlines())
