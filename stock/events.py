"""Live events, sent to the channel layer once the transaction commits.

A rolled-back change is never announced, and a committed one once. A change goes to
the group of the item's owner (its owner and workers listen there) and to the
superusers' group, so the group a subscriber listens on is its scope. When a user's
access ends (deactivated, deleted, role or employer changed), a message to that
user's own group closes its subscriptions.
"""

import asyncio
import logging
import uuid

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.conf import settings
from django.db import transaction

from core import metrics

logger = logging.getLogger("stock.events")

CHANGE = "stock.change"
LOW_STOCK = "stock.low"
ALL_GROUP = "stock.all"


def owner_group(owner_id: int) -> str:
    return f"stock.owner.{owner_id}"


def user_group(user_id: int) -> str:
    return f"stock.user.{user_id}"


def groups_for(user) -> list[str]:
    """The groups a user's subscriptions listen to: its scope, and itself."""
    from accounts import rules

    owner_id = rules.scope_owner_id(user)
    scope = ALL_GROUP if owner_id is None else owner_group(owner_id)
    return [scope, user_group(user.pk)]


async def _send(layer, messages: list[tuple[str, dict]]) -> None:
    async with asyncio.timeout(settings.CHANNEL_PUBLISH_TIMEOUT_SECONDS):
        for group, message in messages:
            await layer.group_send(group, message)


def publish(messages: list[tuple[str, dict]]) -> None:
    """Send messages to their groups, bounded in time; never raises. A failure (the
    channel layer is down or too slow) is logged once and counted as lost events: the
    write that made them has committed and still answers success."""
    try:
        layer = get_channel_layer()
        if layer is None:
            return
        async_to_sync(_send)(layer, messages)
    except Exception as exc:  # noqa: BLE001 - a lost event must never fail a committed write
        metrics.EVENTS_LOST.inc(len(messages))
        logger.warning("Live events lost (%d messages, first to %s): %s: %s",
                       len(messages), messages[0][0], type(exc).__name__, exc)
    else:
        metrics.EVENTS_PUBLISHED.inc(len(messages))


def _on_commit(messages: list[tuple[str, dict]]) -> None:
    # A named function, not a functools.partial: Django's robust on_commit reads the
    # hook's __qualname__ when it logs a failure. publish itself never raises.
    def publish_after_commit() -> None:
        publish(messages)

    transaction.on_commit(publish_after_commit, robust=True)


def announce_change(*, change_id: int, item_id: int, owner_id: int) -> None:
    message = {"type": CHANGE, "change_id": change_id, "item_id": item_id}
    _on_commit([(owner_group(owner_id), message), (ALL_GROUP, message)])


def announce_low_stock(*, item_id: int, owner_id: int) -> None:
    announce_low_stocks([(item_id, owner_id)])


def announce_low_stocks(items: list[tuple[int, int]]) -> None:
    """announce_low_stock for many (item_id, owner_id) at once, in one hook."""
    messages = []
    for item_id, owner_id in items:
        # alert_id: subscribers share one load per alert, never a stale one of an earlier one.
        message = {"type": LOW_STOCK, "item_id": item_id, "alert_id": uuid.uuid4().hex}
        messages += [(owner_group(owner_id), message), (ALL_GROUP, message)]
    if messages:
        _on_commit(messages)


def announce_access_ended(*, user_id: int) -> None:
    """Close every open subscription of the user (both kinds listen on its group)."""
    group = user_group(user_id)
    _on_commit([(group, {"type": CHANGE, "access_ended": True}),
                (group, {"type": LOW_STOCK, "access_ended": True})])


def announce_changes(changes: list[tuple[int, int, int]]) -> None:
    """announce_change for many (change_id, item_id, owner_id) at once, in one hook."""
    messages = []
    for change_id, item_id, owner_id in changes:
        message = {"type": CHANGE, "change_id": change_id, "item_id": item_id}
        messages += [(owner_group(owner_id), message), (ALL_GROUP, message)]
    if messages:
        _on_commit(messages)
