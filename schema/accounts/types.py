import strawberry
import strawberry_django
from strawberry import auto
from strawberry.scalars import JSON

from accounts.models import Role as RoleChoices
from accounts.models import User
from accounts.selectors import users_in_scope
from schema.base import ScopedType
from schema.fields import ModelField, column

Role = strawberry.enum(RoleChoices, name="Role", description="What an account does.")


@strawberry_django.type(
    User, name="User", field_cls=ModelField,
    description="An account. An OWNER keeps stock; a WORKER records stock changes for its "
    "employer.",
)
class UserType(ScopedType):

    scope = staticmethod(users_in_scope)
    default_order = ("username", "id")

    id: strawberry.ID = column("The user's id.")
    username: auto = column("Unique, ignoring case.")
    email: auto = column("Unique, ignoring case.")
    role: Role = column("OWNER or WORKER; does not limit a superuser.")
    is_active: auto = column("Only active users can sign in.")
    is_superuser: auto = column("Superusers see and do everything.")
    employer: "UserType | None" = strawberry_django.field(
        description="The OWNER a WORKER works for; null for owners."
    )
    date_joined: auto = column("When the account was created.")


@strawberry.type(description="A fresh access token and refresh token.")
class TokenPayload:

    token: str = strawberry.field(
        description="The access token: send it as `Authorization: JWT <token>`."
    )
    refresh_token: str = strawberry.field(
        description="Exchange it with `refreshToken` for a new pair."
    )
    refresh_expires_in: int = strawberry.field(
        description="When the refresh token expires (unix time)."
    )
    payload: JSON = strawberry.field(
        description="The access token's claims: {username, exp, origIat}."
    )
    user: UserType = strawberry.field(description="The signed-in user.")


@strawberry.type(description="The claims of a valid access token.")
class VerifyPayload:
    payload: JSON = strawberry.field(description="The token's claims: {username, exp, origIat}.")


@strawberry.type(description="A revoked refresh token.")
class RevokePayload:
    revoked: int = strawberry.field(description="When the refresh token was revoked (unix time).")


@strawberry.type(description="What a delete mutation removed.")
class DeletePayload:
    deleted_id: strawberry.ID = strawberry.field(description="The id of the deleted object.")
