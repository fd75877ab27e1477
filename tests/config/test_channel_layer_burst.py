"""A burst of subscribers on one process: the Redis channel layer must take them all.

redis-py 8's asyncio pool raises "Too many connections" past 100 connections in use
(it does not wait), and every subscription's group_add takes one: with the pool left at
its default, the 101st of a burst of subscribers was closed with 1011.
"""

import asyncio
import os

import pytest
import redis

from config import settings as project_settings

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/9")


def redis_answers() -> bool:
    try:
        return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError:
        return False


@pytest.mark.skipif(not redis_answers(), reason=f"needs Redis at {REDIS_URL}")
def test_the_layer_holds_300_connections_at_once():
    """300 subscribers joining their groups at once each hold a connection."""
    from channels_redis.core import RedisChannelLayer

    async def burst():
        layer = RedisChannelLayer(hosts=project_settings.channel_layer_hosts(REDIS_URL))
        pool = layer.connection(0).connection_pool
        held = []
        try:
            for _ in range(300):
                held.append(await pool.get_connection())
        finally:
            for connection in held:
                await pool.release(connection)
            await layer.close_pools()
        return len(held)

    assert asyncio.run(burst()) == 300
