"""Reads of the change log over time: quantity at a moment, movements over a period."""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.db.models import Count, F, Max, Q, QuerySet, Sum, Value, Window
from django.db.models.functions import Abs, Coalesce, TruncDate

from core.errors import FieldErrors, NotFound
from core.ids import parse_id
from stock.models import InventoryItem, ItemChange, StockChangeReason
from stock.selectors import changes_in_scope, items_in_scope

MAX_PERIOD = timedelta(days=366)
GROUPS = ("ITEM", "CATEGORY", "REASON", "DAY")
# Changes of deleted items have no category any more: they sum up under this group.
DELETED_CATEGORY = ""


def as_utc(moment: datetime) -> datetime:
    """A moment given without a zone is read as UTC."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


def quantity_at(item: InventoryItem, at: datetime) -> int:
    """The newQuantity of the item's last change at or before at; 0 before it existed."""
    quantity = (
        ItemChange.objects.filter(item_id=item.pk, timestamp__lte=as_utc(at))
        .order_by("-timestamp", "-id")
        .values_list("new_quantity", flat=True)
        .first()
    )
    return quantity or 0


@dataclass
class ReasonTotal:
    reason: str
    net: int
    changes: int


@dataclass
class Movement:
    group: str
    inbound: int
    outbound: int
    net: int
    changes: int
    by_reason: list[ReasonTotal]
    item: InventoryItem | None = None
    item_name: str | None = None


def _group_expression(group_by: str):
    if group_by == "ITEM":
        return F("item_key")
    if group_by == "CATEGORY":
        return Coalesce(F("item__category"), Value(DELETED_CATEGORY))
    if group_by == "REASON":
        return F("reason")
    return TruncDate("timestamp", tzinfo=UTC)


def _period_changes(actor, *, start: datetime, end: datetime, filters: dict) -> QuerySet:
    start, end = as_utc(start), as_utc(end)
    errors = FieldErrors()
    if end <= start:
        errors.add("to", "Must be after from.")
    elif end - start > MAX_PERIOD:
        errors.add("to", f"The period may span at most {MAX_PERIOD.days} days.")
    errors.raise_if_any()
    changes = changes_in_scope(actor).filter(timestamp__gte=start, timestamp__lt=end)
    if filters.get("item_id") is not None:
        try:
            changes = changes.filter(item_key=parse_id(filters["item_id"]))
        except NotFound:
            changes = changes.none()  # filters only narrow
    if filters.get("category") is not None:
        changes = changes.filter(item__category__iexact=filters["category"].strip())
    if filters.get("reason") is not None:
        changes = changes.filter(reason=filters["reason"])
    return changes


def stock_movements(
    actor, *, start: datetime, end: datetime, group_by: str = "ITEM",
    filters: dict | None = None, offset: int = 0, limit: int | None = None,
) -> tuple[int, list[Movement]]:
    """Sums of the log over [start, end) per group, in the actor's scope: (group count,
    one page of movements). Ordered by outbound descending then group; days by date."""
    changes = _period_changes(actor, start=start, end=end, filters=filters or {})
    if group_by == "ITEM":
        changes = changes.filter(item_key__isnull=False)  # entries older than item_key
    positive = Q(delta__gt=0)
    rows = (
        changes.annotate(group=_group_expression(group_by))
        .values("group")
        .annotate(
            inbound=Coalesce(Sum("delta", filter=positive), 0),
            outbound=Coalesce(Sum(Abs("delta"), filter=~positive), 0),
            net=Sum("delta"),
            changes=Count("id"),
            last_id=Max("id"),
            **{f"net_{reason}": Sum("delta", filter=Q(reason=reason))
               for reason in StockChangeReason.values},
            **{f"count_{reason}": Count("id", filter=Q(reason=reason))
               for reason in StockChangeReason.values},
        )
    )
    rows = rows.order_by("group") if group_by == "DAY" else rows.order_by("-outbound", "group")
    # The number of groups rides along on every row of the page (one pass over the log);
    # an empty page (limit 0, or past the end) asks for it separately.
    rows = rows.annotate(group_count=Window(Count("*")))
    page = list(rows[offset:offset + limit] if limit is not None else rows[offset:])
    total = page[0]["group_count"] if page else rows.count()
    movements = [_movement(row) for row in page]
    if group_by == "ITEM" and movements:
        _attach_items(actor, movements, [row["last_id"] for row in page])
    return total, movements


def _movement(row: dict) -> Movement:
    group = row["group"]
    return Movement(
        group=group.isoformat() if hasattr(group, "isoformat") else str(group),
        inbound=int(row["inbound"]), outbound=int(row["outbound"]), net=int(row["net"]),
        changes=row["changes"],
        by_reason=[
            ReasonTotal(reason=reason, net=int(row[f"net_{reason}"]),
                        changes=row[f"count_{reason}"])
            for reason in StockChangeReason.values if row[f"count_{reason}"]
        ],
    )


def _attach_items(actor, movements: list[Movement], last_ids: list[int]) -> None:
    """item (null once deleted) and itemName (the name at its last change in the period:
    ids grow along each item's chain, so that is the group's largest id)."""
    names = dict(ItemChange.objects.filter(pk__in=last_ids).values_list("pk", "item_name"))
    keys = [int(movement.group) for movement in movements]
    items = items_in_scope(actor).select_related("owner").in_bulk(keys)
    for movement, last_id, key in zip(movements, last_ids, keys, strict=True):
        movement.item_name = names.get(last_id)
        movement.item = items.get(key)
