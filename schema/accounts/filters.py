import strawberry_django
from django.db.models import Q, QuerySet
from strawberry import auto
from strawberry.types import Info

from accounts.models import User
from schema.accounts.types import Role
from schema.lookups import TextLookup


@strawberry_django.filter_type(User, name="UserFilter", description="Narrows the users in scope.")
class UserFilter:
    username: TextLookup | None = strawberry_django.filter_field(description="The username.")
    email: TextLookup | None = strawberry_django.filter_field(description="The email address.")
    role: Role | None = strawberry_django.filter_field(description="Users with this role.")
    is_active: auto = strawberry_django.filter_field(description="Active or deactivated users.")

    @strawberry_django.filter_field(description="Case-insensitive match on username or email.")
    def search(self, info: Info, queryset: QuerySet, value: str, prefix: str) -> Q:
        return Q(**{f"{prefix}username__icontains": value}) | Q(
            **{f"{prefix}email__icontains": value}
        )


@strawberry_django.order_type(User, name="UserOrder", description="One sort key of users.")
class UserOrder:
    username: auto = strawberry_django.order_field(description="By username.")
    date_joined: auto = strawberry_django.order_field(description="By creation time.")
