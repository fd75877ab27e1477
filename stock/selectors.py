"""Reads of stock data, always through the caller's scope."""

from django.db.models import QuerySet

from accounts import rules
from stock.models import InventoryItem, ItemChange


def items_in_scope(user) -> QuerySet[InventoryItem]:
    """The items user may see: all for a superuser, the owner's for an owner and its workers."""
    items = InventoryItem.objects.all()
    if not rules.is_active_user(user):
        return items.none()
    owner_id = rules.scope_owner_id(user)
    return items if owner_id is None else items.filter(owner_id=owner_id)


def changes_in_scope(user) -> QuerySet[ItemChange]:
    """Log entries user may see, also those of deleted items (scoped by the recorded owner)."""
    changes = ItemChange.objects.all()
    if not rules.is_active_user(user):
        return changes.none()
    owner_id = rules.scope_owner_id(user)
    return changes if owner_id is None else changes.filter(owner_id=owner_id)
