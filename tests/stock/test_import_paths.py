"""The import's two ways of writing (stock.bulk): COPY on PostgreSQL, Django's bulk
statements elsewhere. On PostgreSQL both run and must leave the same data."""

import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.errors import Conflict
from stock import bulk, imports
from stock.imports import import_items
from stock.models import InventoryItem, ItemChange
from tests.factories import make_item

FIRST = ("sku,name,category,price,quantity,lowStockThreshold\n"
         + "".join(f"S-{n},Item {n},Cat {n % 3},{n}.25,{n % 7},3\n" for n in range(25)))
# The odd rows' quantities change (and their skus' case: matched ignoring it), every
# third name; five rows are new.
SECOND = ("sku,name,category,price,quantity\n"
          + "".join(f"{'sS'[n % 2 == 0]}-{n},Item {n}{'!' if n % 3 == 0 else ''},"
                    f"Cat {n % 3},{n}.25,{n % 7 + n % 2}\n" for n in range(30)))

PATHS = ["copy", "generic"] if connection.vendor == "postgresql" else ["generic"]


@pytest.fixture(params=PATHS)
def path(request, monkeypatch):
    if request.param == "generic":
        monkeypatch.setattr(bulk, "_postgres", lambda: False)
    monkeypatch.setattr(imports, "CHUNK", 4)  # several chunks, a last one part full
    return request.param


def run(owner, text):
    return import_items(actor=owner, file=io.BytesIO(text.encode()))


def snapshot(owner):
    items = {item["sku"]: item for item in InventoryItem.objects.filter(owner=owner).values(
        "id", "sku", "name", "category", "price", "quantity", "low_stock_threshold",
        "description")}
    log = sorted(
        (change["item_key"], change["old_quantity"], change["new_quantity"], change["delta"],
         change["reason"], change["note"], change["item_name"], change["username"])
        for change in ItemChange.objects.filter(owner=owner).values())
    by_id = {item["id"]: sku for sku, item in items.items()}
    # ids differ between runs: compare by sku
    return ({sku: {k: v for k, v in item.items() if k != "id"} for sku, item in items.items()},
            [(by_id.get(key), *rest) for key, *rest in log])


def import_both(owner):
    first, second = run(owner, FIRST), run(owner, SECOND)
    return [(r.applied, r.created, r.updated, r.unchanged) for r in (first, second)]


@pytest.mark.django_db
def test_both_paths_leave_the_same_data(path, owner, monkeypatch, django_user_model):
    with CaptureQueriesContext(connection) as captured:
        counts = import_both(owner)
    assert counts == [(True, 25, 0, 0), (True, 5, 17, 8)]
    ids_taken = [q for q in captured.captured_queries if q["sql"].startswith("SELECT nextval")]
    assert bool(ids_taken) == (path == "copy")
    items, log = snapshot(owner)
    assert len(items) == 30 and len(log) == 25 + 5 + 12  # the odd quantities changed
    assert items["s-3"] == {"sku": "s-3", "name": "Item 3!", "category": "Cat 0",
                            "price": Decimal("3.25"), "quantity": 4,
                            "low_stock_threshold": 3, "description": ""}
    assert ("s-3", 3, 4, 1, "COUNT_CORRECTION", "import", "Item 3!", owner.username) in log
    # The same files through the other path, for another owner: the same result.
    if path == "copy":
        other = django_user_model.objects.create(username="twin", email="twin@example.com",
                                                 role=owner.role)
        monkeypatch.setattr(bulk, "_postgres", lambda: False)
        assert import_both(other) == counts
        other_items, other_log = snapshot(other)
        assert other_items == items
        assert other_log == [(*row[:-1], "twin") for row in log]


@pytest.mark.django_db(transaction=True)
def test_a_late_failure_applies_nothing(path, owner, monkeypatch):
    """A SKU taken between the two passes fails the last chunk's insert: the chunks
    already written are rolled back with it."""
    make_item(owner, sku="S-0", quantity=1)
    validate = imports._Importer.validate

    def validate_then_race(self):
        matched = validate(self)
        InventoryItem.objects.create(owner=owner, name="Racer", sku="s-24", price=1,
                                     category="C")
        return matched

    monkeypatch.setattr(imports._Importer, "validate", validate_then_race)
    before = snapshot(owner)
    with pytest.raises(Conflict):
        run(owner, FIRST)
    assert snapshot(owner) == before
