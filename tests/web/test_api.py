"""The JSON API: filters, sorting, paging, timeline, map, review and export."""
import json

import pytest


@pytest.mark.parametrize("query, ids", [
    pytest.param("", [2, 1], id="all-newest-first"),
    pytest.param("sort=date", [1, 2], id="oldest-first"),
    pytest.param("sort=-killed", [1, 2], id="deadliest-first"),
    pytest.param("event_type=counter_operation", [2], id="type"),
    pytest.param("actor=Coastal%20Brigades", [1], id="actor"),
    pytest.param("country=so&admin1=Nugaal", [1], id="country-any-case-and-province"),
    pytest.param("date_from=2023-06", [2], id="from-month"),
    pytest.param("date_to=2023-05", [1], id="to-month-inclusive"),
    pytest.param("killed_min=5", [1], id="killed-min"),
    pytest.param("killed_max=5&killed_min=", [2], id="killed-max-empty-field"),
    pytest.param("attack_type=Bombing/Explosion", [1], id="attack-type"),
    pytest.param("country=AF", [], id="nothing"),
])
def test_api_events_filters_and_sorts(client, query, ids):
    data = client.get(f"/api/events?{query}").json()
    assert [e["id"] for e in data["events"]] == ids
    assert data["total"] == len(ids)


def test_api_events_pages(client):
    first = client.get("/api/events?per_page=1&sort=date").json()
    second = client.get("/api/events?per_page=1&sort=date&page=2").json()
    assert (first["pages"], first["events"][0]["id"], second["events"][0]["id"]) == (2, 1, 2)


@pytest.mark.parametrize("query", [pytest.param("sort=quote", id="unknown-sort"), pytest.param("killed_min=many", id="not-a-number"),
                                   pytest.param("per_page=0", id="empty-page")])
def test_api_events_refuses_bad_queries(client, query):
    assert client.get(f"/api/events?{query}").status_code == 422


def test_api_timeline_groups_by_month(client):
    data = client.get("/api/timeline?by=event_type").json()
    assert data["series"] == [{"period": "2023-05", "group": "attack", "events": 1, "killed": 11},
                              {"period": "2023-06", "group": "counter_operation", "events": 1, "killed": 3}]
    years = client.get("/api/timeline?bucket=year&by=country").json()
    assert years["series"] == [{"period": "2023", "group": "SO", "events": 2, "killed": 14}]


def test_api_map_keeps_geo_precision(client):
    places = {p["name"]: p for p in client.get("/api/map").json()["places"]}
    assert places["Garowe"]["precision"] == "place" and places["Bari"]["precision"] == "province"


def test_api_actor_dossier(client):
    data = client.get("/api/actors/2").json()
    assert data["actor"]["name"] == "Coastal Brigades" and data["actor"]["aliases"] == ["CB"]
    assert [c["values"]["person"] for c in data["leadership"]] == ["Yusuf Warsame"]
    assert [(c["values"]["low"], c["values"]["high"]) for c in data["estimates"]] == [(2000, 3500)]
    assert [c["values"]["designated_by"] for c in data["designations"]] == ["Canada"]
    assert data["network"]["links"][0]["target"] == "Highland Movement"
    assert data["events_by_year"] == [{"year": "2023", "event_type": "attack", "events": 1, "killed": 11}]


def _estimate_id(client):
    return client.get("/api/actors/2").json()["estimates"][0]["id"]


def test_api_review_correction_is_a_new_version_used_by_the_export(client):
    claim_id = _estimate_id(client)
    done = client.post(f"/api/claims/{claim_id}/review",
                       json={"action": "correct", "values": {"high": 4000}, "user": "rk", "note": "second page"})
    assert done.status_code == 200
    new = done.json()
    assert [h["version"] for h in new["history"]] == [1, 2] and new["history"][-1]["created_by"] == "rk"
    records = [json.loads(line) for line in client.get("/export/facts").text.splitlines()]
    estimate = next(r for r in records if r["kind"] == "estimate")
    assert (estimate["low"], estimate["high"], estimate["claim_id"]) == (2000, 4000, new["id"])


def test_api_review_form_redirects_back_to_the_claim(client):
    claim_id = _estimate_id(client)
    response = client.post(f"/claims/{claim_id}/review", data={"action": "reject", "back": "/actors/2", "user": "rk"},
                           follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith("/actors/2#claim-")
    records = [json.loads(line) for line in client.get("/export/facts").text.splitlines()]
    assert not [r for r in records if r["kind"] == "estimate"]


@pytest.mark.parametrize("headers, status", [
    pytest.param({"origin": "http://evil.example"}, 403, id="other-site"),
    pytest.param({"origin": "http://testserver"}, 200, id="same-site"),
])
def test_api_review_refuses_other_sites(client, headers, status):
    response = client.post(f"/api/claims/{_estimate_id(client)}/review", json={"action": "accept"}, headers=headers)
    assert response.status_code == status


@pytest.mark.parametrize("body", [pytest.param({"action": "delete"}, id="unknown-action"),
                                  pytest.param({"action": "correct"}, id="correction-without-values")])
def test_api_review_refuses_bad_reviews(client, body):
    assert client.post(f"/api/claims/{_estimate_id(client)}/review", json=body).status_code in (400, 422)


def test_api_export_unknown_format_is_404(client):
    assert client.get("/export/nope").status_code == 404


def test_api_review_of_an_event_claim_reaches_the_event_and_the_export(client):
    wire = next(c for c in client.get("/api/events/1").json()["claims"] if c["document"] == "wire-garowe.txt")
    done = client.post(f"/api/claims/{wire['id']}/review", json={"action": "correct", "values": {"killed": 12}, "user": "rk"})
    assert done.status_code == 200
    event = client.get(f"/api/events/{done.json()['event_id']}").json()
    assert any(h["created_by"] == "rk" and h["values"]["killed"] == 12 for h in event["history"])
    records = [json.loads(line) for line in client.get("/export/facts").text.splitlines()]
    assert any(r.get("claim_id") == done.json()["id"] and r["killed"] == 12 for r in records)
