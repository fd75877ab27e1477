"""One hot item must not take every database connection.

A write to one item waits for its row lock while holding a pooled connection and an HTTP
thread. Within a process at most DB_ITEM_MAX_WAITERS requests go to the database for the
same item at once; the others wait here for their turn, at most as long as the lock
timeout, then answer SERVICE_UNAVAILABLE. While the item is held (no write to it has
completed for STUCK_AFTER_SECONDS), at most DB_ITEM_MAX_QUEUE wait, and any more answer
at once: other items (and reads) keep threads and connections. The wait counts from the
request's arrival for its first item write (core.arrival): time spent queued for an HTTP
thread is part of it.
"""

import threading
import time
from collections import defaultdict
from contextlib import contextmanager

from django.conf import settings
from django.db import OperationalError, connection, transaction

from core.arrival import take_waited_seconds
from core.database import is_statement_timeout, row_locked
from core.errors import ServiceUnavailable

_lock = threading.Lock()
_slots: dict[int, threading.BoundedSemaphore] = {}
_users: dict[int, int] = defaultdict(int)
_progress: dict[int, float] = {}  # item -> when a write to it last completed (or was first)
# An item none of whose writes completed for this long is held (a long lock): past its
# queue, a write to it is refused at once instead of taking a thread for the lock timeout.
STUCK_AFTER_SECONDS = 0.25


def _busy() -> ServiceUnavailable:
    return ServiceUnavailable(
        "The item is being changed by many requests at once; nothing was applied. Try again.",
        retry_after=settings.DB_LOCK_RETRY_AFTER_SECONDS,
    )


# A statement of an item's write may run this much past the lock budget (the row
# lock itself is bounded by it), so a slow machine does not cancel its INSERT or COMMIT.
STATEMENT_GRACE_MS = 300


@contextmanager
def item_transaction(item_pk: int):
    """A transaction for a write to one item, in one of its slots. The whole wait (for a
    thread, the slot and the row) stays within the lock timeout. On PostgreSQL the rest
    of it bounds each statement too: lock_timeout counts each lock wait anew, and a write
    queued behind another waiter waits twice (for the tuple lock, then for the holder)."""
    started = time.monotonic() - take_waited_seconds()
    deadline = started + settings.DB_LOCK_TIMEOUT_MS / 1000
    try:
        with item_slot(item_pk, deadline=deadline), transaction.atomic():
            if connection.vendor == "postgresql":
                waited_ms = int((time.monotonic() - started) * 1000)
                remaining = max(10, settings.DB_LOCK_TIMEOUT_MS - waited_ms)
                with connection.cursor() as cursor:
                    cursor.execute("SELECT set_config('lock_timeout', %s, true), "
                                   "set_config('statement_timeout', %s, true)",
                                   [str(remaining), str(remaining + STATEMENT_GRACE_MS)])
            yield
    except OperationalError as exc:
        if is_statement_timeout(exc):
            raise row_locked() from exc
        raise


@contextmanager
def item_slot(item_pk: int, *, deadline: float | None = None):
    """Hold one of the item's slots for the block (a write to that item), waiting for it
    until deadline (time.monotonic(); by default the lock timeout from now)."""
    with _lock:
        slots = _slots.get(item_pk)
        if slots is None:
            slots = _slots[item_pk] = threading.BoundedSemaphore(settings.DB_ITEM_MAX_WAITERS)
            _progress[item_pk] = time.monotonic()
        _users[item_pk] += 1
        full = (_users[item_pk] > settings.DB_ITEM_MAX_WAITERS + settings.DB_ITEM_MAX_QUEUE
                and time.monotonic() - _progress[item_pk] > STUCK_AFTER_SECONDS)
    try:
        if full:
            raise _busy()
        if deadline is None:
            deadline = time.monotonic() + settings.DB_LOCK_TIMEOUT_MS / 1000
        if not slots.acquire(timeout=max(0.0, deadline - time.monotonic())):
            raise _busy()
        try:
            yield
            _progress[item_pk] = time.monotonic()
        finally:
            slots.release()
    finally:
        with _lock:
            _users[item_pk] -= 1
            if not _users[item_pk]:
                del _users[item_pk], _slots[item_pk], _progress[item_pk]
