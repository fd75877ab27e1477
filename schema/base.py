"""Row scope, defined once per type (as NetBox does) and applied by schema.fields.ApiField
to every list and page, and by schema.convert.get_one to single lookups.

Relations need no scope of their own: whatever an in-scope row points to is in the
viewer's scope too (an item's owner, a user's employer, an item's changes), except the
user of a log entry, which ItemChangeType.user checks. Leaving get_queryset off the
types lets the optimizer join those relations instead of prefetching them.
"""

from collections.abc import Callable
from typing import ClassVar

from django.db.models import QuerySet
from strawberry_django.auth.utils import get_current_user


class ScopedType:
    """Subclasses set `scope = staticmethod(<selector taking (user, queryset)>)` and
    `default_order`, used when the client gives no ordering."""

    scope: ClassVar[Callable[..., QuerySet]]
    default_order: ClassVar[tuple[str, ...]] = ("id",)

    @classmethod
    def scoped(cls, queryset: QuerySet, info) -> QuerySet:
        return cls.scope(get_current_user(info), queryset).order_by(*cls.default_order)
