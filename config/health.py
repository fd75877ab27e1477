"""GET /healthz: the database and, when configured, Redis, each probed on a connection of
its own (never the pool's, which may be exhausted), within HEALTH_TIMEOUT_SECONDS."""

import asyncio
import logging

from asgiref.sync import sync_to_async
from django.conf import settings
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.http import require_GET

logger = logging.getLogger("config.health")


def _postgres_params() -> dict:
    db = connection.settings_dict
    params = {"dbname": db["NAME"], "user": db["USER"], "password": db["PASSWORD"],
              "host": db["HOST"], "port": db["PORT"]}
    options = {key: value for key, value in db.get("OPTIONS", {}).items() if key != "pool"}
    return {key: value for key, value in {**params, **options}.items() if value not in ("", None)}


async def _database() -> None:
    if connection.vendor != "postgresql":
        def select_one():
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
                cursor.fetchone()
            connection.close()

        await sync_to_async(select_one, thread_sensitive=False)()
        return
    import psycopg

    timeout = max(1, int(settings.HEALTH_TIMEOUT_SECONDS))
    conn = await psycopg.AsyncConnection.connect(
        **{**_postgres_params(), "connect_timeout": timeout}, autocommit=True)
    try:
        await conn.execute("SELECT 1")
    finally:
        await conn.close()


async def _redis() -> None:
    import redis.asyncio

    timeout = settings.HEALTH_TIMEOUT_SECONDS
    client = redis.asyncio.Redis.from_url(
        settings.REDIS_URL, socket_connect_timeout=timeout, socket_timeout=timeout)
    try:
        await client.ping()
    finally:
        await client.aclose()


async def _answers(name: str, probe) -> bool:
    try:
        await asyncio.wait_for(probe(), settings.HEALTH_TIMEOUT_SECONDS)
    except Exception as exc:  # noqa: BLE001 - any failure means the part is not usable
        logger.warning("Health check: %s unavailable: %s: %s", name, type(exc).__name__, exc)
        return False
    return True


@require_GET
async def healthz(request):
    """200 ok; 200 degraded when only Redis fails (the API still serves); 503 down when
    the database does not answer."""
    probes = [_answers("database", _database)]
    if settings.REDIS_URL:
        probes.append(_answers("redis", _redis))
    database, *redis = await asyncio.gather(*probes)
    body = {"status": "ok", "database": "ok" if database else "unavailable"}
    if redis:
        body["redis"] = "ok" if redis[0] else "unavailable"
    if not database:
        body["status"] = "down"
    elif redis and not redis[0]:
        body["status"] = "degraded"
    return JsonResponse(body, status=200 if database else 503)
