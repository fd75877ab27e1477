from decimal import Decimal

import pytest
from django.db import IntegrityError, connection, transaction

from stock.models import AppendOnlyError, InventoryItem, ItemChange
from stock.services import item_delete
from tests.factories import make_item


def _raw_item(owner, **fields):
    data = {"owner": owner, "name": "x", "price": Decimal("1"), "category": "c"}
    data.update(fields)
    return InventoryItem.objects.create(**data)


@pytest.mark.parametrize(
    ("fields", "constraint"),
    [
        ({"quantity": -1}, "stock_item_quantity_in_range"),
        ({"price": Decimal("-0.01")}, "stock_item_price_not_negative"),
        ({"low_stock_threshold": -1}, "stock_item_threshold_not_negative"),
    ],
)
def test_database_checks(owner, fields, constraint):
    with pytest.raises(IntegrityError, match=constraint):
        _raw_item(owner, **fields)


def test_sku_unique_per_owner_ignoring_case(owner, other_owner):
    _raw_item(owner, sku="ABC-1")
    _raw_item(other_owner, sku="abc-1")
    _raw_item(owner, sku=None)
    _raw_item(owner, sku=None)
    with pytest.raises(IntegrityError, match="stock_item_sku_unique_per_owner"):
        _raw_item(owner, sku="abc-1")


def test_change_log_refuses_updates_and_deletes_through_the_orm(owner):
    item = make_item(owner)
    change = item.changes.get()
    change.new_quantity = 999
    with pytest.raises(AppendOnlyError):
        change.save()
    with pytest.raises(AppendOnlyError):
        change.delete()
    with pytest.raises(AppendOnlyError):
        ItemChange.objects.filter(pk=change.pk).update(new_quantity=999)
    with pytest.raises(AppendOnlyError):
        ItemChange.objects.filter(pk=change.pk).delete()
    assert ItemChange.objects.get(pk=change.pk).new_quantity == 10


@pytest.mark.postgres
def test_trigger_refuses_raw_update_of_a_quantity(owner):
    item = make_item(owner)
    change = item.changes.get()
    with pytest.raises(IntegrityError, match="append-only"), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("UPDATE stock_itemchange SET new_quantity = 999 WHERE id = %s",
                           [change.pk])
    with pytest.raises(IntegrityError, match="append-only"), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("UPDATE stock_itemchange SET item_id = %s WHERE id = %s",
                           [make_item(owner).pk, change.pk])
    assert ItemChange.objects.get(pk=change.pk).new_quantity == 10


@pytest.mark.postgres
def test_trigger_refuses_raw_delete(owner):
    change = make_item(owner).changes.get()
    with pytest.raises(IntegrityError, match="append-only"), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM stock_itemchange WHERE id = %s", [change.pk])
    assert ItemChange.objects.filter(pk=change.pk).exists()


def test_deleting_an_item_keeps_its_history(owner):
    item = make_item(owner, quantity=4)
    item_delete(actor=owner, item_id=item.pk)
    changes = list(ItemChange.objects.order_by("id").values_list(
        "item_id", "owner_id", "item_name", "old_quantity", "new_quantity", "reason"))
    assert changes == [
        (None, owner.pk, item.name, 0, 4, "INITIAL"),
        (None, owner.pk, item.name, 4, 0, "DELETED"),
    ]
