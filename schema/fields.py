"""The field class of every list and page in the schema: bounded, stably ordered."""

from functools import cached_property

import strawberry_django
from django.core.exceptions import FieldDoesNotExist
from django.db.models import FileField, QuerySet
from strawberry.types.arguments import StrawberryArgument
from strawberry_django.arguments import argument
from strawberry_django.fields.field import (
    StrawberryDjangoField,
    StrawberryOffsetPaginatedExtension,
)
from strawberry_django.optimizer import is_optimized_by_prefetching

from schema.base import ScopedType
from schema.pagination import checked_pagination
from schema.prepared_pages import PreparedOffsetPaginatedExtension
from schema.related_rows import related_rows


def _order_name(key) -> str | None:
    if isinstance(key, str):
        return key.lstrip("-")
    expression = getattr(key, "expression", None)
    return getattr(expression, "name", None)


def with_tie_break(queryset: QuerySet) -> QuerySet:
    """Append id to the ordering (in the direction of its last key) unless it is there:
    pages then never repeat or skip a row."""
    order = list(queryset.query.order_by)
    names = {_order_name(key) for key in order}
    if names & {"id", "pk"}:
        return queryset
    last = order[-1] if order else None
    descending = (isinstance(last, str) and last.startswith("-")) or getattr(
        last, "descending", False
    )
    return queryset.order_by(*order, "-id" if descending else "id")


class ApiField(StrawberryDjangoField):
    """Rows are limited to the viewer's scope (schema.base), pagination is always applied
    (default 20, at most 100, negatives refused), and every ordering ends with id."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.extensions = [
            PreparedOffsetPaginatedExtension()
            if type(extension) is StrawberryOffsetPaginatedExtension else extension
            for extension in self.extensions
        ]

    @property
    def arguments(self) -> list[StrawberryArgument]:
        # The contract's `ordering: [XOrder!]` is nullable (strawberry-django's is not).
        return [
            argument("ordering", list[self.get_ordering()], is_optional=True)
            if arg.python_name == "ordering" else arg
            for arg in super().arguments
        ]

    @arguments.setter
    def arguments(self, value: list[StrawberryArgument]):
        StrawberryDjangoField.arguments.fset(self, value)

    def get_queryset(self, queryset, info, *, pagination=None, **kwargs):
        if is_optimized_by_prefetching(queryset):
            return queryset
        if isinstance(self.django_type, type) and issubclass(self.django_type, ScopedType):
            queryset = self.django_type.scoped(queryset, info)
        if self.get_pagination() is not None and (self.is_list or self.is_paginated):
            pagination = checked_pagination(pagination)
        queryset = super().get_queryset(queryset, info, pagination=pagination, **kwargs)
        if self.is_paginated:
            queryset = with_tie_break(queryset)
        return queryset

    def get_result(self, source, info, args, kwargs):
        rows = related_rows(self, source, info, kwargs)
        return super().get_result(source, info, args, kwargs) if rows is None else rows

    def apply_pagination(self, queryset, pagination=None, *, related_field_id=None):
        if self.is_list:
            queryset = with_tie_break(queryset)
        return super().apply_pagination(queryset, pagination, related_field_id=related_field_id)


def model_field_of(field: StrawberryDjangoField):
    """The model field a resolver-less field of a Django type reads, or None."""
    definition = field.origin_django_type
    if field.base_resolver is not None or definition is None:
        return None
    try:
        return definition.model._meta.get_field(field.django_name or field.python_name)
    except FieldDoesNotExist:
        return None


def plain_column(field: StrawberryDjangoField) -> str | None:
    """The column a field reads as it is stored (no relation, no file wrapper), or None."""
    model_field = model_field_of(field)
    if (model_field is None or not model_field.concrete or model_field.is_relation
            or isinstance(model_field, FileField)):
        return None
    return model_field.attname


class ModelField(StrawberryDjangoField):
    """The field class of our Django types: a plain column is read straight from the row.

    strawberry-django's general path (descriptor checks, a closure, the queryset hook)
    costs ~25 µs a field, and a 100-row page has hundreds of fields. Relations,
    deferred columns and custom resolvers still take that path.
    """

    @cached_property
    def _column(self) -> str | None:
        return plain_column(self)

    def get_result(self, source, info, args, kwargs):
        column = self._column
        if column is not None and source is not None:
            try:
                return source.__dict__[column]
            except KeyError:  # deferred: let strawberry-django load it
                pass
        return super().get_result(source, info, args, kwargs)


def column(description: str):
    """A described plain column of a Django type, on ModelField's fast path (a field
    declared with strawberry_django.field would otherwise get the general one)."""
    return strawberry_django.field(field_cls=ModelField, description=description)
