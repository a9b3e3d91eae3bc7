"""Fixtures for the fetch tests: the made-up site, a clock that never sleeps, short timeouts."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from storyledger.sources.web.settings import FetchSettings
from tests.sources.web.site import FakeClock, Site

# Tests talk to 127.0.0.1, so the address guard is opened; timeouts are short so a stalled
# server costs a fraction of a second; the per-host delay stays, on the fake clock.
TEST_SETTINGS = FetchSettings(allow_local=True, connect_timeout=1.0, read_timeout=0.3, user_agent="storyledger/test")


@pytest.fixture
def site() -> Iterator[Site]:
    running = Site().start()
    yield running
    running.stop()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()
