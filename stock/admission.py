"""One hot item must not take every database connection.

A write to one item waits for its row lock while holding a pooled connection and an HTTP
thread. Within a process at most DB_ITEM_MAX_WAITERS requests go to the database for the
same item at once; the others wait here for their turn in arrival order, at most as long
as the lock timeout, then answer SERVICE_UNAVAILABLE. While the item is held (no write to
it has completed for STUCK_AFTER_SECONDS), at most DB_ITEM_MAX_QUEUE wait, and any more
answer at once, those that queued before it was held included: other items (and reads)
keep threads and connections. The wait counts from the
request's arrival for its first item write (core.arrival): time spent queued for an HTTP
thread is part of it.
"""

import threading
import time
from collections import deque
from contextlib import contextmanager

from django.conf import settings
from django.db import OperationalError, connection, transaction

from core.arrival import take_waited_seconds
from core.database import is_statement_timeout, row_locked
from core.errors import ServiceUnavailable

# An item none of whose writes completed for this long is held (a long lock): past its
# queue, a write to it is refused at once instead of taking a thread for the lock timeout.
STUCK_AFTER_SECONDS = 0.25


class _Item:
    """The writes of one item in this process: how many are in the database, those
    waiting for their turn (in arrival order, each woken by its own condition) and when
    a write to it last completed."""

    __slots__ = ("in_database", "progress", "waiting")

    def __init__(self) -> None:
        self.in_database = 0
        self.waiting: deque[threading.Condition] = deque()
        self.progress = time.monotonic()

    def held_for(self, now: float) -> float:
        """Seconds until this item counts as held (negative once it does)."""
        return self.progress + STUCK_AFTER_SECONDS - now

    def wake_first(self) -> None:
        """Under _lock: a slot may be free or the line moved; the first in it looks."""
        if self.waiting and self.in_database < settings.DB_ITEM_MAX_WAITERS:
            self.waiting[0].notify()


_lock = threading.Lock()
_items: dict[int, _Item] = {}


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
    """Hold one of the item's DB_ITEM_MAX_WAITERS slots for the block (a write to that
    item), waiting for it in arrival order until deadline (time.monotonic(); by default
    the lock timeout from now). Once the item is held, a waiter past the first
    DB_ITEM_MAX_QUEUE gives up at once: one that queued while the item still moved
    frees its thread then, not at its deadline."""
    if deadline is None:
        deadline = time.monotonic() + settings.DB_LOCK_TIMEOUT_MS / 1000
    ticket = threading.Condition(_lock)
    with _lock:
        item = _items.get(item_pk)
        if item is None:
            item = _items[item_pk] = _Item()
        item.waiting.append(ticket)
        try:
            _wait_for_turn(item, ticket, deadline)
        except BaseException:
            item.waiting.remove(ticket)
            item.wake_first()
            _forget_if_idle(item_pk, item)
            raise
        item.waiting.popleft()
        item.in_database += 1
        item.wake_first()
    completed = False
    try:
        yield
        completed = True
    finally:
        with _lock:
            item.in_database -= 1
            if completed:
                item.progress = time.monotonic()
            item.wake_first()
            _forget_if_idle(item_pk, item)


def _wait_for_turn(item: _Item, ticket: threading.Condition, deadline: float) -> None:
    """Under _lock: return once ticket is first in line and a slot is free."""
    while not (item.waiting[0] is ticket and item.in_database < settings.DB_ITEM_MAX_WAITERS):
        now = time.monotonic()
        until_held = item.held_for(now)
        if until_held <= 0 and item.waiting.index(ticket) >= settings.DB_ITEM_MAX_QUEUE:
            raise _busy()
        remaining = deadline - now
        if remaining <= 0:
            raise _busy()
        # Woken when first in line and a slot frees, or when the item would count as held.
        ticket.wait(remaining if until_held <= 0 else min(remaining, until_held + 0.001))


def _forget_if_idle(item_pk: int, item: _Item) -> None:
    if not item.in_database and not item.waiting and _items.get(item_pk) is item:
        del _items[item_pk]
