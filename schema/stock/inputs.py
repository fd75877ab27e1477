from decimal import Decimal

import strawberry

from schema.stock.types import StockChangeReason


@strawberry.input
class CreateItemInput:
    name: str
    description: str = ""
    sku: str | None = None
    quantity: int = 0
    price: Decimal
    category: str
    low_stock_threshold: int = 5
    owner_id: strawberry.ID | None = strawberry.field(
        default=None, description="Superuser only; default: the caller."
    )


@strawberry.input
class UpdateItemInput:
    """Partial: absent fields stay as they are."""

    name: str | None = strawberry.UNSET
    description: str | None = strawberry.UNSET
    sku: str | None = strawberry.UNSET
    quantity: int | None = strawberry.UNSET
    price: Decimal | None = strawberry.UNSET
    category: str | None = strawberry.UNSET
    low_stock_threshold: int | None = strawberry.UNSET
    reason: StockChangeReason = strawberry.field(
        default=StockChangeReason.COUNT_CORRECTION,
        description="Logged with a quantity change.",
    )
    note: str = ""


@strawberry.input
class AdjustStockInput:
    item_id: strawberry.ID
    delta: int
    reason: StockChangeReason
    note: str = ""
    expected_quantity: int | None = strawberry.field(
        default=None, description="Apply only if the quantity is still this."
    )
    idempotency_key: str | None = strawberry.field(
        default=None,
        description="At most 64 characters, per user: a retry returns the first change.",
    )
