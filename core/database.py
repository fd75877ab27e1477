"""Which database failures mean "unavailable, retry shortly" rather than a bug.

A lost or refused connection, a pool that hands out none in time, and a lock wait
past lock_timeout all become ServiceUnavailable: nothing was applied. A statement
cancelled by statement_timeout is not one of them (QUERY_TOO_COMPLEX, schema.errors),
unless it was a lookup by key.
"""

from django.conf import settings
from django.db import InterfaceError, OperationalError

from core.errors import ServiceUnavailable

STATEMENT_TIMEOUT = "57014"  # query_canceled
LOCK_NOT_AVAILABLE = "55P03"


def sqlstate(exc: BaseException) -> str | None:
    cause = exc.__cause__
    return getattr(cause, "sqlstate", None) or getattr(cause, "pgcode", None)


def is_statement_timeout(exc: BaseException) -> bool:
    return isinstance(exc, OperationalError) and sqlstate(exc) == STATEMENT_TIMEOUT


def row_locked() -> ServiceUnavailable:
    """A write gave up waiting for a row another request holds."""
    return ServiceUnavailable(
        "The item is being changed by another request; nothing was applied. Try again.",
        retry_after=settings.DB_LOCK_RETRY_AFTER_SECONDS,
    )


def unavailable(exc: BaseException, *, by_key: bool = False) -> ServiceUnavailable | None:
    """The ServiceUnavailable a database failure means, or None if it means something else.

    by_key: the statement only looked a row up by its key, so the statement timeout means
    a database too slow (or paused) to answer, not a query too complex."""
    if isinstance(exc, ServiceUnavailable):
        return exc
    if not isinstance(exc, OperationalError | InterfaceError):
        return None
    code = sqlstate(exc)
    if code == STATEMENT_TIMEOUT and not by_key:
        return None
    if code == LOCK_NOT_AVAILABLE:
        return row_locked()
    return ServiceUnavailable(
        "The database is unavailable; nothing was applied. Try again shortly.",
        retry_after=settings.DB_RETRY_AFTER_SECONDS,
    )

