"""Live stock: events from stock.events, each loaded through the subscriber's scope."""

from collections.abc import AsyncGenerator

import strawberry
from asgiref.sync import sync_to_async
from strawberry.types import Info

from accounts import rules
from accounts.models import User
from core.errors import NotFound, Unauthenticated
from core.ids import parse_id
from schema.stock.types import InventoryItemType, ItemChangeType
from stock import events
from stock.models import InventoryItem, ItemChange
from stock.selectors import changes_in_scope, items_in_scope

# Code the socket is closed with when the subscriber lost its access (contract: 4403).
ACCESS_ENDED = 4403


def _fresh_user(user_pk: int) -> User | None:
    """The subscriber as it is now: None once deactivated or deleted."""
    return User.objects.filter(pk=user_pk, is_active=True).first()


@sync_to_async
def _load_change(user_pk: int, change_id: int) -> tuple[User | None, ItemChange | None]:
    user = _fresh_user(user_pk)
    if user is None:
        return None, None
    change = (
        changes_in_scope(user).select_related("item", "user").filter(pk=change_id).first()
    )
    return user, change


@sync_to_async
def _load_item(user_pk: int, item_id: int) -> tuple[User | None, InventoryItem | None]:
    user = _fresh_user(user_pk)
    if user is None:
        return None, None
    return user, items_in_scope(user).select_related("owner").filter(pk=item_id).first()


@sync_to_async
def _item_in_scope(user: User, item_pk: int) -> bool:
    return items_in_scope(user).filter(pk=item_pk).exists()


def _subscriber(info: Info) -> User:
    user = info.context["ws"].scope.get("user")
    if not rules.is_active_user(user):
        raise Unauthenticated()
    return user


@strawberry.type
class StockSubscriptions:
    @strawberry.subscription
    async def stock_changes(
        self, info: Info, item_id: strawberry.ID | None = None
    ) -> AsyncGenerator[ItemChangeType, None]:
        """Every change of a quantity in your scope (creation, adjustment, edit, deletion),
        as it commits; with itemId, only that item's."""
        ws = info.context["ws"]
        user = _subscriber(info)
        item_pk = None
        if item_id is not None:
            item_pk = parse_id(item_id, what="Item")
            if not await _item_in_scope(user, item_pk):
                raise NotFound("Item not found.")
        async with ws.listen_to_channel(events.CHANGE, groups=events.groups_for(user)) as stream:
            async for message in stream:
                if item_pk is not None and message["item_id"] != item_pk:
                    continue
                user, change = await _load_change(user.pk, message["change_id"])
                if user is None:
                    await ws.close(code=ACCESS_ENDED)
                    return
                if change is not None:
                    yield change

    @strawberry.subscription
    async def low_stock_alerts(self, info: Info) -> AsyncGenerator[InventoryItemType, None]:
        """An item in your scope drops below its threshold (once, until it recovers)."""
        ws = info.context["ws"]
        user = _subscriber(info)
        async with ws.listen_to_channel(events.LOW_STOCK, groups=events.groups_for(user)) as s:
            async for message in s:
                user, item = await _load_item(user.pk, message["item_id"])
                if user is None:
                    await ws.close(code=ACCESS_ENDED)
                    return
                if item is not None:
                    yield item
