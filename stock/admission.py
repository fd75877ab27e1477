"""One hot item must not take every database connection.

A write to one item waits for its row lock while holding a pooled connection. Within a
process at most DB_ITEM_MAX_WAITERS requests go to the database for the same item at
once; the others wait here, without a connection, at most as long as the lock timeout,
then answer SERVICE_UNAVAILABLE. Other items are not held up.
"""

import threading
import time
from collections import defaultdict
from contextlib import contextmanager

from django.conf import settings
from django.db import connection, transaction

from core.errors import ServiceUnavailable

_lock = threading.Lock()
_slots: dict[int, threading.BoundedSemaphore] = {}
_users: dict[int, int] = defaultdict(int)


def _busy() -> ServiceUnavailable:
    return ServiceUnavailable(
        "The item is being changed by many requests at once; nothing was applied. Try again.",
        retry_after=settings.DB_LOCK_RETRY_AFTER_SECONDS,
    )


# A wait for a slot up to this long is not taken off the lock timeout.
SLOT_WAIT_SLACK_MS = 20


@contextmanager
def item_transaction(item_pk: int):
    """A transaction for a write to one item, in one of its slots. Time spent waiting for
    the slot counts against the lock timeout: the whole wait stays within it."""
    with item_write(item_pk, one_statement=False):
        yield


@contextmanager
def item_write(item_pk: int, *, one_statement: bool):
    """A write to one item, in one of its slots. Yields True when the caller may write
    in ONE statement in autocommit (its own transaction, under the session's lock
    timeout): one_statement was asked and the slot came soon enough that the full
    timeout still applies. Otherwise yields False within item_transaction's
    transaction, whose lock timeout is what remains of the wait."""
    started = time.monotonic()
    with item_slot(item_pk):
        waited_ms = int((time.monotonic() - started) * 1000)
        if one_statement and waited_ms <= SLOT_WAIT_SLACK_MS:
            yield True
            return
        with transaction.atomic():
            if waited_ms > SLOT_WAIT_SLACK_MS and connection.vendor == "postgresql":
                remaining = max(10, settings.DB_LOCK_TIMEOUT_MS - waited_ms)
                with connection.cursor() as cursor:
                    cursor.execute(f"SET LOCAL lock_timeout = {remaining}")
            yield False


@contextmanager
def item_slot(item_pk: int):
    """Hold one of the item's slots for the block (a write to that item)."""
    with _lock:
        slots = _slots.get(item_pk)
        if slots is None:
            slots = _slots[item_pk] = threading.BoundedSemaphore(settings.DB_ITEM_MAX_WAITERS)
        _users[item_pk] += 1
    try:
        if not slots.acquire(timeout=settings.DB_LOCK_TIMEOUT_MS / 1000):
            raise _busy()
        try:
            yield
        finally:
            slots.release()
    finally:
        with _lock:
            _users[item_pk] -= 1
            if not _users[item_pk]:
                del _users[item_pk], _slots[item_pk]
