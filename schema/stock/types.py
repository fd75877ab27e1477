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
from schema.fields import ApiField, ModelField, column
from schema.scalars import BigInt
from stock.models import InventoryItem, ItemChange
from stock.models import StockChangeReason as ReasonChoices
from stock.reports import quantity_at
from stock.selectors import changes_in_scope, items_in_scope

StockChangeReason = strawberry.enum(
    ReasonChoices, name="StockChangeReason", description="Why a quantity changed."
)


@strawberry_django.type(
    ItemChange, name="ItemChange", field_cls=ModelField,
    description="One change of an item's quantity. The log is append-only.",
)
class ItemChangeType(ScopedType):

    scope = staticmethod(changes_in_scope)
    default_order = ("-timestamp", "-id")

    id: strawberry.ID = column("The change's id; ids grow along each item's chain.")
    item: "InventoryItemType | None" = strawberry_django.field(
        description="The item; null once it is deleted."
    )
    item_name: auto = column("The item's name when it changed.")
    username: auto = column("Who made the change; kept after the user is deleted.")
    old_quantity: int = column("The quantity before; the previous change's newQuantity.")
    new_quantity: int = column("The quantity after.")
    delta: int = column("newQuantity - oldQuantity.")
    reason: StockChangeReason = column("Why the quantity changed.")
    note: auto = column("Free text given with the change.")
    timestamp: auto = column("When it was committed, taken under the item's row lock.")
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


@strawberry_django.type(
    InventoryItem, name="InventoryItem", field_cls=ModelField,
    description="A stock-keeping unit of one owner.",
)
class InventoryItemType(ScopedType):

    scope = staticmethod(items_in_scope)
    default_order = ("-date_added", "-id")

    id: strawberry.ID = column("The item's id.")
    name: auto = column("1–200 characters.")
    description: auto = column("Up to 5,000 characters; may be empty.")
    sku: auto = column("Optional stock-keeping code; unique per owner, ignoring case.")
    quantity: int = column("In stock now: 0 … 2,147,483,647.")
    price: Decimal = column('A decimal with 2 places, as a string ("12.50").')
    category: auto = column("1–100 characters; categories group by this text.")
    low_stock_threshold: int = column("Reorder level; default 5.")
    owner: UserType = strawberry_django.field(description="The OWNER (or superuser) it belongs to.")
    date_added: auto = column("When it was created.")
    last_updated: auto = column("When any of its fields last changed.")
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


@strawberry.type(description="Totals of one category over the items in scope.")
class CategorySummary:
    name: str = strawberry.field(description="The category, as stored (trimmed).")
    item_count: int = strawberry.field(description="Items in it.")
    total_quantity: BigInt = strawberry.field(description="Sum of their quantities.")
    total_value: Decimal = strawberry.field(description="Sum of quantity × price.")
