"""adjustStock in one statement (PostgreSQL, autocommit: stock.services.adjust_in_one_statement)
writes what the transaction path writes, refuses what it refuses, and announces after
the commit; SQLite and writes inside a transaction keep the transaction path."""

from unittest import mock

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from core.errors import Conflict, NotFound
from stock import events
from stock.models import InventoryItem, ItemChange
from stock.services import stock_adjust
from tests.factories import make_item

pytestmark = pytest.mark.django_db(transaction=True)  # autocommit, as a request runs
postgres_only = pytest.mark.postgres

ONE_STATEMENT = "WITH updated AS (UPDATE"
LOGGED = ("item_id", "item_key", "item_name", "owner_id", "user_id", "username",
          "old_quantity", "new_quantity", "delta", "reason", "note", "idempotency_key",
          "request_fingerprint", "reverts_id")


def row(change):
    return {name: getattr(change, name) for name in LOGGED}


def adjust(actor, item, **kwargs):
    with CaptureQueriesContext(connection) as queries:
        change = stock_adjust(actor=actor, item_id=item.pk, **{
            "delta": 3, "reason": "RECEIVED", **kwargs})
    return change, [query["sql"] for query in queries.captured_queries]


@postgres_only
def test_one_statement_writes_what_the_transaction_path_writes(worker):
    owner = worker.employer
    fast_item, slow_item = make_item(owner, quantity=4), make_item(owner, quantity=4)
    fast, statements = adjust(worker, fast_item, note="in one", expected_quantity=4)
    assert len(statements) == 1 and statements[0].startswith(ONE_STATEMENT)
    with transaction.atomic():
        slow, slow_statements = adjust(worker, slow_item, note="in one", expected_quantity=4)
    assert not any(s.startswith(ONE_STATEMENT) for s in slow_statements)

    stored = ItemChange.objects.get(pk=fast.pk)
    assert row(fast) == row(stored)
    assert fast.timestamp == stored.timestamp
    assert fast.user == worker and fast._state.adding is False
    expected = {**row(ItemChange.objects.get(pk=slow.pk)), "item_id": fast_item.pk,
                "item_key": fast_item.pk, "item_name": fast_item.name}
    assert row(stored) == expected
    assert (stored.old_quantity, stored.new_quantity, stored.delta) == (4, 7, 3)
    fast_item.refresh_from_db()
    assert fast_item.quantity == 7
    initial = ItemChange.objects.get(item=fast_item, reason="INITIAL")
    assert stored.timestamp >= initial.timestamp and stored.pk > initial.pk


@postgres_only
@pytest.mark.parametrize(("kwargs", "error", "message"), [
    ({"delta": -5}, Conflict, "would leave the range"),
    ({"expected_quantity": 3}, Conflict, "not the expected 3"),
])
def test_refusals_write_nothing(owner, kwargs, error, message):
    item = make_item(owner, quantity=4)
    with pytest.raises(error, match=message):
        stock_adjust(actor=owner, item_id=item.pk, **{"delta": 3, "reason": "SOLD", **kwargs})
    item.refresh_from_db()
    assert item.quantity == 4
    assert ItemChange.objects.filter(item=item).count() == 1  # INITIAL


@postgres_only
def test_an_item_out_of_scope_is_not_found_and_untouched(owner, other_owner):
    item = make_item(other_owner, quantity=4)
    with pytest.raises(NotFound):
        stock_adjust(actor=owner, item_id=item.pk, delta=1, reason="RECEIVED")
    assert InventoryItem.objects.get(pk=item.pk).quantity == 4


@postgres_only
def test_events_are_announced_once_the_statement_committed(owner):
    item = make_item(owner, quantity=6, low_stock_threshold=5)
    seen = []

    def publish(messages):
        # Another connection sees the entry: it has committed.
        from django.db import connections

        other = connections.create_connection("default")
        try:
            with other.cursor() as cursor:
                cursor.execute("SELECT count(*) FROM stock_itemchange WHERE item_id = %s",
                               [item.pk])
                count = cursor.fetchone()[0]
        finally:
            other.close()
        seen.append(([message["type"] for _, message in messages], count))

    with mock.patch.object(events, "publish", publish):
        change = stock_adjust(actor=owner, item_id=item.pk, delta=-2, reason="SOLD")
    assert seen == [(["stock.change", "stock.change"], 2), (["stock.low", "stock.low"], 2)]
    assert change.new_quantity == 4


@postgres_only
def test_an_idempotency_key_keeps_the_transaction_path(owner):
    item = make_item(owner, quantity=1)
    first, statements = adjust(owner, item, idempotency_key="k-1")
    assert not any(s.startswith(ONE_STATEMENT) for s in statements)
    again, _ = adjust(owner, item, idempotency_key="k-1")
    assert again.pk == first.pk


def test_sqlite_keeps_the_transaction_path(owner):
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite case")
    item = make_item(owner, quantity=1)
    change, statements = adjust(owner, item)
    assert not any(s.startswith(ONE_STATEMENT) for s in statements)
    assert ItemChange.objects.get(pk=change.pk).new_quantity == 4


@postgres_only
def test_a_long_wait_for_the_slot_keeps_the_transaction_path(owner, monkeypatch):
    # The wait counted against the lock timeout: the transaction path bounds what is left.
    from stock import admission

    monkeypatch.setattr(admission, "SLOT_WAIT_SLACK_MS", -1)
    item = make_item(owner, quantity=1)
    change, statements = adjust(owner, item)
    assert not any(s.startswith(ONE_STATEMENT) for s in statements)
    assert any(s.startswith("SELECT set_config('lock_timeout'") for s in statements)
    assert ItemChange.objects.get(pk=change.pk).new_quantity == 4


@postgres_only
def test_another_write_to_the_item_keeps_the_transaction_path(owner):
    """Behind another waiter a lone statement would wait for the tuple lock and then for
    the holder, each up to lock_timeout: the transaction path bounds each statement."""
    from stock import admission

    item = make_item(owner, quantity=1)
    with admission.item_slot(item.pk):  # another write to it under way in this process
        change, statements = adjust(owner, item)
    assert not any(s.startswith(ONE_STATEMENT) for s in statements)
    assert any("set_config('statement_timeout'" in s for s in statements)
    assert ItemChange.objects.get(pk=change.pk).new_quantity == 4
