"""Two real server processes share PostgreSQL and Redis: a subscriber on one receives
the change made through the other. Both are started with the Procfile's web command."""

import json
import time

import pytest

from tests.conftest import access_token
from tests.factories import OwnerFactory, WorkerFactory, make_item
from tests.servers import REDIS_URL, free_port, post_graphql, start_server, stop, wait_healthy

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def redis_client():
    redis = pytest.importorskip("redis")
    client = redis.Redis.from_url(REDIS_URL)
    try:
        client.ping()
    except redis.exceptions.ConnectionError:
        pytest.skip(f"needs Redis at {REDIS_URL} (.ci/run starts it)")
    client.flushdb()
    yield client
    client.flushdb()


@pytest.fixture
def two_servers(redis_client):
    ports = [free_port(), free_port()]
    processes = [start_server(port) for port in ports]
    try:
        for port, process in zip(ports, processes, strict=True):
            wait_healthy(port, process)
        yield ports
    finally:
        for process in processes:
            stop(process)


def wait_for_group(redis_client, group: str) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if any(group in key.decode() for key in redis_client.keys("*group*")):
            return
        time.sleep(0.05)
    raise AssertionError(f"no subscriber joined {group}")


def test_change_on_one_process_reaches_a_subscriber_on_another(two_servers, redis_client):
    from websockets.sync.client import connect

    port_a, port_b = two_servers
    owner = OwnerFactory()
    worker = WorkerFactory(employer=owner)
    item = make_item(owner, quantity=10)
    with connect(f"ws://127.0.0.1:{port_a}/graphql/", subprotocols=["graphql-transport-ws"],
                 origin=f"http://127.0.0.1:{port_a}", open_timeout=10) as ws:
        ws.send(json.dumps({"type": "connection_init",
                            "payload": {"authorization": f"JWT {access_token(worker)}"}}))
        assert json.loads(ws.recv(timeout=5)) == {"type": "connection_ack"}
        ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": {
            "query": "subscription { stockChanges { newQuantity reason user { username } } }"}}))
        wait_for_group(redis_client, f"stock.owner.{owner.pk}")

        sent_at = time.monotonic()
        body = post_graphql(
            port_b,
            "mutation($id: ID!) { adjustStock(input: {itemId: $id, delta: -4, reason: SOLD}) "
            "{ newQuantity } }",
            {"id": str(item.pk)}, access_token(owner))
        assert body == {"data": {"adjustStock": {"newQuantity": 6}}}

        message = json.loads(ws.recv(timeout=5))
        assert time.monotonic() - sent_at < 5
        assert message["type"] == "next"
        assert message["payload"]["data"]["stockChanges"] == {
            "newQuantity": 6, "reason": "SOLD", "user": {"username": owner.username}}
