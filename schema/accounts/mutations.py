"""User mutations: thin wrappers over accounts.services."""

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
    @strawberry.mutation
    def register(self, input: RegisterInput) -> UserType:
        """Public sign-up of an OWNER account (FORBIDDEN when sign-up is closed)."""
        return services.user_register(**input_kwargs(input))

    @strawberry_django.mutation(
        handle_django_errors=False,
        extensions=[RoleAllows(rules.can_create_users, "Workers cannot create users.")],
    )
    def create_user(self, info: Info, input: CreateUserInput) -> UserType:
        """An owner creates its workers; a superuser creates any account."""
        return services.user_create(actor=get_current_user(info), **input_kwargs(input))

    @strawberry_django.mutation(handle_django_errors=False, extensions=[IsActiveUser()])
    def update_user(self, info: Info, id: strawberry.ID, input: UpdateUserInput) -> UserType:
        """Edit a user in scope; absent fields stay."""
        return services.user_update(actor=get_current_user(info), user_id=id,
                                    **input_kwargs(input))

    @strawberry_django.mutation(handle_django_errors=False, extensions=[IsActiveUser()])
    def change_password(self, info: Info, old_password: str, new_password: str) -> UserType:
        """Change your own password; your refresh tokens are revoked."""
        return services.user_change_password(
            user=get_current_user(info), old_password=old_password, new_password=new_password,
            address=client_address(info.context.request),
        )

    @strawberry_django.mutation(handle_django_errors=False, extensions=[IsActiveUser()])
    def delete_user(self, info: Info, id: strawberry.ID) -> DeletePayload:
        """Delete a user who owns no items and employs no one; its history stays."""
        deleted = services.user_delete(actor=get_current_user(info), user_id=id)
        return DeletePayload(deleted_id=strawberry.ID(str(deleted)))
