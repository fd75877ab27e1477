from decimal import Decimal

import strawberry

from schema.stock.types import StockChangeReason

_NAME = "1–200 characters after trimming."
_DESCRIPTION = "Up to 5,000 characters."
_SKU = "Optional stock-keeping code, up to 64 characters, unique per owner ignoring case."
_PRICE = 'From 0 to 9,999,999,999.99 with at most 2 decimal places, e.g. "12.50".'
_CATEGORY = "1–100 characters after trimming."
_THRESHOLD = "Reorder level: the item is low on stock below it. 0 … 2,147,483,647."
_NOTE = "Free text kept in the change log, up to 1,000 characters."


@strawberry.input(description="A new item.")
class CreateItemInput:
    name: str = strawberry.field(description=_NAME)
    description: str = strawberry.field(default="", description=_DESCRIPTION)
    sku: str | None = strawberry.field(default=None, description=_SKU)
    quantity: int = strawberry.field(
        default=0, description="The starting quantity, 0 … 2,147,483,647; logged as INITIAL."
    )
    price: Decimal = strawberry.field(description=_PRICE)
    category: str = strawberry.field(description=_CATEGORY)
    low_stock_threshold: int = strawberry.field(default=5, description=_THRESHOLD)
    owner_id: strawberry.ID | None = strawberry.field(
        default=None, description="Superuser only; default: the caller."
    )


@strawberry.input(description="Changes to an item. Partial: absent fields stay as they are.")
class UpdateItemInput:
    name: str | None = strawberry.field(default=strawberry.UNSET, description=_NAME)
    description: str | None = strawberry.field(default=strawberry.UNSET, description=_DESCRIPTION)
    sku: str | None = strawberry.field(
        default=strawberry.UNSET, description=f"{_SKU} null or blank clears it."
    )
    quantity: int | None = strawberry.field(
        default=strawberry.UNSET,
        description="Set the quantity (0 … 2,147,483,647); a different one is logged. "
        "The one field a worker may set.",
    )
    price: Decimal | None = strawberry.field(default=strawberry.UNSET, description=_PRICE)
    category: str | None = strawberry.field(default=strawberry.UNSET, description=_CATEGORY)
    low_stock_threshold: int | None = strawberry.field(
        default=strawberry.UNSET, description=_THRESHOLD
    )
    reason: StockChangeReason = strawberry.field(
        default=StockChangeReason.COUNT_CORRECTION,
        description="Logged with a quantity change.",
    )
    note: str = strawberry.field(default="", description=f"{_NOTE} Logged with a quantity change.")


@strawberry.input(description="A change of one item's quantity by delta.")
class AdjustStockInput:
    item_id: strawberry.ID = strawberry.field(description="The item to change.")
    delta: int = strawberry.field(
        description="Added to the quantity; negative takes stock out. Not 0."
    )
    reason: StockChangeReason = strawberry.field(
        description="Why it changes; not INITIAL or DELETED (those the server writes)."
    )
    note: str = strawberry.field(default="", description=_NOTE)
    expected_quantity: int | None = strawberry.field(
        default=None,
        description="Apply only if the quantity is still this (CONFLICT otherwise).",
    )
    idempotency_key: str | None = strawberry.field(
        default=None,
        description="At most 64 characters, per user: a retry returns the first change.",
    )
