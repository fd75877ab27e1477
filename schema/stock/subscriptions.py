"""Live stock: events from stock.events.

The group an event arrives on is the subscriber's scope, so nothing is checked per
subscriber; each changed row is loaded once per process and shared by every
subscriber there (one query per change, not one per subscriber). A user whose access
ends gets a message on its own group, and its subscriptions close with 4403.

When the database or the channel layer fails under a subscription, the socket closes
with 1011 (the traceback goes to the log, nothing of it to the client); the client
reconnects and resumes with stockChanges(afterId:), which replays from the log.
"""

import asyncio
import logging
from collections import OrderedDict
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable
from typing import Annotated

import strawberry
from asgiref.sync import sync_to_async
from strawberry.types import Info

from accounts import rules
from accounts.models import User
from core import metrics
from core.errors import NotFound, ServiceError, ServiceUnavailable, Unauthenticated
from core.ids import parse_id
from schema.stock.types import InventoryItemType, ItemChangeType
from stock import events
from stock.models import InventoryItem, ItemChange
from stock.selectors import (
    chain_between,
    changes_in_scope,
    items_in_scope,
    last_change_pk,
    with_previous_pk,
)

logger = logging.getLogger("schema.stock.subscriptions")

ACCESS_ENDED = 4403  # the close code when the subscriber's access ends (contract)
SERVER_FAILED = 1011  # the server cannot go on: the database or the channel layer failed
REPLAY_BATCH = 500


class _SharedLoads:
    """One load per key for all subscribers of this process (a bounded recent cache)."""

    def __init__(self, load: Callable[..., Awaitable], size: int = 512) -> None:
        self.load = load
        self.size = size
        self.tasks: OrderedDict[tuple, asyncio.Task] = OrderedDict()

    async def get(self, pk: int, *key):
        task = self.tasks.get((pk, *key))
        if task is None or (task.done() and task.exception() is not None):
            task = asyncio.ensure_future(self.load(pk))
            key = (pk, *key)
            self.tasks[key] = task
            while len(self.tasks) > self.size:
                self.tasks.popitem(last=False)
        return await asyncio.shield(task)


_changes = _SharedLoads(sync_to_async(
    lambda pk: with_previous_pk(ItemChange.objects.select_related("item", "user"))
    .filter(pk=pk).first()))
_items = _SharedLoads(sync_to_async(
    lambda pk: InventoryItem.objects.select_related("owner").filter(pk=pk).first()))


@sync_to_async
def _item_in_scope(user: User, item_pk: int) -> bool:
    return items_in_scope(user).filter(pk=item_pk).exists()


@sync_to_async
def _replay_batch(user: User, item_pk: int | None, after_pk: int) -> list[ItemChange]:
    changes = with_previous_pk(changes_in_scope(user).select_related("item", "user")
                               .filter(pk__gt=after_pk))
    if item_pk is not None:
        changes = changes.filter(item_id=item_pk)
    return list(changes.order_by("pk")[:REPLAY_BATCH])


_chain_between = sync_to_async(chain_between)
_last_change_pk = sync_to_async(last_change_pk)


class _ChainOrder:
    """What one subscription has sent of each item's chain, so that an item's changes go
    out in chain order and once each, whatever order their events come in: two processes
    publish after their own commits, and a replay in batches can miss a change that
    commits between two batches. A change whose predecessor (above the floor: afterId, or
    the log's end when the subscription began) was not sent brings the missing ones first."""

    def __init__(self, user: User, floor: int) -> None:
        self.user, self.floor = user, floor
        self.sent: dict[int, int] = {}  # item id -> the last change id sent

    def sent_already(self, item_id: int | None, change_id: int) -> bool:
        """Sent before (e.g. as the predecessor of a later change)."""
        return item_id is not None and change_id <= self.sent.get(item_id, 0)

    async def in_order(self, change: ItemChange) -> list[ItemChange]:
        item = change.item_id
        if item is None:  # the item was deleted meanwhile: no chain to keep
            return [change]
        if self.sent_already(item, change.pk):
            return []
        lower = self.sent.get(item, self.floor)
        missing = []
        if change.previous_pk is not None and change.previous_pk > lower:
            missing = await _chain_between(self.user, item_id=item, after_pk=lower,
                                           before_pk=change.pk)
        self.sent[item] = change.pk
        return [*missing, change]


async def _replay(user: User, item_pk: int | None, after_pk: int) -> AsyncIterator[ItemChange]:
    """The log after after_pk in the user's scope (and of item_pk), oldest first."""
    while True:
        batch = await _replay_batch(user, item_pk, after_pk)
        for change in batch:
            yield change
        if len(batch) < REPLAY_BATCH:
            return
        after_pk = batch[-1].pk


async def _closing_on_failure(ws, stream: AsyncIterator) -> AsyncIterator:
    """Pass stream on; if the server fails under it, close the socket with 1011 rather
    than send the client an error that reads as its own fault."""
    metrics.SUBSCRIPTIONS_OPEN.inc()
    try:
        async for value in stream:
            yield value
    except ServiceError as exc:
        if not isinstance(exc, ServiceUnavailable):
            raise
        await _fail(ws, exc)
    except Exception as exc:  # noqa: BLE001 - the database or channel layer failed
        await _fail(ws, exc)
    finally:
        metrics.SUBSCRIPTIONS_OPEN.dec()


async def _fail(ws, exc: BaseException) -> None:
    logger.error("Subscription failed; closing its socket with 1011",
                 exc_info=(type(exc), exc, exc.__traceback__))
    metrics.SUBSCRIPTIONS_FAILED.inc()
    await ws.close(code=SERVER_FAILED)


def _subscriber(info: Info) -> User:
    user = info.context["ws"].scope.get("user")
    if not rules.is_active_user(user):
        raise Unauthenticated()
    return user


async def _change_stream(ws, user: User, item_pk: int | None, after_pk: int | None):
    if item_pk is not None and not await _item_in_scope(user, item_pk):
        raise NotFound("Item not found.")
    # Listen first, then replay: a change that commits meanwhile arrives live, and
    # one already replayed is not sent again.
    async with ws.listen_to_channel(events.CHANGE, groups=events.groups_for(user)) as stream:
        order = _ChainOrder(user, after_pk if after_pk is not None else await _last_change_pk())
        if after_pk is not None:
            async for replayed in _replay(user, item_pk, after_pk):
                for change in await order.in_order(replayed):
                    yield change
        async for message in stream:
            if message.get("access_ended"):
                await ws.close(code=ACCESS_ENDED)
                return
            if item_pk is not None and message["item_id"] != item_pk:
                continue
            if order.sent_already(message["item_id"], message["change_id"]):
                continue
            live = await _changes.get(message["change_id"])
            if live is not None:
                for change in await order.in_order(live):
                    yield change


async def _low_stock_stream(ws, user: User):
    async with ws.listen_to_channel(events.LOW_STOCK, groups=events.groups_for(user)) as s:
        async for message in s:
            if message.get("access_ended"):
                await ws.close(code=ACCESS_ENDED)
                return
            item = await _items.get(message["item_id"], message["alert_id"])
            if item is not None:
                yield item


@strawberry.type
class StockSubscriptions:
    @strawberry.subscription(description=(
        "Every change of a quantity in your scope (creation, adjustment, edit, deletion), "
        "as it commits; with itemId, only that item's. With afterId, the changes after it "
        "come first, oldest first, then live ones: none twice, none missed."
    ))
    async def stock_changes(
        self, info: Info,
        item_id: Annotated[strawberry.ID | None, strawberry.argument(
            description="Only this item's changes (NOT_FOUND if it is not in scope).")] = None,
        after_id: Annotated[strawberry.ID | None, strawberry.argument(
            description="The last change you saw: resume after it (e.g. after a 1011 close).",
        )] = None,
    ) -> AsyncGenerator[ItemChangeType, None]:
        ws = info.context["ws"]
        user = _subscriber(info)
        item_pk = None if item_id is None else parse_id(item_id, what="Item")
        after_pk = None if after_id is None else parse_id(after_id, what="Change")
        async for change in _closing_on_failure(ws, _change_stream(ws, user, item_pk, after_pk)):
            yield change

    @strawberry.subscription(description=(
        "An item in your scope drops below its threshold (once, until it recovers); "
        "deletions never alert."
    ))
    async def low_stock_alerts(self, info: Info) -> AsyncGenerator[InventoryItemType, None]:
        ws = info.context["ws"]
        user = _subscriber(info)
        async for item in _closing_on_failure(ws, _low_stock_stream(ws, user)):
            yield item
