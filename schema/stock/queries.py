from typing import Annotated

import strawberry
import strawberry_django
from strawberry.types import Info
from strawberry_django.auth.utils import get_current_user
from strawberry_django.pagination import OffsetPaginated

from schema.convert import get_one
from schema.fields import ApiField
from schema.permissions import IsActiveUser
from schema.stock.filters import ItemChangeFilter, ItemChangeOrder, ItemFilter, ItemOrder
from schema.stock.types import CategorySummary, InventoryItemType, ItemChangeType
from stock.selectors import category_summaries


@strawberry.type
class StockQueries:
    @strawberry_django.field(
        extensions=[IsActiveUser()],
        description="One item in scope; NOT_FOUND for a missing id or one outside the scope.",
    )
    def item(
        self, info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The item's id.")],
    ) -> InventoryItemType | None:
        return get_one(InventoryItemType, id, info, what="Item")

    items: OffsetPaginated[InventoryItemType] = strawberry_django.offset_paginated(
        field_cls=ApiField, filters=ItemFilter, ordering=ItemOrder,
        extensions=[IsActiveUser()],
        description="Items in scope; newest first unless ordered.",
    )

    item_changes: OffsetPaginated[ItemChangeType] = strawberry_django.offset_paginated(
        field_cls=ApiField, filters=ItemChangeFilter, ordering=ItemChangeOrder,
        extensions=[IsActiveUser()],
        description="The change log in scope, also of deleted items; newest first.",
    )

    @strawberry_django.field(
        extensions=[IsActiveUser()],
        description="Per category of the items in scope (by the stored text): counts and totals.",
    )
    def categories(self, info: Info) -> list[CategorySummary]:
        return [CategorySummary(**row) for row in category_summaries(get_current_user(info))]
