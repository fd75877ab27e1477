"""The websocket endpoint at /graphql (no slash) too, and hostile variables over it."""

import pytest
from asgiref.sync import sync_to_async
from channels.testing import WebsocketCommunicator
from django.db import connections

from config.asgi import application
from tests.conftest import access_token
from tests.factories import OwnerFactory

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]


async def connected(path):
    owner = await sync_to_async(OwnerFactory)()
    ws = WebsocketCommunicator(application, path, subprotocols=["graphql-transport-ws"])
    ok, _ = await ws.connect()
    assert ok
    token = await sync_to_async(access_token)(owner)
    await ws.send_json_to({"type": "connection_init", "payload": {"authorization": f"JWT {token}"}})
    assert (await ws.receive_json_from(timeout=5))["type"] == "connection_ack"
    return ws


@pytest.mark.parametrize("path", ["/graphql/", "/graphql"])
@pytest.mark.parametrize(("variables", "field"), [
    ({"item": "\ud800"}, "item"),
    ({"item": "1\x00"}, "item"),
])
async def test_hostile_subscription_variables_are_bad_input(path, variables, field):
    ws = await connected(path)
    try:
        await ws.send_json_to({"id": "1", "type": "subscribe", "payload": {
            "query": "subscription($item: ID) { stockChanges(itemId: $item) { id } }",
            "variables": variables}})
        message = await ws.receive_json_from(timeout=5)
        assert message["type"] == "error"
        [error] = message["payload"]
        assert error["extensions"]["code"] == "BAD_USER_INPUT"
        assert list(error["extensions"]["fieldErrors"]) == [field]
    finally:
        await ws.disconnect()
        await sync_to_async(connections.close_all)()
