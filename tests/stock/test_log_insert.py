"""The change log's INSERT is compiled once per connection (core.prepared.PreparedInsert):
each entry stores exactly what Model.save() stores, and the constraints still hold."""

from datetime import UTC, datetime
from unittest import mock

import pytest
from django.db import IntegrityError, transaction
from django.db.models import Value
from django.db.models.sql.compiler import SQLInsertCompiler

from core.prepared import PreparedInsert
from stock.models import ItemChange
from stock.services import stock_adjust
from tests.factories import make_item

COLUMNS = ["item_id", "item_key", "item_name", "owner_id", "user_id", "username",
           "old_quantity", "new_quantity", "delta", "reason", "note", "idempotency_key",
           "request_fingerprint", "timestamp", "reverts_id"]


def entry(owner, item, **fields) -> ItemChange:
    values = {"item_id": item.pk, "item_key": item.pk, "item_name": item.name,
              "owner_id": owner.pk, "user": owner, "username": owner.username,
              "old_quantity": 1, "new_quantity": 3, "delta": 2, "reason": "RECEIVED",
              "note": "ünïcode\nnote", "idempotency_key": None, "request_fingerprint": "",
              "timestamp": datetime(2026, 1, 2, 3, 4, 5, 678901, tzinfo=UTC)}
    return ItemChange(**{**values, **fields})


def stored(pk) -> dict:
    return ItemChange.objects.filter(pk=pk).values(*COLUMNS).get()


def test_an_entry_stores_what_save_stores_and_compiles_once(owner):
    item = make_item(owner)
    saved = entry(owner, item)
    saved.save()
    inserter = PreparedInsert(ItemChange)
    first = inserter.insert(entry(owner, item, idempotency_key="k-1"))
    with mock.patch.object(SQLInsertCompiler, "as_sql", autospec=True,
                           side_effect=SQLInsertCompiler.as_sql) as compiled:
        second = inserter.insert(entry(owner, item, reverts=saved))
    assert compiled.call_count == 0
    assert first.pk and second.pk and len({saved.pk, first.pk, second.pk}) == 3
    assert not first._state.adding and first._state.db == "default"
    expected = stored(saved.pk)
    assert stored(first.pk) == {**expected, "idempotency_key": "k-1"}
    assert stored(second.pk) == {**expected, "reverts_id": saved.pk}


def test_the_constraints_still_refuse(owner):
    item = make_item(owner)
    inserter = PreparedInsert(ItemChange)
    inserter.insert(entry(owner, item, idempotency_key="same"))
    with pytest.raises(IntegrityError), transaction.atomic():
        inserter.insert(entry(owner, item, idempotency_key="same"))
    assert ItemChange.objects.filter(idempotency_key="same").count() == 1


def test_an_expression_value_is_saved_by_the_orm(owner):
    item = make_item(owner)
    change = PreparedInsert(ItemChange).insert(entry(owner, item, note=Value("from SQL")))
    assert stored(change.pk)["note"] == "from SQL"


def test_adjust_stock_logs_through_it(owner):
    item = make_item(owner, quantity=5)
    with mock.patch.object(ItemChange, "save", side_effect=AssertionError("save() ran")):
        change = stock_adjust(actor=owner, item_id=item.pk, delta=-2, reason="SOLD",
                              note="two sold")
    row = stored(change.pk)
    assert (row["old_quantity"], row["new_quantity"], row["delta"], row["note"]) == (
        5, 3, -2, "two sold")
    assert row["username"] == owner.username and row["owner_id"] == owner.pk
