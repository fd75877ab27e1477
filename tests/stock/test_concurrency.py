"""Races on one item, on PostgreSQL (SQLite serialises whole-database writes)."""

import threading

import pytest
from django.db import connection

from core.errors import Conflict
from stock.models import InventoryItem, ItemChange
from stock.services import stock_adjust
from tests.factories import OwnerFactory, WorkerFactory, make_item

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def run_threads(count, work):
    """Start count threads on work(index) at once; return their results or exceptions."""
    barrier = threading.Barrier(count)
    results = [None] * count

    def target(index):
        try:
            barrier.wait()
            results[index] = work(index)
        except Exception as exc:  # noqa: BLE001 - collected and asserted by the caller
            results[index] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=target, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results


def chain(item_id):
    return list(ItemChange.objects.filter(item_id=item_id).order_by("timestamp", "id"))


def assert_chain(item_id, quantity):
    changes = chain(item_id)
    for previous, current in zip(changes, changes[1:], strict=False):
        assert current.old_quantity == previous.new_quantity
    assert changes[-1].new_quantity == quantity
    # the same order by id: timestamps were taken under the row lock
    assert [c.pk for c in changes] == sorted(c.pk for c in changes)


def test_eight_threads_adding_one_never_lose_an_update():
    owner = OwnerFactory()
    item = make_item(owner, quantity=0)

    def work(_):
        for _ in range(25):
            stock_adjust(actor=owner, item_id=item.pk, delta=1, reason="RECEIVED")

    results = run_threads(8, work)
    assert [r for r in results if r is not None] == []
    item.refresh_from_db()
    assert item.quantity == 200
    assert len(chain(item.pk)) == 201  # INITIAL + 200
    assert_chain(item.pk, 200)


def test_racing_withdrawals_never_go_negative():
    owner = OwnerFactory()
    worker = WorkerFactory(employer=owner)
    item = make_item(owner, quantity=50)

    def work(index):
        outcomes = []
        for step in range(20):
            delta = 1 if (index + step) % 4 == 0 else -1
            try:
                stock_adjust(actor=worker if index % 2 else owner, item_id=item.pk,
                             delta=delta, reason="RECEIVED" if delta > 0 else "SOLD")
                outcomes.append(("ok", delta))
            except Conflict:
                outcomes.append(("conflict", delta))
        return outcomes

    results = run_threads(8, work)
    outcomes = [outcome for result in results for outcome in result]
    applied = sum(delta for status, delta in outcomes if status == "ok")
    refused = [delta for status, delta in outcomes if status == "conflict"]
    item.refresh_from_db()
    assert item.quantity == 50 + applied >= 0
    assert refused and all(delta == -1 for delta in refused)  # demand exceeded stock
    assert ItemChange.objects.filter(item_id=item.pk, new_quantity__lt=0).count() == 0
    assert_chain(item.pk, item.quantity)


def test_racing_retries_with_one_idempotency_key_apply_once():
    owner = OwnerFactory()
    item = make_item(owner, quantity=0)

    def work(_):
        return stock_adjust(actor=owner, item_id=item.pk, delta=5, reason="RECEIVED",
                            idempotency_key="same-key").pk

    results = run_threads(8, work)
    assert all(isinstance(r, int) for r in results), results
    assert len(set(results)) == 1
    assert InventoryItem.objects.get(pk=item.pk).quantity == 5
    assert len(chain(item.pk)) == 2


def test_two_batches_in_opposite_orders_never_deadlock():
    from stock.batches import stock_adjust_batch

    owner = OwnerFactory()
    items = [make_item(owner, quantity=1000) for _ in range(6)]
    forward = [{"item_id": item.pk, "delta": 1} for item in items]

    def work(index):
        lines = forward if index % 2 == 0 else list(reversed(forward))
        for _ in range(15):
            stock_adjust_batch(actor=owner, lines=lines, reason="RECEIVED")

    results = run_threads(4, work)
    assert [r for r in results if r is not None] == []  # no deadlock_detected, no error
    for item in items:
        assert_chain(item.pk, 1000 + 60)


def test_racing_batch_retries_apply_once():
    from stock.batches import stock_adjust_batch, stock_count

    owner = OwnerFactory()
    items = [make_item(owner, quantity=10) for _ in range(3)]
    lines = [{"item_id": item.pk, "delta": -1} for item in items]
    results = run_threads(6, lambda _: [c.pk for c in stock_adjust_batch(
        actor=owner, lines=lines, reason="SOLD", idempotency_key="order-7")])
    assert all(result == results[0] for result in results), results
    counts = [{"item_id": item.pk, "quantity": 3} for item in items]
    counted = run_threads(6, lambda _: [c.pk for c in stock_count(
        actor=owner, counts=counts, idempotency_key="count-7")[0]])
    assert all(result == counted[0] for result in counted), counted
    for item in items:
        assert_chain(item.pk, 3)
    assert ItemChange.objects.filter(reason="SOLD").count() == 3


def test_racing_reverts_revert_once():
    from stock.batches import change_revert

    owner = OwnerFactory()
    item = make_item(owner, quantity=10)
    change = stock_adjust(actor=owner, item_id=item.pk, delta=5, reason="RECEIVED")
    results = run_threads(6, lambda _: change_revert(actor=owner, change_id=change.pk).pk)
    assert sum(isinstance(r, int) for r in results) == 1
    assert all(isinstance(r, (int, Conflict)) for r in results), results
    assert_chain(item.pk, 10)


def test_import_while_adjusting_keeps_every_chain():
    import io

    from stock.imports import import_items

    owner = OwnerFactory()
    items = [make_item(owner, sku=f"S{n}", quantity=100) for n in range(5)]
    text = "sku,name,category,price,quantity\n" + "".join(
        f"S{n},Item {n},General,1,50\n" for n in range(5)) + "NEW,New,General,1,1\n"

    def work(index):
        if index == 0:
            return import_items(actor=owner, file=io.BytesIO(text.encode())).applied
        for item in reversed(items):
            stock_adjust(actor=owner, item_id=item.pk, delta=1, reason="RECEIVED")
        return None

    results = run_threads(3, work)
    assert results[0] is True and results[1:] == [None, None], results
    for item in items:
        changes = chain(item.pk)
        for previous, current in zip(changes, changes[1:], strict=False):
            assert current.old_quantity == previous.new_quantity
        assert changes[-1].new_quantity == InventoryItem.objects.get(pk=item.pk).quantity
