"""An idle subscription on Redis stays open: held 30 s without a message either way
(no websocket pings either), it then receives the next change. redis-py's default 5 s
socket timeout against channels-redis's 5 s BZPOPMIN used to drop it within 15 s."""

import json
import time

import pytest

from tests.conftest import access_token
from tests.factories import OwnerFactory, make_item
from tests.servers import free_port, post_graphql, start_server, stop, wait_healthy
from tests.test_cross_process import redis_client, wait_for_group  # noqa: F401 - a fixture

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

IDLE_SECONDS = 30


def test_idle_subscription_on_redis_receives_after_30_seconds(redis_client):  # noqa: F811
    from websockets.sync.client import connect

    port = free_port()
    server = start_server(port)
    try:
        wait_healthy(port, server)
        owner = OwnerFactory()
        item = make_item(owner, quantity=10)
        with connect(f"ws://127.0.0.1:{port}/graphql/", subprotocols=["graphql-transport-ws"],
                     origin=f"http://127.0.0.1:{port}", open_timeout=10,
                     ping_interval=None) as ws:
            ws.send(json.dumps({"type": "connection_init",
                                "payload": {"authorization": f"JWT {access_token(owner)}"}}))
            assert json.loads(ws.recv(timeout=5)) == {"type": "connection_ack"}
            ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": {
                "query": "subscription { stockChanges { newQuantity } }"}}))
            wait_for_group(redis_client, f"stock.owner.{owner.pk}")
            time.sleep(IDLE_SECONDS)
            body = post_graphql(
                port, "mutation($id: ID!) { adjustStock(input: {itemId: $id, delta: 1, "
                "reason: RECEIVED}) { newQuantity } }", {"id": str(item.pk)}, access_token(owner))
            assert body == {"data": {"adjustStock": {"newQuantity": 11}}}
            message = json.loads(ws.recv(timeout=5))
            assert message == {"id": "1", "type": "next",
                               "payload": {"data": {"stockChanges": {"newQuantity": 11}}}}
    finally:
        stop(server)
