from typing import Annotated

import strawberry
import strawberry_django
from strawberry.types import Info
from strawberry_django.auth.utils import get_current_user
from strawberry_django.pagination import OffsetPaginated

from schema.accounts.filters import UserFilter, UserOrder
from schema.accounts.types import UserType
from schema.convert import get_one
from schema.fields import ApiField
from schema.permissions import IsActiveUser


@strawberry.type
class AccountQueries:
    @strawberry_django.field(extensions=[IsActiveUser()], description="The signed-in user.")
    def me(self, info: Info) -> UserType | None:
        return get_current_user(info)

    @strawberry_django.field(
        extensions=[IsActiveUser()],
        description="One user in scope; NOT_FOUND for a missing id or one outside the scope.",
    )
    def user(
        self, info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The user's id.")],
    ) -> UserType | None:
        return get_one(UserType, id, info, what="User")

    users: OffsetPaginated[UserType] = strawberry_django.offset_paginated(
        field_cls=ApiField, filters=UserFilter, ordering=UserOrder,
        extensions=[IsActiveUser()],
        description="Users in scope (default order: username).",
    )
