import asyncio
import os
from unittest import mock

from django.db import OperationalError

from tests.servers import free_port

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/9")


def test_healthz_ok_without_redis(client, db, settings):
    settings.REDIS_URL = ""
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_healthz_reports_redis_when_configured(client, db, settings):
    settings.REDIS_URL = REDIS_URL
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "redis": "ok"}


def test_healthz_degraded_when_redis_does_not_answer(client, db, settings):
    settings.REDIS_URL = f"redis://127.0.0.1:{free_port()}/0"  # nothing listens there
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "redis": "unavailable"}


async def _refused():
    raise OperationalError("connection refused")


async def _hangs():
    await asyncio.sleep(60)


def test_healthz_down_when_the_database_fails(client, db, settings):
    settings.REDIS_URL = REDIS_URL
    with mock.patch("config.health._database", _refused):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "down", "database": "unavailable", "redis": "ok"}


def test_healthz_gives_up_on_a_database_that_hangs(client, db, settings):
    """A paused database: the probe is abandoned after HEALTH_TIMEOUT_SECONDS."""
    settings.REDIS_URL = ""
    settings.HEALTH_TIMEOUT_SECONDS = 0.2
    with mock.patch("config.health._database", _hangs):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "down"


def test_healthz_answers_directly_without_redirect(client, db, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.REDIS_URL = ""
    assert client.get("/healthz").status_code == 200
