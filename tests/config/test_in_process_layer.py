"""The channel layer without Redis (core.channel_layer): group_send delivers what
Channels' InMemoryChannelLayer delivers, without a task per member."""

import asyncio

from channels.layers import InMemoryChannelLayer, get_channel_layer

from core.channel_layer import InProcessChannelLayer
from tests.config.test_settings import manage


async def _deliveries(layer_class) -> dict:
    layer = layer_class(capacity=2)
    names = [await layer.new_channel() for _ in range(3)]
    for name in names:
        await layer.group_add("g", name)
    await layer.send(names[1], {"type": "filler"})
    await layer.send(names[1], {"type": "filler"})  # names[1] is now full
    message = {"type": "stock.change", "change_id": 1, "nested": {"n": [1]}}
    await layer.group_send("g", message)
    await layer.group_send("empty", message)
    message["nested"]["n"].append(2)  # each member got its own copy
    await layer.group_send("g", {"type": "stock.change", "change_id": 2})
    received = {}
    for index, name in enumerate(names):
        queue = layer.channels[name]
        received[index] = [queue.get_nowait()[1] for _ in range(queue.qsize())]
    return received


def test_group_send_delivers_as_channels_does():
    ours = asyncio.run(_deliveries(InProcessChannelLayer))
    theirs = asyncio.run(_deliveries(InMemoryChannelLayer))
    assert ours == theirs
    assert ours[0] == [{"type": "stock.change", "change_id": 1, "nested": {"n": [1]}},
                       {"type": "stock.change", "change_id": 2}]
    assert ours[1] == [{"type": "filler"}] * 2  # full: the events were dropped for it


def test_the_server_without_redis_uses_it():
    assert isinstance(get_channel_layer(), InProcessChannelLayer)  # the tests' settings
    layers = {}
    for redis_url in ("", "redis://127.0.0.1:6379/0"):
        result = manage("shell", "-c", "from django.conf import settings; "
                        "print(settings.CHANNEL_LAYERS['default']['BACKEND'])",
                        DEBUG="true", REDIS_URL=redis_url)
        assert result.returncode == 0, result.stderr
        layers[redis_url] = result.stdout.split()[-1]  # after the shell's own notice
    assert layers == {"": "core.channel_layer.InProcessChannelLayer",
                      "redis://127.0.0.1:6379/0": "channels_redis.core.RedisChannelLayer"}
