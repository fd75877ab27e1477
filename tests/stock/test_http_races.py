"""16 clients race adjustStock over HTTP against a real server process on PostgreSQL."""

import random
import threading
import time
import urllib.error

import pytest

from stock.models import InventoryItem, ItemChange
from tests.conftest import access_token
from tests.factories import OwnerFactory, WorkerFactory, make_item
from tests.servers import free_port, post_graphql, start_server, stop, wait_healthy

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

ADJUST = """mutation($id: ID!, $d: Int!, $r: StockChangeReason!) {
  adjustStock(input: {itemId: $id, delta: $d, reason: $r}) { newQuantity } }"""
CLIENTS = 16
SECONDS = 10


@pytest.fixture
def server():
    port = free_port()
    process = start_server(port, workers=2, redis_url=None)
    try:
        wait_healthy(port, process)
        yield port
    finally:
        stop(process)


def test_racing_clients_keep_every_invariant(server):
    owner = OwnerFactory()
    workers = [WorkerFactory(employer=owner) for _ in range(3)]
    items = [make_item(owner, quantity=q) for q in (5, 50, 500)]
    tokens = [access_token(user) for user in (owner, *workers)]
    outcomes: list[str] = []
    lock = threading.Lock()
    deadline = time.monotonic() + SECONDS

    def client(n):
        rng = random.Random(n)
        while time.monotonic() < deadline:
            item = rng.choice(items)
            delta = rng.choice([-7, -3, -1, 1, 2, 5])
            reason = "RECEIVED" if delta > 0 else "SOLD"
            try:
                body = post_graphql(server, ADJUST, {"id": str(item.pk), "d": delta, "r": reason},
                                    rng.choice(tokens))
                if "errors" in body:
                    outcome = "/".join(e["extensions"]["code"] for e in body["errors"])
                else:
                    outcome = "ok"
            except urllib.error.HTTPError as exc:
                outcome = f"HTTP {exc.code}"
            with lock:
                outcomes.append(outcome)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(SECONDS + 60)

    assert set(outcomes) <= {"ok", "CONFLICT"}, {o for o in outcomes if o not in ("ok", "CONFLICT")}
    assert outcomes.count("ok") > 100
    for item in items:
        quantity = InventoryItem.objects.get(pk=item.pk).quantity
        changes = list(ItemChange.objects.filter(item_id=item.pk).order_by("timestamp", "id"))
        assert quantity >= 0
        assert all(change.new_quantity >= 0 for change in changes)
        for previous, current in zip(changes, changes[1:], strict=False):
            assert current.old_quantity == previous.new_quantity
        assert changes[-1].new_quantity == quantity == sum(c.delta for c in changes)
    applied = ItemChange.objects.filter(item_id__in=[i.pk for i in items]).exclude(
        reason="INITIAL").count()
    assert applied == outcomes.count("ok")
