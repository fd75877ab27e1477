"""When the request being served arrived (time.monotonic()), set by the HTTP bridge
before the request waits for a thread: a bounded wait (e.g. for an item's row) counts
from there, so time queued for a thread is part of it."""

import time
from contextvars import ContextVar

_arrived: ContextVar[float | None] = ContextVar("request_arrived", default=None)


def mark_arrival() -> None:
    _arrived.set(time.monotonic())


def waited_seconds() -> float:
    """Seconds since the request arrived; 0 outside a request the bridge serves."""
    arrived = _arrived.get()
    return 0.0 if arrived is None else time.monotonic() - arrived
