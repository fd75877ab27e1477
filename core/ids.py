"""Ids as clients send them: a malformed id is indistinguishable from a missing one."""

from core.errors import NotFound

MAX_ID = 2**63 - 1


def parse_id(value: int | str | None, *, what: str = "Object") -> int:
    """Return the integer primary key in value, or raise NotFound."""
    if isinstance(value, bool):
        raise NotFound(f"{what} not found.")
    if isinstance(value, int):
        pk = value
    elif isinstance(value, str) and value.isascii() and value.isdigit():
        pk = int(value)
    else:
        raise NotFound(f"{what} not found.")
    if pk < 1 or pk > MAX_ID:
        raise NotFound(f"{what} not found.")
    return pk
