"""Translation between GraphQL values and service arguments."""

from dataclasses import fields
from enum import Enum

import strawberry
from django.db.models import QuerySet
from strawberry_django.auth.utils import get_current_user
from strawberry_django.optimizer import OptimizerConfig

from accounts import rules
from core.errors import NotFound
from core.ids import parse_id
from core.prepared import STAND_IN_ID, PreparedQueries
from core.sentinel import UNSET
from schema.base import ScopedType
from schema.optimizer import planned_optimize, selection_key


def plain(value):
    """Strawberry's UNSET becomes the services' UNSET; enums become their values."""
    if value is strawberry.UNSET:
        return UNSET
    if isinstance(value, Enum):
        return value.value
    return value


def input_kwargs(data) -> dict:
    """The fields of a strawberry input as service keyword arguments (absent ones UNSET)."""
    return {field.name: plain(getattr(data, field.name)) for field in fields(data)}


# For one row, a list field's prefetch (a window-function page per parent, built while
# planning) costs more than the field's own query when it resolves: the same count.
ONE_ROW = OptimizerConfig(enable_prefetch_related=False, enable_nested_relations_prefetch=False)


# item(id) and user(id) are asked for on every screen: their SQL is compiled once per
# (type, selection, viewer's scope) and connection (core.prepared), then run with the id.
_ONE_ROW_SQL = PreparedQueries()


def get_one(type_cls: type[ScopedType], id_value, info, *, what: str):
    """The row of that id in the viewer's scope (type_cls.scoped), optimized for the
    selection, or NotFound."""
    pk = parse_id(id_value, what=what)
    model = type_cls.__strawberry_django_definition__.model

    def build(key: int) -> QuerySet:
        queryset = type_cls.scoped(model._default_manager.all(), info).filter(pk=key)
        return planned_optimize(queryset, info, config=ONE_ROW)[:1]

    selection = selection_key(info)
    if selection is None:
        rows = list(build(pk))
    else:
        key = (type_cls, selection, rules.scope_key(get_current_user(info)))
        rows = _ONE_ROW_SQL.run(key, build, [STAND_IN_ID], [pk])
    if not rows:
        raise NotFound(f"{what} not found.")
    return rows[0]
