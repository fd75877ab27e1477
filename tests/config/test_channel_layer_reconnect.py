"""After Redis comes back, the channel layer's pooled connections that died while it was
away must not fail a publish: each caller would lose a live event (and count it lost).

The layer's connections are redis-py asyncio ones; a retry object of redis-py's sync
kind never retries there (its call_with_retry returns the coroutine unawaited), so the
first command on each dead pooled connection failed.
"""

import asyncio
import shutil

import pytest

from config import settings as project_settings
from tests.faults.harness import Redis


@pytest.fixture
def own_redis():
    if not shutil.which("redis-server"):
        pytest.fail("redis-server is not installed (apt-get install redis-server)")
    server = Redis()
    server.start()
    yield server
    server.kill()


def test_a_publish_after_redis_returned_reuses_no_dead_connection(own_redis):
    from channels_redis.core import RedisChannelLayer

    async def scenario():
        layer = RedisChannelLayer(hosts=project_settings.channel_layer_hosts(own_redis.url))
        try:
            channel = await layer.new_channel()
            await layer.group_add("g", channel)
            # Several connections in the pool, as under concurrent publishes.
            await asyncio.gather(*(layer.group_send("g", {"type": "x", "n": n})
                                   for n in range(5)))
            own_redis.kill()
            own_redis.start()  # same port, empty: the pooled connections are dead
            await layer.group_add("g", channel)
            failures = []
            for n in range(5):
                try:
                    await layer.group_send("g", {"type": "x", "n": n})
                except Exception as exc:  # noqa: BLE001 - what a publisher would see
                    failures.append(repr(exc))
            received = [(await layer.receive(channel))["n"] for _ in range(5)]
            return failures, received
        finally:
            await layer.close_pools()

    failures, received = asyncio.run(scenario())
    assert failures == []
    assert received == [0, 1, 2, 3, 4]
