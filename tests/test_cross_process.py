"""Two real server processes share PostgreSQL and Redis: a subscriber on one receives
the change made through the other. Both are started with the Procfile's web command."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from tests.conftest import access_token
from tests.factories import OwnerFactory, WorkerFactory, make_item

ROOT = Path(__file__).resolve().parents[1]
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/9")

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


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def web_command() -> str:
    for line in (ROOT / "Procfile").read_text().splitlines():
        if line.startswith("web:"):
            return line.removeprefix("web:").strip()
    raise AssertionError("Procfile has no web process")


def start_server(port: int) -> subprocess.Popen:
    db = connection.settings_dict
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}:{os.environ.get('PATH', '')}",
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DEBUG": "false",
        "SECRET_KEY": settings.SECRET_KEY,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "REDIS_URL": REDIS_URL,
        "PORT": str(port),
        "BIND": "127.0.0.1",
        "WEB_CONCURRENCY": "1",
    }
    return subprocess.Popen(["bash", "-c", f"exec {web_command()}"], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)


def wait_healthy(port: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 40
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(process.stderr.read().decode()[-3000:])
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"server on {port} did not become healthy")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(5)


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


def post_graphql(port, query, variables, token):
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/graphql/",
        data=json.dumps({"query": query, "variables": variables}).encode(),
        headers={"Content-Type": "application/json", "Authorization": f"JWT {token}"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


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
