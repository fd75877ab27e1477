"""A list of one parent's rows (an item's changes under item(id)) from SQL compiled once.

When a list field resolves for a single parent (nothing prefetched it), strawberry-django
builds its queryset (scope, order, pagination, the optimizer's plan) and Django compiles
it, on every request. Here that SQL is compiled once per (field, selection, viewer's
scope key, page) and connection (core.prepared) with a stand-in for the parent's key,
and run with the real one. Anything else takes the general path: a field with filters
or ordering given, a parent whose rows were prefetched, a document with directives, a
field resolved on the event loop (a subscription's).
"""

import asyncio

from django.db.models import Model
from django.db.models.fields.related_descriptors import ReverseManyToOneDescriptor
from strawberry import UNSET
from strawberry_django.auth.utils import get_current_user

from accounts import rules
from core.prepared import STAND_IN_ID, PreparedQueries
from schema.optimizer import selection_key

_RELATED_SQL = PreparedQueries()


def in_event_loop() -> bool:
    """A subscription's fields resolve on the event loop: the general path takes the
    query to a thread there."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


def related_rows(field, source, info, kwargs: dict) -> list | None:
    """The rows field (a list field of ours) lists for source, or None to take the
    general path."""
    if (not field.is_list or field.is_paginated or field.is_connection
            or field.base_resolver is not None or not isinstance(source, Model)
            or in_event_loop()):
        return None
    descriptor = getattr(type(source), field.django_name or field.python_name, None)
    if not isinstance(descriptor, ReverseManyToOneDescriptor):
        return None
    remote = descriptor.rel.field  # the child's foreign key to source
    if remote.remote_field.cache_name in getattr(source, "_prefetched_objects_cache", {}):
        return None
    parent_key = getattr(source, remote.target_field.attname, None)
    if type(parent_key) is not int:
        return None
    arguments = {name: value for name, value in kwargs.items() if name != "info"}
    pagination = arguments.pop("pagination", None)
    if any(value is not None and value is not UNSET for value in arguments.values()):
        return None
    if (selection := selection_key(info)) is None:
        return None
    page = (None if pagination is None or pagination is UNSET
            else (pagination.offset, pagination.limit))
    model = remote.model

    def build(key: int):
        queryset = model._default_manager.filter(**{remote.attname: key})
        return field.get_queryset(queryset, info, pagination=pagination, **arguments)

    key = (field, selection, rules.scope_key(get_current_user(info)), page)
    rows = _RELATED_SQL.run(key, build, [STAND_IN_ID], [parent_key])
    for row in rows:  # as the related manager does: each row knows its parent
        if not remote.is_cached(row):
            remote.set_cached_value(row, source)
    return rows
