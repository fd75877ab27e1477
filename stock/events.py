"""Live events, sent to the channel layer once the transaction commits.

A rolled-back change is never announced, and a committed one once. Each event goes
to the group of the item's owner (its owner and workers listen there) and to the
superusers' group; subscribers load what they are sent through their own scope.
"""

import logging
from functools import partial

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

logger = logging.getLogger(__name__)

CHANGE = "stock.change"
LOW_STOCK = "stock.low"
ALL_GROUP = "stock.all"


def owner_group(owner_id: int) -> str:
    return f"stock.owner.{owner_id}"


def groups_for(user) -> list[str]:
    """The groups a user's subscriptions listen to."""
    from accounts import rules

    owner_id = rules.scope_owner_id(user)
    return [ALL_GROUP] if owner_id is None else [owner_group(owner_id)]


def _send(message: dict, owner_id: int) -> None:
    layer = get_channel_layer()
    if layer is None:
        return
    send = async_to_sync(layer.group_send)
    for group in (owner_group(owner_id), ALL_GROUP):
        send(group, message)


def announce_change(*, change_id: int, item_id: int | None, owner_id: int) -> None:
    message = {"type": CHANGE, "change_id": change_id, "item_id": item_id}
    # robust: a broken channel layer is logged and never fails the committed write.
    transaction.on_commit(partial(_send, message, owner_id), robust=True)


def announce_low_stock(*, item_id: int, owner_id: int) -> None:
    message = {"type": LOW_STOCK, "item_id": item_id}
    transaction.on_commit(partial(_send, message, owner_id), robust=True)
