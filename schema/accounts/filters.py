import strawberry_django
from django.db.models import Q, QuerySet
from strawberry import auto
from strawberry.types import Info

from accounts.models import User
from schema.accounts.types import Role
from schema.lookups import TextLookup


@strawberry_django.filter_type(User, name="UserFilter")
class UserFilter:
    """Narrows users in scope."""

    username: TextLookup | None
    email: TextLookup | None
    role: Role | None
    is_active: auto

    @strawberry_django.filter_field(description="Case-insensitive match on username or email.")
    def search(self, info: Info, queryset: QuerySet, value: str, prefix: str) -> Q:
        return Q(**{f"{prefix}username__icontains": value}) | Q(
            **{f"{prefix}email__icontains": value}
        )


@strawberry_django.order_type(User, name="UserOrder")
class UserOrder:
    username: auto
    date_joined: auto
