"""URL normalisation: one spelling per page, whatever tracking parameters and fragments ride along."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyledger.sources.web.guard import address_kind
from storyledger.sources.web.urls import BadURL, normalise

BASE = "https://news.example/world/2025/story-slug"


@pytest.mark.parametrize("spelling", [
    "https://news.example/world/2025/story-slug",
    "HTTPS://News.Example:443/world/2025/story-slug",
    "https://news.example/world/2025/story-slug#comments",
    "https://news.example/world/2025/story-slug?utm_source=rss&utm_medium=feed",
    "https://news.example/world/2025/story-slug?fbclid=IwAR2x&gclid=Cj0K",
    "story-slug?utm_campaign=morning",
])
def test_spellings_of_one_page_normalise_alike(spelling: str) -> None:
    assert normalise(spelling, base="https://news.example/world/2025/") == BASE


def test_meaningful_query_parameters_stay_and_are_sorted() -> None:
    assert normalise("http://news.example/story?page=2&id=7&utm_source=x") == "http://news.example/story?id=7&page=2"


@pytest.mark.parametrize("url", ["ftp://news.example/a", "file:///etc/passwd", "javascript:alert(1)", "/relative",
                                 "http:///no-host"])
def test_only_absolute_http_urls(url: str) -> None:
    with pytest.raises(BadURL):
        normalise(url)


@given(path=st.lists(st.text("abcxyz-_0123", min_size=1, max_size=8), max_size=4),
       params=st.dictionaries(st.sampled_from(["id", "page", "q", "utm_source", "fbclid", "ref"]),
                              st.text("abc123", min_size=1, max_size=5), max_size=4),
       fragment=st.text("abc", max_size=4))
def test_normalising_is_idempotent_and_drops_trackers_and_fragments(path: list[str], params: dict[str, str],
                                                                    fragment: str) -> None:
    query = "&".join(f"{k}={v}" for k, v in params.items())
    url = "https://news.example/" + "/".join(path) + (f"?{query}" if query else "") + (f"#{fragment}" if fragment else "")
    once = normalise(url)
    assert normalise(once) == once
    assert "#" not in once and "utm_source" not in once and "fbclid" not in once
    for key in ("id", "page", "q"):
        assert (f"{key}=" in once) == (key in params)


@pytest.mark.parametrize(("address", "kind"), [
    ("127.0.0.1", "loopback"), ("::1", "loopback"), ("::ffff:127.0.0.1", "loopback"), ("10.2.3.4", "private"),
    ("192.168.1.1", "private"), ("172.16.0.9", "private"), ("169.254.169.254", "link-local"), ("fe80::1", "link-local"),
    ("0.0.0.0", "unspecified"), ("224.0.0.1", "multicast"), ("100.64.0.1", "non-public"),
    ("93.184.215.14", None), ("2606:4700:4700::1111", None),
])
def test_address_kinds(address: str, kind: str | None) -> None:
    assert address_kind(address) == kind
