"""Operation rights as strawberry-django permission extensions, over accounts.rules.

Each extension refuses before the resolver runs (so it holds for async
resolvers too) and raises the contract's error: UNAUTHENTICATED for no valid
user, FORBIDDEN for a role the rule does not allow. Row scope is applied by
the selectors and the types' get_queryset; rights that depend on the row
(e.g. a worker may change an item's quantity but not its name) are checked by
the services after scope, so that scope answers first (NOT_FOUND).
"""

from collections.abc import Callable
from typing import Any

from strawberry_django.permissions import DjangoPermissionExtension

from accounts import rules
from core.errors import Forbidden, Unauthenticated


def auth_error(info) -> Unauthenticated:
    """Why the request has no user: the refused token's error, or no token at all."""
    request = getattr(info.context, "request", None)
    return getattr(request, "auth_error", None) or Unauthenticated()


class IsActiveUser(DjangoPermissionExtension):
    """The caller must be an authenticated, active user."""

    def __init__(self) -> None:
        super().__init__(fail_silently=False, use_directives=False)

    def check(self, user) -> None:
        pass

    def resolve_for_user(self, resolver: Callable, user, *, info, source) -> Any:
        if not rules.is_active_user(user):
            raise auth_error(info)
        self.check(user)
        return resolver()


class RoleAllows(IsActiveUser):
    """The caller's role must satisfy rule (a predicate of accounts.rules)."""

    def __init__(self, rule: Callable[[Any], bool], message: str) -> None:
        super().__init__()
        self.rule = rule
        self.message = message

    def check(self, user) -> None:
        if not self.rule(user):
            raise Forbidden(self.message)
