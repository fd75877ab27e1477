"""CSV exports of the items and the change log in a user's scope, produced in chunks
(keyset pages) so memory stays constant whatever their size."""

from collections.abc import Iterator
from datetime import datetime

from django.db.models import F, Q, QuerySet

from core.errors import NotFound
from core.ids import parse_id
from stock.csvformat import ITEM_COLUMNS
from stock.selectors import changes_in_scope, items_in_scope

CHUNK = 2000

CHANGE_COLUMNS = ("id", "timestamp", "itemId", "itemName", "username", "oldQuantity",
                  "newQuantity", "delta", "reason", "note", "reverts")


def export_items_queryset(actor, *, category: str | None = None, search: str | None = None,
                          low_stock: bool | None = None) -> QuerySet:
    items = items_in_scope(actor)
    if category:
        items = items.filter(category__iexact=category.strip())
    if search:
        items = items.filter(Q(name__icontains=search) | Q(description__icontains=search)
                             | Q(category__icontains=search) | Q(sku__icontains=search))
    if low_stock is not None:
        below = Q(quantity__lt=F("low_stock_threshold"))
        items = items.filter(below if low_stock else ~below)
    return items


def export_changes_queryset(actor, *, start: datetime | None = None,
                            end: datetime | None = None, item: str | None = None) -> QuerySet:
    changes = changes_in_scope(actor)
    if start is not None:
        changes = changes.filter(timestamp__gte=start)
    if end is not None:
        changes = changes.filter(timestamp__lt=end)
    if item:
        try:
            changes = changes.filter(item_key=parse_id(item))
        except NotFound:
            changes = changes.none()  # filters only narrow
    return changes


def item_chunks(items: QuerySet) -> Iterator[list[list]]:
    """Rows of the import's columns, by id, one chunk (a query) at a time."""
    fields = list(ITEM_COLUMNS.values())
    last = 0
    while True:
        rows = list(items.filter(pk__gt=last).order_by("pk").values_list("pk", *fields)[:CHUNK])
        if not rows:
            return
        last = rows[-1][0]
        yield [list(row[1:]) for row in rows]


def change_chunks(changes: QuerySet) -> Iterator[list[list]]:
    """Log rows oldest first (by timestamp, then id), one chunk (a query) at a time."""
    fields = ("pk", "timestamp", "item_key", "item_name", "username", "old_quantity",
              "new_quantity", "delta", "reason", "note", "reverts_id")
    after = None
    while True:
        page = changes.order_by("timestamp", "pk")
        if after is not None:
            page = page.filter(Q(timestamp__gt=after[0]) | Q(timestamp=after[0], pk__gt=after[1]))
        rows = list(page.values_list(*fields)[:CHUNK])
        if not rows:
            return
        after = (rows[-1][1], rows[-1][0])
        yield [[row[0], row[1].isoformat(), *row[2:]] for row in rows]
