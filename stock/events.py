"""Live events, sent to the channel layer once the transaction commits.

A rolled-back change is never announced, and a committed one once. A change goes to
the group of the item's owner (its owner and workers listen there) and to the
superusers' group, so the group a subscriber listens on is its scope. When a user's
access ends (deactivated, deleted, role or employer changed), a message to that
user's own group closes its subscriptions.
"""

import uuid
from functools import partial

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

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


def _send(messages: list[tuple[str, dict]]) -> None:
    layer = get_channel_layer()
    if layer is None:
        return

    async def send_all():  # one hop into the event loop for all (an import sends many)
        for group, message in messages:
            await layer.group_send(group, message)

    async_to_sync(send_all)()


def _on_commit(messages: list[tuple[str, dict]]) -> None:
    # robust: a broken channel layer is logged and never fails the committed write.
    transaction.on_commit(partial(_send, messages), robust=True)


def announce_change(*, change_id: int, item_id: int, owner_id: int) -> None:
    message = {"type": CHANGE, "change_id": change_id, "item_id": item_id}
    _on_commit([(owner_group(owner_id), message), (ALL_GROUP, message)])


def announce_low_stock(*, item_id: int, owner_id: int) -> None:
    # alert_id: subscribers share one load per alert, never a stale one of an earlier alert.
    message = {"type": LOW_STOCK, "item_id": item_id, "alert_id": uuid.uuid4().hex}
    _on_commit([(owner_group(owner_id), message), (ALL_GROUP, message)])


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
