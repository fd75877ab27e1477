import strawberry
import strawberry_django
from strawberry.types import Info

from schema.accounts.types import UserType
from schema.permissions import IsActiveUser


@strawberry.type
class AccountQueries:
    @strawberry_django.field(extensions=[IsActiveUser()])
    def me(self, info: Info) -> UserType | None:
        """The signed-in user."""
        return info.context.request.user
