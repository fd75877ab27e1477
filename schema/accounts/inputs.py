import strawberry

from schema.accounts.types import Role

_USERNAME = "Unique ignoring case; trimmed."
_EMAIL = "A valid address, unique ignoring case; trimmed."
_PASSWORD = "Must pass the server's password validators; not trimmed."


@strawberry.input(description="A public sign-up: the new account is an OWNER.")
class RegisterInput:
    username: str = strawberry.field(description=_USERNAME)
    email: str = strawberry.field(description=_EMAIL)
    password: str = strawberry.field(description=_PASSWORD)


@strawberry.input(description="A new account, made by an owner (a WORKER) or a superuser.")
class CreateUserInput:
    username: str = strawberry.field(description=_USERNAME)
    email: str = strawberry.field(description=_EMAIL)
    password: str = strawberry.field(description=_PASSWORD)
    role: Role = strawberry.field(
        default=Role.WORKER, description="Superuser only (an owner creates WORKER accounts)."
    )
    employer_id: strawberry.ID | None = strawberry.field(
        default=None, description="Superuser only; required when a superuser creates a WORKER."
    )


@strawberry.input(description="Changes to a user; absent fields stay as they are.")
class UpdateUserInput:
    email: str | None = strawberry.field(default=strawberry.UNSET, description=_EMAIL)
    is_active: bool | None = strawberry.field(
        default=strawberry.UNSET,
        description="false ends every token and subscription of the user at once.",
    )
    role: Role | None = strawberry.field(default=strawberry.UNSET, description="Superuser only.")
    employer_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET, description="Superuser only."
    )
