"""Stock mutations: thin wrappers over stock.services."""

from typing import Annotated

import strawberry
import strawberry_django
from strawberry.types import Info
from strawberry_django.auth.utils import get_current_user

from accounts import rules
from schema.accounts.types import DeletePayload
from schema.convert import input_kwargs
from schema.permissions import IsActiveUser, RoleAllows
from schema.stock.inputs import AdjustStockInput, CreateItemInput, UpdateItemInput
from schema.stock.types import InventoryItemType, ItemChangeType
from stock import services


@strawberry.type
class StockMutations:
    @strawberry_django.mutation(
        handle_django_errors=False,
        extensions=[RoleAllows(rules.can_create_items, "Workers cannot create items.")],
        description=(
            "Create an item (owners and superusers); its quantity is logged as INITIAL. "
            "CONFLICT for a SKU the owner already uses."
        ),
    )
    def create_item(
        self, info: Info,
        input: Annotated[CreateItemInput, strawberry.argument(description="The new item.")],
    ) -> InventoryItemType:
        return services.item_create(actor=get_current_user(info), **input_kwargs(input))

    @strawberry_django.mutation(
        handle_django_errors=False, extensions=[IsActiveUser()],
        description=(
            "Partial update: absent fields stay, null clears sku. Workers may set the "
            "quantity only; a new quantity is logged (COUNT_CORRECTION unless a reason is given)."
        ),
    )
    def update_item(
        self, info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The item to edit.")],
        input: Annotated[UpdateItemInput, strawberry.argument(description="What changes.")],
    ) -> InventoryItemType:
        return services.item_update(actor=get_current_user(info), item_id=id,
                                    **input_kwargs(input))

    # Rights are the service's, after scope: an item out of scope is NOT_FOUND for everyone.
    @strawberry_django.mutation(
        handle_django_errors=False,
        extensions=[IsActiveUser()],
        description="Delete an item; its change log stays, ending with a DELETED entry.",
    )
    def delete_item(
        self, info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The item to delete.")],
    ) -> DeletePayload:
        deleted = services.item_delete(actor=get_current_user(info), item_id=id)
        return DeletePayload(deleted_id=strawberry.ID(str(deleted)))

    @strawberry_django.mutation(
        handle_django_errors=False, extensions=[IsActiveUser()],
        description=(
            "Add delta to an item's quantity atomically and log it. CONFLICT when the result "
            "would leave 0 … 2,147,483,647 or expectedQuantity differs; nothing is applied."
        ),
    )
    def adjust_stock(
        self, info: Info,
        input: Annotated[AdjustStockInput, strawberry.argument(description="The change.")],
    ) -> ItemChangeType:
        return services.stock_adjust(actor=get_current_user(info), **input_kwargs(input))
