"""stockChanges(afterId:) resumes from the log; a server failure under a subscription
closes the socket with 1011, never a `next` or `error` that blames the client."""

from unittest import mock

import pytest
from asgiref.sync import sync_to_async
from django.db import OperationalError

from stock import events
from stock.services import stock_adjust
from tests.factories import OwnerFactory, make_item
from tests.schema.test_subscriptions import (
    authorised,
    close_thread_connections,  # noqa: F401 - an autouse fixture of that module
    next_payload,
    subscribe,
)

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]

RESUME = """subscription($item: ID, $after: ID) { stockChanges(itemId: $item, afterId: $after) {
  id oldQuantity newQuantity } }"""


async def adjust(owner, item, delta):
    return await sync_to_async(stock_adjust)(actor=owner, item_id=item.pk, delta=delta,
                                             reason="RECEIVED")


async def test_after_id_replays_the_log_then_goes_live_without_repeats():
    owner = await sync_to_async(OwnerFactory)()
    item = await sync_to_async(make_item)(owner, quantity=1)
    other = await sync_to_async(make_item)(owner, quantity=1)
    seen = await adjust(owner, item, 1)
    missed = [await adjust(owner, item, 2), await adjust(owner, other, 3),
              await adjust(owner, item, 4)]
    ws = await authorised(owner)
    await subscribe(ws, RESUME, {"after": str(seen.pk)}, group=events.owner_group(owner.pk))
    replayed = [await next_payload(ws) for _ in missed]
    assert [int(p["data"]["stockChanges"]["id"]) for p in replayed] == [c.pk for c in missed]
    live = await adjust(owner, item, 5)
    payload = await next_payload(ws)
    assert int(payload["data"]["stockChanges"]["id"]) == live.pk
    assert await ws.receive_nothing(timeout=0.3)
    await ws.disconnect()


async def test_after_id_with_item_id_replays_only_that_item():
    owner = await sync_to_async(OwnerFactory)()
    item = await sync_to_async(make_item)(owner, quantity=1)
    other = await sync_to_async(make_item)(owner, quantity=1)
    first = await adjust(owner, item, 1)
    await adjust(owner, other, 1)
    mine = await adjust(owner, item, 1)
    ws = await authorised(owner)
    await subscribe(ws, RESUME, {"item": str(item.pk), "after": str(first.pk)},
                    group=events.owner_group(owner.pk))
    payload = await next_payload(ws)
    assert int(payload["data"]["stockChanges"]["id"]) == mine.pk
    assert await ws.receive_nothing(timeout=0.3)
    await ws.disconnect()


async def test_replay_never_sends_a_change_twice_when_it_also_arrives_live():
    """A change that commits after the subscription joined its group but before the
    replay read the log arrives both ways; it is sent once."""
    owner = await sync_to_async(OwnerFactory)()
    item = await sync_to_async(make_item)(owner, quantity=1)
    start = await adjust(owner, item, 1)
    from schema.stock import subscriptions

    real_batch = subscriptions._replay_batch
    raced = []

    async def batch_after_a_commit(user, item_pk, after_pk):
        if not raced:
            raced.append(await adjust(owner, item, 7))  # published to the joined group
        return await real_batch(user, item_pk, after_pk)

    ws = await authorised(owner)
    with mock.patch.object(subscriptions, "_replay_batch", batch_after_a_commit):
        await subscribe(ws, RESUME, {"after": str(start.pk)}, group=events.owner_group(owner.pk))
        payload = await next_payload(ws)
        assert int(payload["data"]["stockChanges"]["id"]) == raced[0].pk
        assert await ws.receive_nothing(timeout=0.5)
    await ws.disconnect()


async def test_database_failure_closes_the_subscription_with_1011():
    owner = await sync_to_async(OwnerFactory)()
    item = await sync_to_async(make_item)(owner, quantity=1)
    ws = await authorised(owner)
    from schema.stock import subscriptions

    async def database_gone(pk):
        raise OperationalError("terminating connection due to administrator command")

    with mock.patch.object(subscriptions._changes, "load", database_gone), \
            mock.patch.object(subscriptions.logger, "error") as logged:
        subscriptions._changes.tasks.clear()
        await subscribe(ws, RESUME, group=events.owner_group(owner.pk))
        await adjust(owner, item, 1)
        message = await ws.receive_output(timeout=5)
    assert message == {"type": "websocket.close", "code": 1011}
    assert logged.call_args.kwargs["exc_info"][0] is OperationalError


async def test_channel_layer_failure_closes_the_socket_with_1011(settings):
    owner = await sync_to_async(OwnerFactory)()
    ws = await authorised(owner)
    from channels.layers import get_channel_layer

    layer = get_channel_layer()

    async def redis_gone(group, channel):
        raise ConnectionError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    with mock.patch.object(layer, "group_add", redis_gone):
        await ws.send_json_to({"id": "1", "type": "subscribe", "payload": {"query": RESUME}})
        message = await ws.receive_output(timeout=5)
    assert message == {"type": "websocket.close", "code": 1011}
