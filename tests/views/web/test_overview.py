"""Counts, the articles-over-time chart, date and outlet filters in the pages and the API, unknown
parameters refused, and the API docs served from local assets."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from storyledger.store.read_models import DayCount
from storyledger.views.web import create_app
from storyledger.views.web.volume import Unit, volume


@pytest.fixture()
def client(ports_db: Path) -> TestClient:
    return TestClient(create_app(ports_db), base_url="http://127.0.0.1")


def _href(first: date, last: date, outlet: str | None) -> str:
    return f"{first}/{last}/{outlet}"


def test_unknown_query_parameters_are_refused_not_ignored(client: TestClient) -> None:
    res = client.get("/api/claims?sinse=2024-03-07")
    assert res.status_code == 422
    (error,) = res.json()["detail"]
    assert error["loc"] == ["query", "sinse"] and "unknown parameter" in error["msg"] and "since" in error["msg"]
    page = client.get("/stories/all?stnce=committed")
    assert page.status_code == 422 and "stnce" in page.text and "<html" in page.text
    assert client.get("/api/claims?since=2024-03-07&limit=5").status_code == 200
    assert client.get("/api/timeline?story=all", follow_redirects=False).status_code == 308  # handed on as is
    assert client.get("/api/timeline?bogus=1").status_code == 422  # and refused where it lands


def test_api_lists_filter_by_date_and_outlet(client: TestClient) -> None:
    assert client.get("/api/claims?since=2024-03-07").json()["total"] == 2  # by the article's date
    assert client.get("/api/claims?since=2024-03-07&until=2024-03-07").json()["items"][0]["outlet"] == "<i>Evil</i> Outlet"
    assert client.get("/api/quotes?outlet=Quay Daily").json()["items"][0]["text"] == "We need more time,"
    assert client.get("/api/statements?story=all&until=2024-03-06").json()["total"] == 3
    assert client.get("/api/documents?since=2024-03-20").json()["total"] == 1
    assert [h["document"]["title"] for h in client.get("/api/search?q=ports&outlet=Quay Daily").json()
            ["documents"]["items"]] == ["Roe hesitates"]
    assert client.get("/api/stories?since=2030-01-01").json()["total"] == 0
    assert client.get("/api/claims?since=2024-13-01").status_code == 422
    bad = client.get("/api/claims?since=2024-03-20&until=2024-03-01")
    assert bad.status_code == 422 and bad.json()["detail"][0]["msg"] == "until is before since"
    params = {p["name"] for p in client.get("/openapi.json").json()["paths"]["/api/quotes"]["get"]["parameters"]}
    assert {"since", "until", "outlet"} <= params


def test_home_shows_counts_a_chart_and_filters(client: TestClient) -> None:
    html = client.get("/").text
    assert re.search(r"<b>3</b> articles.*<b>3</b> outlets.*<b>4</b> claims.*<b>3</b> quotes", html, re.S)
    assert "Articles per day, by outlet" in html
    bars = re.findall(r'<a href="(/documents\?[^"]+)"><rect class="o\d"', html)
    assert len(bars) == 3 and "/documents?since=2024-03-06&amp;until=2024-03-06&amp;outlet=Harbour+Times" in bars
    assert 'name="since"' in html and 'name="until"' in html and '<option value="Quay Daily">' in html
    later = client.get("/?since=2024-03-20").text
    assert "<b>1</b> article" in later and 'value="2024-03-20"' in later


def test_story_entity_and_article_pages_filter_their_lists(client: TestClient) -> None:
    html = client.get("/stories/all?outlet=Harbour Times").text
    assert html.count('class="line claim') == 2 and html.count('class="line quote') == 1
    assert '<option value="Harbour Times" selected>' in html and "<figure class=\"volume\">" in html
    roe = client.get("/api/entities?name=roe").json()["items"][0]["id"]
    page = client.get(f"/entities/{roe}?since=2024-03-20").text
    assert page.count('class="line claim') == 1 and "<figure class=\"volume\">" in page
    articles = client.get(f"/documents?entity={roe}").text
    assert "that mention" in articles and articles.count('<a href="/documents/') == 2
    assert client.get("/documents?story=nosuch").status_code == 404


def test_volume_buckets_by_day_week_or_month_and_groups_small_outlets() -> None:
    days = [DayCount(date(2025, 1, 1), "A", 2), DayCount(date(2025, 1, 3), "B", 1), DayCount(date(2025, 1, 3), None, 1)]
    chart = volume(days, _href)
    assert chart is not None and chart.unit is Unit.DAY and chart.peak == 2 and chart.documents == 4
    assert [(b.css, b.title) for b in chart.bars] == [
        ("o0", "2025-01-01 · A: 2 articles"), ("o1", "2025-01-03 · B: 1 article"),
        ("ou", "2025-01-03 · outlet unknown: 1 article")]
    assert chart.labels == ["2025-01-01", "2025-01-02", "2025-01-03"]
    assert chart.bars[1].href == "2025-01-03/2025-01-03/B" and chart.bars[2].href == "2025-01-03/2025-01-03/None"
    year = volume([DayCount(date(2025, 1, 1), "A", 1), DayCount(date(2025, 12, 30), "A", 1)], _href)
    assert year is not None and year.unit is Unit.WEEK and year.bars[-1].title.startswith("2025-12-29 – 2026-01-04")
    many = volume([DayCount(date(2020, 1, 1), "A", 1), DayCount(date(2025, 1, 1), "A", 1)], _href)
    assert many is not None and many.unit is Unit.MONTH and many.labels[-1] == "2025-01"
    assert volume([], _href) is None
    outlets = volume([DayCount(date(2025, 1, 1), f"outlet {i}", 10 - i) for i in range(9)]
                     + [DayCount(date(2025, 1, 1), None, 5)], _href)
    assert outlets is not None and [(i.outlet, i.documents) for i in outlets.legend][-3:] == [
        ("outlet 6", 4), ("other outlets", 5), ("outlet unknown", 5)]


def test_api_docs_are_served_from_local_assets(client: TestClient) -> None:
    for page, asset in (("/docs", "swagger-ui-bundle.js"), ("/redoc", "redoc.standalone.js")):
        html = client.get(page).text
        assert f"/docs-assets/{asset}" in html and "cdn." not in html and "fonts.googleapis" not in html
        assert client.get(f"/docs-assets/{asset}").status_code == 200
    assert "cdn." not in client.get("/docs").headers["content-security-policy"]
