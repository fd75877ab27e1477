"""Translation between GraphQL values and service arguments."""

from dataclasses import fields
from enum import Enum

import strawberry
from django.db.models import QuerySet
from strawberry_django.optimizer import OptimizerConfig

from core.errors import NotFound
from core.ids import parse_id
from core.sentinel import UNSET
from schema.optimizer import planned_optimize


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


def get_one(queryset: QuerySet, id_value, info, *, what: str):
    """One row of an already scoped queryset, optimized for the selection, or NotFound."""
    pk = parse_id(id_value, what=what)
    obj = planned_optimize(queryset.filter(pk=pk), info, config=ONE_ROW).first()
    if obj is None:
        raise NotFound(f"{what} not found.")
    return obj
