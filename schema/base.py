"""Row scope for every type, applied in one get_queryset (as NetBox does)."""

from collections.abc import Callable
from typing import ClassVar

from django.db.models import QuerySet
from strawberry_django.auth.utils import get_current_user


class ScopedType:
    """A Django type whose rows are limited to the viewer's scope.

    Subclasses set `scope = staticmethod(<selector taking (user, queryset)>)` and
    `default_order`, applied when the client gives no ordering (a client's
    ordering replaces it; schema.fields adds the id tie-break).
    """

    scope: ClassVar[Callable[..., QuerySet]]
    default_order: ClassVar[tuple[str, ...]] = ("id",)

    @classmethod
    def get_queryset(cls, queryset: QuerySet, info, **kwargs) -> QuerySet:
        return cls.scope(get_current_user(info), queryset).order_by(*cls.default_order)
