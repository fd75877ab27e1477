"""Reads of stock data, always through the caller's scope."""

from decimal import Decimal

from django.db.models import (
    Count,
    DecimalField,
    ExpressionWrapper,
    F,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
)

from accounts import rules
from stock.models import InventoryItem, ItemChange


def items_in_scope(user, items: QuerySet | None = None) -> QuerySet[InventoryItem]:
    """The items user may see: all for a superuser, the owner's for an owner and its workers."""
    items = InventoryItem.objects.all() if items is None else items
    if not rules.is_active_user(user):
        return items.none()
    owner_id = rules.scope_owner_id(user)
    return items if owner_id is None else items.filter(owner_id=owner_id)


def changes_in_scope(user, changes: QuerySet | None = None) -> QuerySet[ItemChange]:
    """Log entries user may see, also those of deleted items (scoped by the recorded owner)."""
    changes = ItemChange.objects.all() if changes is None else changes
    if not rules.is_active_user(user):
        return changes.none()
    owner_id = rules.scope_owner_id(user)
    return changes if owner_id is None else changes.filter(owner_id=owner_id)


def category_summaries(user) -> list[dict]:
    """Per category of the items in scope: item count, total quantity, total value."""
    value = ExpressionWrapper(
        F("quantity") * F("price"), output_field=DecimalField(max_digits=24, decimal_places=2)
    )
    rows = (
        items_in_scope(user)
        .values("category")
        .annotate(item_count=Count("id"), total_quantity=Sum("quantity"),
                  total_value=Sum(value))
        .order_by("category")
    )
    return [
        {
            "name": row["category"],
            "item_count": row["item_count"],
            "total_quantity": int(row["total_quantity"] or 0),
            "total_value": Decimal(row["total_value"] or 0).quantize(Decimal("0.01")),
        }
        for row in rows
    ]


def with_previous_pk(changes: QuerySet[ItemChange]) -> QuerySet[ItemChange]:
    """Each change with previous_pk: the id of the one before it in its item's chain
    (chain order is (timestamp, id); one probe of stock_change_item_time each)."""
    earlier = ItemChange.objects.filter(item_id=OuterRef("item_id")).filter(
        Q(timestamp__lt=OuterRef("timestamp"))
        | Q(timestamp=OuterRef("timestamp"), pk__lt=OuterRef("pk")))
    return changes.annotate(previous_pk=Subquery(
        earlier.order_by("-timestamp", "-id").values("pk")[:1]))


def chain_between(user, *, item_id: int, after_pk: int, before_pk: int) -> list[ItemChange]:
    """The item's changes with ids in (after_pk, before_pk), in chain order, in scope."""
    return list(changes_in_scope(user).select_related("item", "user")
                .filter(item_id=item_id, pk__gt=after_pk, pk__lt=before_pk).order_by("pk"))


def last_change_pk() -> int:
    return ItemChange.objects.aggregate(last=Max("pk"))["last"] or 0
