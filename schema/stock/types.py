from datetime import datetime
from decimal import Decimal
from typing import Annotated

import strawberry
import strawberry_django
from strawberry import auto
from strawberry.types import Info
from strawberry_django.auth.utils import get_current_user

from accounts import rules
from schema.accounts.types import UserType
from schema.base import ScopedType
from schema.fields import ApiField, ModelField
from schema.scalars import BigInt
from stock.models import InventoryItem, ItemChange
from stock.models import StockChangeReason as ReasonChoices
from stock.reports import quantity_at
from stock.selectors import changes_in_scope, items_in_scope

StockChangeReason = strawberry.enum(
    ReasonChoices, name="StockChangeReason", description="Why a quantity changed."
)


@strawberry_django.type(ItemChange, name="ItemChange", field_cls=ModelField)
class ItemChangeType(ScopedType):
    """One change of an item's quantity. The log is append-only."""

    scope = staticmethod(changes_in_scope)
    default_order = ("-timestamp", "-id")

    id: strawberry.ID
    item: "InventoryItemType | None" = strawberry_django.field(
        description="null once the item is deleted."
    )
    item_name: auto = strawberry_django.field(description="The item's name when it changed.")
    username: auto = strawberry_django.field(
        description="Who made the change; kept after deletion."
    )
    old_quantity: int
    new_quantity: int
    delta: int
    reason: StockChangeReason
    note: auto
    timestamp: auto
    reverts: "ItemChangeType | None" = strawberry_django.field(
        description="For a REVERSAL: the change it undoes."
    )
    reverted_by: "ItemChangeType | None" = strawberry_django.field(
        description="The REVERSAL that undid this change, if any."
    )

    @strawberry_django.field(
        select_related=["user"],
        only=["user__id", "user__employer_id"],  # read by rules.user_visible_to
        description="Who made the change; null once deleted.",
    )
    def user(self, info: Info) -> UserType | None:
        # A change by someone outside the viewer's user scope (say, a superuser) keeps
        # its username but does not expose that account.
        user = self.user
        if user is None or not rules.user_visible_to(get_current_user(info), user):
            return None
        return user


@strawberry_django.type(InventoryItem, name="InventoryItem", field_cls=ModelField)
class InventoryItemType(ScopedType):
    """A stock-keeping unit of one owner."""

    scope = staticmethod(items_in_scope)
    default_order = ("-date_added", "-id")

    id: strawberry.ID
    name: auto
    description: auto
    sku: auto = strawberry_django.field(description="Optional; unique per owner, ignoring case.")
    quantity: int
    price: Decimal
    category: auto
    low_stock_threshold: int = strawberry_django.field(description="Reorder level; default 5.")
    owner: UserType
    date_added: auto
    last_updated: auto
    changes: list[ItemChangeType] = strawberry_django.field(
        field_cls=ApiField, pagination=True, filters=None, ordering=None,
        description="This item's change log, newest first (default 20, at most 100).",
    )

    @strawberry_django.field(
        only=["quantity", "low_stock_threshold"], description="quantity < lowStockThreshold"
    )
    def is_low_stock(self) -> bool:
        return self.quantity < self.low_stock_threshold

    @strawberry_django.field(
        only=["id"],
        description="The quantity at that moment, read from the change log: the newQuantity "
                    "of the last change at or before it; 0 before the item existed.",
    )
    def quantity_at(
        self, at: Annotated[datetime, strawberry.argument(description="The moment asked about.")]
    ) -> int:
        return quantity_at(self, at)


@strawberry.type
class CategorySummary:
    """Totals of one category over the items in scope."""

    name: str
    item_count: int
    total_quantity: BigInt
    total_value: Decimal = strawberry.field(description="Sum of quantity × price.")
