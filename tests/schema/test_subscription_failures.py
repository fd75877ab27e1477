"""stockChanges(afterId:) resumes from the log; a server failure under a subscription
closes the socket with 1011, never a `next` or `error` that blames the client."""

from unittest import mock

import pytest
from asgiref.sync import sync_to_async
from channels.layers import get_channel_layer
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


async def _publish(change):
    """The change's live event, as its commit hook sends it."""
    layer = get_channel_layer()
    message = {"type": events.CHANGE, "change_id": change.pk, "item_id": change.item_id}
    await layer.group_send(events.owner_group(change.owner_id), message)


async def test_live_events_out_of_chain_order_still_arrive_in_chain_order():
    """Two processes publish after their own commits: an item's later change can be
    announced first. The subscriber gets its changes in chain order, each once."""
    owner = await sync_to_async(OwnerFactory)()
    item = await sync_to_async(make_item)(owner, quantity=1)
    ws = await authorised(owner)
    await subscribe(ws, RESUME, {}, group=events.owner_group(owner.pk))
    with mock.patch.object(events, "announce_change"):  # announced by hand, below
        first, second = await adjust(owner, item, 1), await adjust(owner, item, 2)
    await _publish(second)
    await _publish(first)
    ids = [int((await next_payload(ws))["data"]["stockChanges"]["id"]) for _ in range(2)]
    assert ids == [first.pk, second.pk]
    assert await ws.receive_nothing(timeout=0.3)
    await ws.disconnect()


async def test_a_change_a_replay_batch_missed_comes_before_its_successor():
    """A change committed between two replay batches, with an id below the first batch's
    end, is in neither batch; the next change of its item brings it first."""
    owner = await sync_to_async(OwnerFactory)()
    item = await sync_to_async(make_item)(owner, quantity=1)
    other = await sync_to_async(make_item)(owner, quantity=1)
    start = await adjust(owner, item, 1)
    late = await adjust(owner, item, 2)  # hidden from the first batch, as if uncommitted
    others = [await adjust(owner, other, 1) for _ in range(3)]
    after_late = await adjust(owner, item, 3)
    from schema.stock import subscriptions

    real_batch = subscriptions._replay_batch

    async def batches_of_two(user, item_pk, after_pk):
        with mock.patch.object(subscriptions, "REPLAY_BATCH", 500):
            batch = await real_batch(user, item_pk, after_pk)
        return [c for c in batch if c.pk != late.pk][:2]

    ws = await authorised(owner)
    with mock.patch.object(subscriptions, "REPLAY_BATCH", 2), \
            mock.patch.object(subscriptions, "_replay_batch", batches_of_two):
        await subscribe(ws, RESUME, {"after": str(start.pk)}, group=events.owner_group(owner.pk))
        ids = [int((await next_payload(ws))["data"]["stockChanges"]["id"]) for _ in range(5)]
        assert await ws.receive_nothing(timeout=0.3)
    assert sorted(ids) == sorted([late.pk, *(c.pk for c in others), after_late.pk])
    assert ids.index(late.pk) < ids.index(after_late.pk)
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
