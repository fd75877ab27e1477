from datetime import datetime
from decimal import Decimal

import strawberry
import strawberry_django
from django.db.models import F, Q, QuerySet
from strawberry import auto
from strawberry.types import Info
from strawberry_django.auth.utils import get_current_user

from accounts import rules
from core.errors import Forbidden, NotFound
from core.ids import parse_id
from schema.lookups import TextLookup
from schema.stock.types import StockChangeReason
from stock.models import InventoryItem, ItemChange


def _id_or_none(value) -> int | None:
    try:
        return parse_id(value)
    except NotFound:
        return None


def _matches_id(field: str, value) -> Q:
    """Exact id match; a malformed id matches nothing (filters only narrow)."""
    pk = _id_or_none(value)
    return Q(**{field: pk}) if pk is not None else Q(pk__in=[])


@strawberry_django.filter_type(
    InventoryItem, name="ItemFilter", description="Narrows the items in scope."
)
class ItemFilter:
    category: TextLookup | None = strawberry_django.filter_field(
        description='The category, e.g. {iExact: "electronics"}.'
    )
    price: strawberry_django.ComparisonFilterLookup[Decimal] | None = (
        strawberry_django.filter_field(description='The price, e.g. {lte: "100"}.')
    )
    quantity: strawberry_django.ComparisonFilterLookup[int] | None = (
        strawberry_django.filter_field(description="The quantity, e.g. {gt: 0}.")
    )
    date_added: strawberry_django.ComparisonFilterLookup[datetime] | None = (
        strawberry_django.filter_field(description="When the item was created.")
    )

    @strawberry_django.filter_field(
        description="Case-insensitive match on name, description, category or SKU."
    )
    def search(self, info: Info, queryset: QuerySet, value: str, prefix: str) -> Q:
        return (
            Q(**{f"{prefix}name__icontains": value})
            | Q(**{f"{prefix}description__icontains": value})
            | Q(**{f"{prefix}category__icontains": value})
            | Q(**{f"{prefix}sku__icontains": value})
        )

    @strawberry_django.filter_field(description="true: quantity below the item's threshold.")
    def low_stock(self, info: Info, queryset: QuerySet, value: bool, prefix: str) -> Q:
        below = Q(**{f"{prefix}quantity__lt": F(f"{prefix}low_stock_threshold")})
        return below if value else ~below

    @strawberry_django.filter_field(description="Items of this owner. Superuser only.")
    def owner(self, info: Info, queryset: QuerySet, value: strawberry.ID, prefix: str) -> Q:
        if not rules.can_use_superuser_inputs(get_current_user(info)):
            raise Forbidden("Only a superuser may filter by owner.")
        return _matches_id(f"{prefix}owner_id", value)


@strawberry_django.order_type(
    InventoryItem, name="ItemOrder",
    description="One sort key of items (give one field per list element; id breaks ties).",
)
class ItemOrder:
    name: auto = strawberry_django.order_field(description="By name.")
    price: auto = strawberry_django.order_field(description="By price.")
    quantity: auto = strawberry_django.order_field(description="By quantity.")
    category: auto = strawberry_django.order_field(description="By category.")
    date_added: auto = strawberry_django.order_field(description="By creation time.")
    last_updated: auto = strawberry_django.order_field(description="By the last edit.")


@strawberry_django.filter_type(
    ItemChange, name="ItemChangeFilter", description="Narrows the log entries in scope."
)
class ItemChangeFilter:
    reason: StockChangeReason | None = strawberry_django.filter_field(
        description="Entries with this reason."
    )
    timestamp: strawberry_django.ComparisonFilterLookup[datetime] | None = (
        strawberry_django.filter_field(description="When the change was committed.")
    )

    @strawberry_django.filter_field(description="Entries of this item.")
    def item(self, info: Info, queryset: QuerySet, value: strawberry.ID, prefix: str) -> Q:
        return _matches_id(f"{prefix}item_id", value)

    @strawberry_django.filter_field(description="Entries made by this user.")
    def user(self, info: Info, queryset: QuerySet, value: strawberry.ID, prefix: str) -> Q:
        return _matches_id(f"{prefix}user_id", value)


@strawberry_django.order_type(
    ItemChange, name="ItemChangeOrder", description="One sort key of log entries."
)
class ItemChangeOrder:
    timestamp: auto = strawberry_django.order_field(description="By commit time.")
