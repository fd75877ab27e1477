"""Logins while the shared cache (Redis) is unreachable: they keep working and stay
throttled, counted in this process's memory; the fallback is logged once and counted."""

import logging
import os

import pytest

from accounts import throttle
from core import metrics
from tests.accounts.test_throttle import login
from tests.conftest import error_codes
from tests.factories import PASSWORD
from tests.servers import free_port

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/9")


def redis_cache(url):
    from config.settings import _redis_options

    return {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                        "LOCATION": url, "OPTIONS": _redis_options(read_timeout=1.0)}}


@pytest.fixture
def counters(monkeypatch):
    fresh = throttle._Counters()
    monkeypatch.setattr(throttle, "_counters", fresh)
    return fresh


@pytest.fixture
def redis_down(settings, counters):
    settings.CACHES = redis_cache(f"redis://127.0.0.1:{free_port()}/0")  # nothing listens


def fallbacks() -> float:
    return metrics.LOGIN_THROTTLE_FALLBACKS._value.get()


def test_login_works_while_the_cache_is_down(gql, owner, redis_down):
    assert login(gql, owner.username, PASSWORD)["data"]["tokenAuth"]["token"]


def test_logins_stay_throttled_while_the_cache_is_down(gql, owner, redis_down, caplog):
    before = fallbacks()
    with caplog.at_level(logging.WARNING, logger="accounts.throttle"):
        for _ in range(5):
            assert error_codes(login(gql, owner.username, "wrong")) == ["UNAUTHENTICATED"]
        assert error_codes(login(gql, owner.username, PASSWORD)) == ["RATE_LIMITED"]
    warnings = [r for r in caplog.records if r.name == "accounts.throttle"]
    assert len(warnings) == 1 and "memory" in warnings[0].getMessage()
    assert fallbacks() > before


def test_back_on_the_shared_cache_when_it_answers_again(gql, owner, settings, counters, caplog):
    settings.CACHES = redis_cache(f"redis://127.0.0.1:{free_port()}/0")
    login(gql, owner.username, "wrong")
    assert counters.shared_down_until > 0
    settings.CACHES = redis_cache(REDIS_URL)
    counters.shared_down_until = 1.0  # the retry delay has passed
    with caplog.at_level(logging.WARNING, logger="accounts.throttle"):
        assert login(gql, owner.username, PASSWORD)["data"]["tokenAuth"]["token"]
    assert counters.shared_down_until == 0.0
    assert any("again" in r.getMessage() for r in caplog.records)
