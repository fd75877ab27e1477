"""Subscriptions in process, over the real ASGI app (Origin check, consumer, schema)."""

import asyncio
import json

import pytest
import pytest_asyncio
from asgiref.sync import sync_to_async
from channels.layers import get_channel_layer
from channels.testing import WebsocketCommunicator
from django.db import connections, transaction

from accounts.services import user_delete, user_update
from config.asgi import application
from stock import events
from stock.services import item_create, item_delete, item_update, stock_adjust
from tests.conftest import access_token
from tests.factories import OwnerFactory, WorkerFactory, make_item

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]

PROTOCOL = "graphql-transport-ws"


@pytest_asyncio.fixture(autouse=True)
async def close_thread_connections():
    """sync_to_async work runs on one shared thread; close its connection afterwards so
    the test database can be dropped."""
    yield
    await sync_to_async(connections.close_all)()

CHANGES = """subscription($item: ID) { stockChanges(itemId: $item) {
  oldQuantity newQuantity reason itemName item { id } user { username } } }"""
ALERTS = "subscription { lowStockAlerts { id name quantity isLowStock } }"


def communicator(origin=b"http://localhost", protocol=PROTOCOL):
    headers = [(b"origin", origin)] if origin else []
    return WebsocketCommunicator(application, "/graphql/", headers=headers,
                                 subprotocols=[protocol])


async def connect(user=None, *, authorization=None):
    ws = communicator()
    connected, subprotocol = await ws.connect()
    assert connected and subprotocol == PROTOCOL
    if authorization is None and user is not None:
        authorization = f"JWT {await sync_to_async(access_token)(user)}"
    payload = {} if authorization is None else {"authorization": authorization}
    await ws.send_json_to({"type": "connection_init", "payload": payload})
    return ws


async def subscribe(ws, query, variables=None, *, group):
    await ws.send_json_to({"id": "1", "type": "subscribe",
                           "payload": {"query": query, "variables": variables or {}}})
    await wait_for_group(group)


async def wait_for_group(group):
    """The subscription joins its group asynchronously; events before that are not its."""
    layer = get_channel_layer()
    for _ in range(200):
        if layer.groups.get(group):
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"nobody joined {group}")


async def next_payload(ws, timeout=5):
    message = await ws.receive_json_from(timeout=timeout)
    assert message["type"] == "next", message
    return message["payload"]


async def authorised(user):
    ws = await connect(user)
    assert await ws.receive_json_from(timeout=5) == {"type": "connection_ack"}
    return ws


async def test_authorised_subscriber_receives_changes_in_scope():
    owner = await sync_to_async(OwnerFactory)()
    worker = await sync_to_async(WorkerFactory)(employer=owner)
    item = await sync_to_async(make_item)(owner, name="Bolt", quantity=5)
    ws = await authorised(worker)
    await subscribe(ws, CHANGES, group=events.owner_group(owner.pk))
    await sync_to_async(stock_adjust)(actor=owner, item_id=item.pk, delta=-2, reason="SOLD")
    payload = await next_payload(ws)
    assert payload["data"]["stockChanges"] == {
        "oldQuantity": 5, "newQuantity": 3, "reason": "SOLD", "itemName": "Bolt",
        "item": {"id": str(item.pk)}, "user": {"username": owner.username}}
    await ws.disconnect()


async def test_item_filter_and_deletion_are_announced():
    owner = await sync_to_async(OwnerFactory)()
    watched = await sync_to_async(make_item)(owner, quantity=5)
    other = await sync_to_async(make_item)(owner, quantity=5)
    ws = await authorised(owner)
    await subscribe(ws, CHANGES, {"item": str(watched.pk)}, group=events.owner_group(owner.pk))
    await sync_to_async(stock_adjust)(actor=owner, item_id=other.pk, delta=1, reason="RECEIVED")
    await sync_to_async(item_delete)(actor=owner, item_id=watched.pk)
    payload = await next_payload(ws)
    assert payload["data"]["stockChanges"]["reason"] == "DELETED"
    assert payload["data"]["stockChanges"]["item"] is None
    await ws.disconnect()


@pytest.mark.parametrize(("authorization", "reason"), [
    (None, "AUTH_REQUIRED"), ("JWT not-a-token", "TOKEN_INVALID"),
    ("Basic abc", "TOKEN_INVALID"), ("Bearer", "TOKEN_INVALID"),
    ("JWT expired", "TOKEN_EXPIRED"),
])
async def test_bad_tokens_are_refused_with_4403_and_the_reason(authorization, reason):
    owner = await sync_to_async(OwnerFactory)()
    if authorization == "JWT expired":
        import time

        import jwt
        from django.conf import settings

        token = jwt.encode({"username": owner.username, "exp": int(time.time()) - 5,
                            "origIat": int(time.time()) - 400}, settings.SECRET_KEY)
        authorization = f"JWT {token}"
    ws = await connect(authorization=authorization)
    message = await ws.receive_output(timeout=5)
    assert message == {"type": "websocket.close", "code": 4403, "reason": reason}


async def test_inactive_user_is_refused():
    owner = await sync_to_async(OwnerFactory)(is_active=False)
    ws = await connect(owner)
    message = await ws.receive_output(timeout=5)
    assert (message["code"], message["reason"]) == (4403, "ACCOUNT_INACTIVE")


async def test_a_client_without_origin_is_accepted():
    """Node's ws, Python's websockets and gql send no Origin: no browser, token only."""
    owner = await sync_to_async(OwnerFactory)()
    ws = communicator(origin=None)
    connected, _ = await ws.connect()
    assert connected
    token = await sync_to_async(access_token)(owner)
    await ws.send_json_to({"type": "connection_init", "payload": {"authorization": f"JWT {token}"}})
    assert await ws.receive_json_from(timeout=5) == {"type": "connection_ack"}
    await ws.disconnect()


async def test_bearer_prefix_accepted():
    owner = await sync_to_async(OwnerFactory)()
    ws = await connect(authorization=f"Bearer {await sync_to_async(access_token)(owner)}")
    assert await ws.receive_json_from(timeout=5) == {"type": "connection_ack"}
    await ws.disconnect()


async def test_legacy_protocol_and_foreign_origin_are_refused():
    legacy = communicator(protocol="graphql-ws")
    connected, subprotocol = await legacy.connect()
    assert subprotocol is None
    message = await legacy.receive_output(timeout=5)
    assert message["type"] == "websocket.close" and message["code"] == 4406
    connected, _ = await communicator(origin=b"http://evil.example").connect()
    assert not connected


async def test_other_owners_changes_never_arrive():
    owner, other = await sync_to_async(OwnerFactory)(), await sync_to_async(OwnerFactory)()
    mine = await sync_to_async(make_item)(owner, quantity=5)
    theirs = await sync_to_async(make_item)(other, quantity=5)
    ws = await authorised(owner)
    await subscribe(ws, CHANGES, group=events.owner_group(owner.pk))
    await sync_to_async(stock_adjust)(actor=other, item_id=theirs.pk, delta=1, reason="RECEIVED")
    await sync_to_async(stock_adjust)(actor=owner, item_id=mine.pk, delta=2, reason="RECEIVED")
    payload = await next_payload(ws)
    assert payload["data"]["stockChanges"]["newQuantity"] == 7  # mine; theirs never came
    assert await ws.receive_nothing(timeout=0.3)
    await ws.disconnect()


async def test_superuser_sees_every_owner():
    superuser = await sync_to_async(OwnerFactory)(is_superuser=True)
    owner = await sync_to_async(OwnerFactory)()
    item = await sync_to_async(make_item)(owner, quantity=1)
    ws = await authorised(superuser)
    await subscribe(ws, CHANGES, group=events.ALL_GROUP)
    await sync_to_async(stock_adjust)(actor=owner, item_id=item.pk, delta=1, reason="RECEIVED")
    assert (await next_payload(ws))["data"]["stockChanges"]["newQuantity"] == 2
    await ws.disconnect()


async def test_rolled_back_change_is_never_announced():
    owner = await sync_to_async(OwnerFactory)()
    item = await sync_to_async(make_item)(owner, quantity=5)
    ws = await authorised(owner)
    await subscribe(ws, CHANGES, group=events.owner_group(owner.pk))

    def adjust_then_fail():
        with transaction.atomic():
            stock_adjust(actor=owner, item_id=item.pk, delta=1, reason="RECEIVED")
            raise RuntimeError("rolled back")

    with pytest.raises(RuntimeError):
        await sync_to_async(adjust_then_fail)()
    assert await ws.receive_nothing(timeout=0.5)
    await sync_to_async(stock_adjust)(actor=owner, item_id=item.pk, delta=2, reason="RECEIVED")
    assert (await next_payload(ws))["data"]["stockChanges"]["oldQuantity"] == 5
    await ws.disconnect()


async def test_low_stock_alert_fires_once_when_crossing():
    owner = await sync_to_async(OwnerFactory)()
    item = await sync_to_async(make_item)(owner, name="Tape", quantity=7, low_stock_threshold=5)
    ws = await authorised(owner)
    await subscribe(ws, ALERTS, group=events.owner_group(owner.pk))
    adjust = sync_to_async(stock_adjust)
    await adjust(actor=owner, item_id=item.pk, delta=-1, reason="SOLD")   # 6: not low
    await adjust(actor=owner, item_id=item.pk, delta=-2, reason="SOLD")   # 4: turns low
    await adjust(actor=owner, item_id=item.pk, delta=-1, reason="SOLD")   # 3: stays low
    alert = (await next_payload(ws))["data"]["lowStockAlerts"]
    assert (alert["id"], alert["name"], alert["isLowStock"]) == (str(item.pk), "Tape", True)
    assert await ws.receive_nothing(timeout=0.3)
    await adjust(actor=owner, item_id=item.pk, delta=5, reason="RECEIVED")  # 8: recovers
    await sync_to_async(item_update)(actor=owner, item_id=item.pk, low_stock_threshold=9)
    assert (await next_payload(ws))["data"]["lowStockAlerts"]["quantity"] == 8
    await sync_to_async(item_create)(actor=owner, name="New", price="1", category="c",
                                     quantity=0)  # created low
    assert (await next_payload(ws))["data"]["lowStockAlerts"]["name"] == "New"
    await sync_to_async(item_delete)(actor=owner, item_id=item.pk)  # deletion never alerts
    assert await ws.receive_nothing(timeout=0.3)
    await ws.disconnect()


async def test_deactivated_subscriber_is_closed_at_once():
    owner = await sync_to_async(OwnerFactory)()
    worker = await sync_to_async(WorkerFactory)(employer=owner)
    ws = await authorised(worker)
    await subscribe(ws, CHANGES, group=events.owner_group(owner.pk))
    await sync_to_async(user_update)(actor=owner, user_id=worker.pk, is_active=False)
    message = await ws.receive_output(timeout=5)
    assert message["type"] == "websocket.close" and message["code"] == 4403, message


async def test_subscribing_to_an_item_out_of_scope_is_not_found():
    owner, other = await sync_to_async(OwnerFactory)(), await sync_to_async(OwnerFactory)()
    theirs = await sync_to_async(make_item)(other)
    ws = await authorised(owner)
    await ws.send_json_to({"id": "1", "type": "subscribe",
                           "payload": {"query": CHANGES, "variables": {"item": str(theirs.pk)}}})
    message = await ws.receive_json_from(timeout=5)
    assert message["type"] in ("error", "next"), message
    errors = message["payload"] if message["type"] == "error" else message["payload"]["errors"]
    assert json.dumps(errors).count("NOT_FOUND") == 1
    await ws.disconnect()


async def test_deleted_subscriber_is_closed_at_once():
    owner = await sync_to_async(OwnerFactory)()
    worker = await sync_to_async(WorkerFactory)(employer=owner)
    ws = await authorised(worker)
    await subscribe(ws, ALERTS, group=events.owner_group(owner.pk))
    await sync_to_async(user_delete)(actor=owner, user_id=worker.pk)
    message = await ws.receive_output(timeout=5)
    assert message["type"] == "websocket.close" and message["code"] == 4403, message


async def test_client_without_connection_init_is_closed_by_the_init_timeout(monkeypatch):
    import datetime

    from schema.websocket import GraphQLConsumer

    original = GraphQLConsumer.__init__

    def short_timeout(self, schema):
        original(self, schema)
        self.connection_init_wait_timeout = datetime.timedelta(seconds=0.2)

    monkeypatch.setattr(GraphQLConsumer, "__init__", short_timeout)
    ws = communicator()
    connected, _ = await ws.connect()
    assert connected
    message = await ws.receive_output(timeout=5)
    assert message["type"] == "websocket.close" and message["code"] == 4408


async def test_new_scope_closes_the_subscription():
    owner, other = await sync_to_async(OwnerFactory)(), await sync_to_async(OwnerFactory)()
    superuser = await sync_to_async(OwnerFactory)(is_superuser=True)
    worker = await sync_to_async(WorkerFactory)(employer=owner)
    ws = await authorised(worker)
    await subscribe(ws, CHANGES, group=events.owner_group(owner.pk))
    await sync_to_async(user_update)(actor=superuser, user_id=worker.pk, employer_id=other.pk)
    message = await ws.receive_output(timeout=5)
    assert message["type"] == "websocket.close" and message["code"] == 4403, message


async def test_every_subscriber_gets_the_change_from_one_load(monkeypatch):
    from schema.stock import subscriptions

    loads = []
    real_load = subscriptions._changes.load

    async def counting_load(pk):
        loads.append(pk)
        return await real_load(pk)

    monkeypatch.setattr(subscriptions._changes, "load", counting_load)
    owner = await sync_to_async(OwnerFactory)()
    item = await sync_to_async(make_item)(owner, quantity=5)
    sockets = [await authorised(owner) for _ in range(5)]
    for ws in sockets:
        await ws.send_json_to({"id": "1", "type": "subscribe",
                               "payload": {"query": CHANGES, "variables": {}}})
    layer = get_channel_layer()
    for _ in range(200):
        if len(layer.groups.get(events.owner_group(owner.pk), {})) == 5:
            break
        await asyncio.sleep(0.01)
    await sync_to_async(stock_adjust)(actor=owner, item_id=item.pk, delta=1, reason="RECEIVED")
    for ws in sockets:
        assert (await next_payload(ws))["data"]["stockChanges"]["newQuantity"] == 6
        await ws.disconnect()
    assert len(loads) == 1


async def test_an_events_item_lists_its_changes():
    """A list under the event's item resolves on the event loop: its query still runs
    in a thread (schema.related_rows leaves such fields to the general path)."""
    owner = await sync_to_async(OwnerFactory)()
    item = await sync_to_async(make_item)(owner, quantity=5)
    ws = await authorised(owner)
    query = """subscription { stockChanges { newQuantity
      item { id changes(pagination: {limit: 2}) { newQuantity reason } } } }"""
    await subscribe(ws, query, group=events.owner_group(owner.pk))
    await sync_to_async(stock_adjust)(actor=owner, item_id=item.pk, delta=2, reason="RECEIVED")
    payload = await next_payload(ws)
    assert "errors" not in payload, payload
    assert payload["data"]["stockChanges"]["item"]["changes"] == [
        {"newQuantity": 7, "reason": "RECEIVED"}, {"newQuantity": 5, "reason": "INITIAL"}]
    await ws.disconnect()


async def test_a_query_over_the_socket_reads_one_item_and_its_changes():
    owner = await sync_to_async(OwnerFactory)()
    item = await sync_to_async(make_item)(owner, name="Socket", quantity=3)
    ws = await authorised(owner)
    await ws.send_json_to({"id": "q", "type": "subscribe", "payload": {
        "query": "query($id: ID!) { item(id: $id) { name changes { newQuantity } } }",
        "variables": {"id": str(item.pk)}}})
    payload = await next_payload(ws)
    assert payload == {"data": {"item": {"name": "Socket", "changes": [{"newQuantity": 3}]}}}
    await ws.disconnect()
