import strawberry

from schema.accounts.types import Role


@strawberry.input
class RegisterInput:
    username: str
    email: str
    password: str


@strawberry.input
class CreateUserInput:
    username: str
    email: str
    password: str
    role: Role = Role.WORKER
    employer_id: strawberry.ID | None = strawberry.field(
        default=None, description="Superuser only; required when a superuser creates a WORKER."
    )


@strawberry.input
class UpdateUserInput:
    """Absent fields stay as they are."""

    email: str | None = strawberry.UNSET
    is_active: bool | None = strawberry.UNSET
    role: Role | None = strawberry.field(default=strawberry.UNSET, description="Superuser only.")
    employer_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET, description="Superuser only."
    )
