"""Reads of the change log over time: quantity at a moment, movements over a period."""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.db.models import Count, F, IntegerField, Max, Q, QuerySet, Sum, Value, Window
from django.db.models.functions import Abs, Cast, Coalesce, TruncDate

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


# A delta fits an integer (quantities do), so its sums stay bigint in PostgreSQL instead
# of numeric, which is several times slower to add up. inbound is net + outbound.
_DELTA = Cast("delta", IntegerField())
_SUMS = {
    "outbound": Coalesce(Sum(Abs(_DELTA), filter=Q(delta__lt=0)), 0),
    "net": Sum(_DELTA),
    "changes": Count("*"),
}
# Groups of which there are few (days of a period, reasons): the log is summed per
# (group, reason) in one statement, and paged here.
_FEW_GROUPS = ("DAY", "REASON")
_REASON_ORDER = {reason: n for n, reason in enumerate(StockChangeReason.values)}


def stock_movements(
    actor, *, start: datetime, end: datetime, group_by: str = "ITEM",
    filters: dict | None = None, offset: int = 0, limit: int | None = None,
) -> tuple[int, list[Movement]]:
    """Sums of the log over [start, end) per group, in the actor's scope: (group count,
    one page of movements). Ordered by outbound descending then group; days by date."""
    changes = _period_changes(actor, start=start, end=end, filters=filters or {})
    if group_by == "ITEM":
        changes = changes.filter(item_key__isnull=False)  # entries older than item_key
    changes = changes.annotate(group=_group_expression(group_by))
    if group_by in _FEW_GROUPS:
        groups: dict = {}
        _add_reasons(groups, changes, totals=True)
        movements = list(groups.values())
        movements.sort(key=(lambda m: m.group) if group_by == "DAY"
                       else (lambda m: (-m.outbound, m.group)))
        end_at = None if limit is None else offset + limit
        return len(movements), movements[offset:end_at]
    # One page of groups summed and ordered in the database (the number of groups rides
    # along on each row), then the per-reason sums of those groups only.
    rows = (changes.values("group").annotate(**_SUMS, last_id=Max("id"))
            .order_by("-outbound", "group").annotate(group_count=Window(Count("*"))))
    page = list(rows[offset:offset + limit] if limit is not None else rows[offset:])
    if not page:
        return rows.count(), []
    movements = {row["group"]: _movement(row) for row in page}
    if group_by == "ITEM":
        live = _attach_items(actor, list(movements.values()), [row["last_id"] for row in page])
        # A live item's entries are found through its own index (stock_change_item_time).
        _add_reasons(movements, changes.filter(item_id__in=live))
        if gone := [key for key in movements if key not in live]:
            _add_reasons(movements, changes.filter(item_key__in=gone))
    else:
        _add_reasons(movements, changes.filter(group__in=list(movements)))
    return page[0]["group_count"], list(movements.values())


def _movement(row: dict) -> Movement:
    return Movement(group=_group_text(row["group"]), inbound=row["net"] + row["outbound"],
                    outbound=row["outbound"], net=row["net"], changes=row["changes"],
                    by_reason=[])


def _add_reasons(movements: dict, changes: QuerySet, *, totals: bool = False) -> None:
    """Adds the per-reason sums of changes to movements (keyed by group); with totals,
    to their totals as well, creating the movements of groups not there yet."""
    rows = changes.values("group", "reason").annotate(**_SUMS).order_by()
    for row in sorted(rows, key=lambda row: _REASON_ORDER[row["reason"]]):
        if totals and row["group"] not in movements:
            movements[row["group"]] = _movement({"group": row["group"], "outbound": 0,
                                                 "net": 0, "changes": 0})
        movement = movements[row["group"]]
        if totals:
            movement.outbound += row["outbound"]
            movement.net += row["net"]
            movement.inbound = movement.net + movement.outbound
            movement.changes += row["changes"]
        movement.by_reason.append(ReasonTotal(row["reason"], row["net"], row["changes"]))


def _group_text(group) -> str:
    return group.isoformat() if hasattr(group, "isoformat") else str(group)


def _attach_items(actor, movements: list[Movement], last_ids: list[int]) -> set[int]:
    """item (null once deleted) and itemName (the name at its last change in the period:
    ids grow along each item's chain, so that is the group's largest id); the ids of
    the items still there."""
    names = dict(ItemChange.objects.filter(pk__in=last_ids).values_list("pk", "item_name"))
    keys = [int(movement.group) for movement in movements]
    items = items_in_scope(actor).select_related("owner").in_bulk(keys)
    for movement, last_id, key in zip(movements, last_ids, keys, strict=True):
        movement.item_name = names.get(last_id)
        movement.item = items.get(key)
    return set(items)
