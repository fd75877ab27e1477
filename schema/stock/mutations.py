"""Stock mutations: thin wrappers over stock.services."""

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
    )
    def create_item(self, info: Info, input: CreateItemInput) -> InventoryItemType:
        """Create an item; its INITIAL quantity is logged."""
        return services.item_create(actor=get_current_user(info), **input_kwargs(input))

    @strawberry_django.mutation(handle_django_errors=False, extensions=[IsActiveUser()])
    def update_item(self, info: Info, id: strawberry.ID, input: UpdateItemInput
                    ) -> InventoryItemType:
        """Partial update. Workers may set the quantity only; a new quantity is logged."""
        return services.item_update(actor=get_current_user(info), item_id=id,
                                    **input_kwargs(input))

    # Rights are the service's, after scope: an item out of scope is NOT_FOUND for everyone.
    @strawberry_django.mutation(handle_django_errors=False, extensions=[IsActiveUser()])
    def delete_item(self, info: Info, id: strawberry.ID) -> DeletePayload:
        """Delete an item; its history stays, ending with a DELETED entry."""
        deleted = services.item_delete(actor=get_current_user(info), item_id=id)
        return DeletePayload(deleted_id=strawberry.ID(str(deleted)))

    @strawberry_django.mutation(handle_django_errors=False, extensions=[IsActiveUser()])
    def adjust_stock(self, info: Info, input: AdjustStockInput) -> ItemChangeType:
        """Add delta to an item's quantity atomically and log it."""
        return services.stock_adjust(actor=get_current_user(info), **input_kwargs(input))
