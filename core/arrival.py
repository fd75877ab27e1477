"""When the request being served arrived (time.monotonic()), set by the HTTP bridge
before the request waits for a thread. The first bounded wait of a request (e.g. for an
item's row) counts from there, so time queued for a thread is part of it; later ones in
the same request (an admin action deleting many items) each get their whole bound."""

import time
from contextvars import ContextVar

_arrived: ContextVar[float | None] = ContextVar("request_arrived", default=None)


def mark_arrival() -> None:
    _arrived.set(time.monotonic())


def take_waited_seconds() -> float:
    """Seconds since the request arrived, the first time it is asked; 0 after that, and
    outside a request the bridge serves."""
    arrived = _arrived.get()
    if arrived is None:
        return 0.0
    _arrived.set(None)
    return time.monotonic() - arrived
