"""Every workbench page renders from its API dict, links to its JSON, and shows untrusted text
as text."""
import json

import pytest

from web.kb import XSS_NAME, XSS_TARGET

PAGES = ["/", "/documents", "/events", "/events/1", "/timeline", "/map", "/actors", "/actors/2"]


@pytest.mark.parametrize("path", [pytest.param(p, id=p) for p in PAGES])
def test_pages_render_with_their_json_alternate(client, path):
    page = client.get(path)
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    link = page.headers["link"]
    api = link[link.index("<") + 1:link.index(">")]
    assert 'rel="alternate"' in link and api.startswith("/api")
    data = client.get(api)
    assert data.status_code == 200 and data.headers["content-type"] == "application/json"
    embedded = page.text.split('<script type="application/json" id="page-data">')[1].split("</script>")[0]
    assert json.loads(embedded) == data.json()


def test_pages_document_highlights_every_value(client):
    doc_id = next(d["id"] for d in client.get("/api/documents").json()["documents"] if d["name"] == "report-coastal.txt")
    data = client.get(f"/api/documents/{doc_id}").json()
    assert "".join(s["text"] for s in data["segments"]) == data["text"]
    marked = {(c, slot) for s in data["segments"] for c, slot, _ in s["values"]}
    expected = {(c["id"], slot) for c in data["claims"] for slot in c["spans"]}
    assert marked == expected
    page = client.get(f"/documents/{doc_id}").text
    assert '<mark class="hl hl-estimate"' in page and ">3,500</mark>" in page


@pytest.mark.parametrize("path", [pytest.param("/documents/{hostile}", id="document"), pytest.param("/events/2", id="event"),
                                  pytest.param("/events", id="events"), pytest.param("/actors", id="actors"),
                                  pytest.param("/documents", id="documents")])
def test_pages_escape_untrusted_text(client, path):
    hostile = next(d["id"] for d in client.get("/api/documents").json()["documents"] if d["name"] == "bulletin.html")
    html = client.get(path.format(hostile=hostile)).text
    for raw in ("<script>window.__xss", "<img src=x", 'href="javascript:', "<b onmouseover", XSS_NAME, XSS_TARGET):
        assert raw not in html
    assert "&lt;" in html


def test_pages_send_a_strict_content_security_policy(client):
    csp = client.get("/events").headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]


def test_pages_event_marks_the_disagreement(client):
    data = client.get("/api/events/1").json()
    slots = {s["slot"]: s for s in data["slots"]}
    assert slots["killed"]["disagree"] is True
    assert slots["date"]["disagree"] is False and slots["place"]["disagree"] is False
    assert '<tr class="disagree"><th><span class="neq"' in client.get("/events/1").text


@pytest.mark.parametrize("path", [pytest.param("/events/999", id="event"), pytest.param("/actors/999", id="actor"),
                                  pytest.param("/documents/nope", id="document"), pytest.param("/api/events/999", id="api")])
def test_pages_missing_things_are_404(client, path):
    assert client.get(path).status_code == 404


def test_pages_vendor_libraries_are_served_locally(client):
    page = client.get("/map").text
    assert "/vendor/d3/dist/d3.min.js" in page and "http://" not in page.replace('xmlns="http://', "")
    assert "https://" not in page
    assert client.get("/vendor/world-atlas/countries-50m.json").status_code == 200


def test_pages_openapi_describes_the_api(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/events", "/api/events/{event_id}", "/api/timeline", "/api/map", "/api/documents/{doc_id}",
                 "/api/actors/{actor_id}", "/api/claims/{claim_id}/review"):
        assert path in paths
    assert "/events" not in paths


def test_pages_no_page_loads_scripts_from_a_cdn(client):
    # FastAPI's Swagger and ReDoc pages fetch their scripts from a CDN: they are off
    assert client.get("/docs").status_code == 404 and client.get("/redoc").status_code == 404
    assert client.get("/openapi.json").status_code == 200
