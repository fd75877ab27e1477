"""Live stock: events from stock.events.

The group an event arrives on is the subscriber's scope, so nothing is checked per
subscriber; each changed row is loaded once per process and shared by every
subscriber there (one query per change, not one per subscriber). A user whose access
ends gets a message on its own group, and its subscriptions close with 4403.
"""

import asyncio
from collections import OrderedDict
from collections.abc import AsyncGenerator, Awaitable, Callable
from typing import Annotated

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
from stock.selectors import items_in_scope

ACCESS_ENDED = 4403  # the close code when the subscriber's access ends (contract)


class _SharedLoads:
    """One load per key for all subscribers of this process (a bounded recent cache)."""

    def __init__(self, load: Callable[..., Awaitable], size: int = 512) -> None:
        self.load = load
        self.size = size
        self.tasks: OrderedDict[tuple, asyncio.Task] = OrderedDict()

    async def get(self, pk: int, *key):
        task = self.tasks.get((pk, *key))
        if task is None:
            task = asyncio.ensure_future(self.load(pk))
            key = (pk, *key)
            self.tasks[key] = task
            while len(self.tasks) > self.size:
                self.tasks.popitem(last=False)
        return await asyncio.shield(task)


_changes = _SharedLoads(sync_to_async(
    lambda pk: ItemChange.objects.select_related("item", "user").filter(pk=pk).first()))
_items = _SharedLoads(sync_to_async(
    lambda pk: InventoryItem.objects.select_related("owner").filter(pk=pk).first()))


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
    @strawberry.subscription(description=(
        "Every change of a quantity in your scope (creation, adjustment, edit, deletion), "
        "as it commits; with itemId, only that item's."
    ))
    async def stock_changes(
        self, info: Info,
        item_id: Annotated[strawberry.ID | None, strawberry.argument(
            description="Only this item's changes (NOT_FOUND if it is not in scope).")] = None,
    ) -> AsyncGenerator[ItemChangeType, None]:
        ws = info.context["ws"]
        user = _subscriber(info)
        item_pk = None
        if item_id is not None:
            item_pk = parse_id(item_id, what="Item")
            if not await _item_in_scope(user, item_pk):
                raise NotFound("Item not found.")
        async with ws.listen_to_channel(events.CHANGE, groups=events.groups_for(user)) as stream:
            async for message in stream:
                if message.get("access_ended"):
                    await ws.close(code=ACCESS_ENDED)
                    return
                if item_pk is not None and message["item_id"] != item_pk:
                    continue
                change = await _changes.get(message["change_id"])
                if change is not None:
                    yield change

    @strawberry.subscription(description=(
        "An item in your scope drops below its threshold (once, until it recovers); "
        "deletions never alert."
    ))
    async def low_stock_alerts(self, info: Info) -> AsyncGenerator[InventoryItemType, None]:
        ws = info.context["ws"]
        user = _subscriber(info)
        async with ws.listen_to_channel(events.LOW_STOCK, groups=events.groups_for(user)) as s:
            async for message in s:
                if message.get("access_ended"):
                    await ws.close(code=ACCESS_ENDED)
                    return
                item = await _items.get(message["item_id"], message["alert_id"])
                if item is not None:
                    yield item
