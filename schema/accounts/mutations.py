"""User mutations: thin wrappers over accounts.services."""

from typing import Annotated

import strawberry
import strawberry_django
from strawberry.types import Info
from strawberry_django.auth.utils import get_current_user

from accounts import rules, services
from accounts.throttle import client_address
from schema.accounts.inputs import CreateUserInput, RegisterInput, UpdateUserInput
from schema.accounts.types import DeletePayload, UserType
from schema.convert import input_kwargs
from schema.permissions import IsActiveUser, RoleAllows


@strawberry.type
class AccountMutations:
    @strawberry.mutation(description=(
        "Public sign-up of an OWNER account; needs no token. FORBIDDEN when sign-up is "
        "closed (SIGNUP_OPEN=false); CONFLICT for a username or email already taken."
    ))
    def register(
        self, input: Annotated[RegisterInput, strawberry.argument(description="The account.")]
    ) -> UserType:
        return services.user_register(**input_kwargs(input))

    @strawberry_django.mutation(
        handle_django_errors=False,
        extensions=[RoleAllows(rules.can_create_users, "Workers cannot create users.")],
        description=(
            "Create an account: an owner creates WORKER accounts employed by itself; a "
            "superuser creates any account. FORBIDDEN for workers."
        ),
    )
    def create_user(
        self, info: Info,
        input: Annotated[CreateUserInput, strawberry.argument(description="The account.")],
    ) -> UserType:
        return services.user_create(actor=get_current_user(info), **input_kwargs(input))

    @strawberry_django.mutation(
        handle_django_errors=False, extensions=[IsActiveUser()],
        description=(
            "Edit a user in scope; absent fields stay. Owners edit themselves and their "
            "workers' email and isActive; workers edit their own email."
        ),
    )
    def update_user(
        self, info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The user to edit.")],
        input: Annotated[UpdateUserInput, strawberry.argument(description="What changes.")],
    ) -> UserType:
        return services.user_update(actor=get_current_user(info), user_id=id,
                                    **input_kwargs(input))

    @strawberry_django.mutation(
        handle_django_errors=False, extensions=[IsActiveUser()],
        description=(
            "Change your own password; your refresh tokens are revoked. A wrong oldPassword "
            "is BAD_USER_INPUT (fieldErrors.oldPassword) and counts as a failed login."
        ),
    )
    def change_password(
        self, info: Info,
        old_password: Annotated[str, strawberry.argument(description="The current password.")],
        new_password: Annotated[str, strawberry.argument(
            description="Must pass the server's password validators.")],
    ) -> UserType:
        return services.user_change_password(
            user=get_current_user(info), old_password=old_password, new_password=new_password,
            address=client_address(info.context.request),
        )

    @strawberry_django.mutation(
        handle_django_errors=False, extensions=[IsActiveUser()],
        description=(
            "Delete a user who owns no items and employs no one (CONFLICT otherwise); the "
            "change log keeps its username."
        ),
    )
    def delete_user(
        self, info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The user to delete.")],
    ) -> DeletePayload:
        deleted = services.user_delete(actor=get_current_user(info), user_id=id)
        return DeletePayload(deleted_id=strawberry.ID(str(deleted)))
