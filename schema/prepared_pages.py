"""A root page (items, itemChanges, users) from SQL compiled once.

On every request strawberry-django builds a page's queryset (scope, filters, ordering,
pagination, the optimizer's plan) and Django compiles it twice, for the rows and for
totalCount: ~40% of a 20-row page's time. The SQL depends on nothing but the document
(filters written in it), the field's arguments (also from variables), the viewer's scope
key and the pagination settings; so per those and per connection (core.prepared) the
first request builds the queryset as before, and its page and count statements are kept
and run again by the next ones with the same key. What cannot be kept takes the general
path each time: a page with prefetches or annotations (core.prepared.Prepared), a count
that ran no statement or several, an argument value that is not plain data, a document
with directives, a page resolved on the event loop.
"""

import dataclasses
from collections.abc import Callable
from decimal import Decimal
from enum import Enum

import strawberry
from django.conf import settings
from django.db import connections
from django.db.models import QuerySet
from strawberry_django.auth.utils import get_current_user
from strawberry_django.fields.field import StrawberryOffsetPaginatedExtension
from strawberry_django.pagination import OffsetPaginationInput, apply

from accounts import rules
from core.prepared import Prepared, PreparedQueries, Statement, Unpreparable
from schema.optimizer import selection_key
from schema.pagination import checked_pagination
from schema.related_rows import in_event_loop

# ~10 KB an entry: at most 256 per connection (the pool's 12: ~30 MB at worst).
_PAGES = PreparedQueries(maxsize=256)
_PLAIN = (str, int, float, bool, type(None), Enum)


class _Unkeyable(TypeError):
    pass


def frozen(value):
    """A hashable value equal for equal argument values (strawberry inputs are
    dataclasses); _Unkeyable for anything else."""
    if isinstance(value, _PLAIN):
        return type(value), value
    if isinstance(value, Decimal):
        return Decimal, str(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return type(value), tuple(
            (field.name, frozen(getattr(value, field.name)))
            for field in dataclasses.fields(value))
    if isinstance(value, list | tuple):
        return tuple, tuple(frozen(item) for item in value)
    if value is strawberry.UNSET:
        return "UNSET"
    try:
        hash(value)
    except TypeError:
        raise _Unkeyable(type(value).__name__) from None
    if type(value).__eq__ is object.__eq__:  # identity: never equal across requests
        raise _Unkeyable(type(value).__name__)
    return type(value), value


class _Kept:
    """A key's page (Prepared) and count (Statement); None until known, False when it
    runs through the ORM each time."""

    __slots__ = ("count", "rows")

    def __init__(self) -> None:
        self.rows: Prepared | bool | None = None
        self.count: Statement | bool | None = None


class PreparedPageMixin:
    """The page object of a kept key: results and totalCount from the kept statements,
    the queryset built only when one of them is not kept yet (or cannot be)."""

    _kept: _Kept
    _build: Callable[[], QuerySet]
    _connection = None

    def _queryset(self) -> QuerySet:
        if self.queryset is None:
            self.queryset = self._build()
        return self.queryset

    def get_paginated_queryset(self):
        kept = self._kept
        if kept.rows is None:
            try:
                kept.rows = Prepared(apply(self.pagination, self._queryset()), [],
                                     self._connection)
            except Unpreparable:
                kept.rows = False
        if kept.rows is False:
            self._queryset()
            return super().get_paginated_queryset()
        return kept.rows.run(self._connection, [])

    def get_total_count(self) -> int:
        kept = self._kept
        if kept.count is None:
            self._queryset()
            total, statement = Statement.capture(super().get_total_count)
            kept.count = statement or False
            return total
        if kept.count is False:
            self._queryset()
            return super().get_total_count()
        return kept.count.first_value(self._connection) or 0


class PreparedOffsetPaginatedExtension(StrawberryOffsetPaginatedExtension):
    """strawberry-django's page extension, answering a root page of a kept key from its
    kept statements (module doc); everything else as strawberry-django does."""

    def apply(self, field) -> None:
        super().apply(field)
        base = self.paginated_type
        self.prepared_type = type(f"Prepared{base.__name__}", (PreparedPageMixin, base), {})

    def _key(self, source, info, arguments: dict):
        if source is not None or in_event_loop():
            return None
        if (selection := selection_key(info)) is None:
            return None
        try:
            values = frozen(sorted(arguments.items()))
        except _Unkeyable:
            return None
        return (self, selection, values, rules.scope_key(get_current_user(info)),
                frozen(sorted(getattr(settings, "STRAWBERRY_DJANGO", {}).items())))

    def resolve(self, next_, source, info, *, pagination=None, order=None, filters=None,
                **kwargs):
        arguments = {**kwargs, "pagination": pagination, "order": order, "filters": filters}
        key = self._key(source, info, arguments)
        if key is None:
            return super().resolve(next_, source, info, pagination=pagination, order=order,
                                   filters=filters, **kwargs)
        connection = connections["default"]
        fresh = []

        def make() -> _Kept:
            fresh.append(True)
            return _Kept()

        kept = _PAGES.entry(key, make, connection)

        def build() -> QuerySet:
            return next_(source, info, pagination=pagination, order=order, filters=filters,
                         **kwargs)

        # A new key builds its queryset now, so that its errors (a refused input) are
        # raised as strawberry-django raises them; it is kept only when that succeeded.
        queryset = None
        if fresh:
            try:
                queryset = build()
            except BaseException:
                _PAGES.discard(key, connection)
                raise
        elif pagination is not None:
            checked_pagination(pagination)  # as building it does: offset null is 0
        page = self.prepared_type(queryset=queryset,
                                  pagination=pagination or OffsetPaginationInput())
        page._kept, page._build, page._connection = kept, build, connection
        return page
