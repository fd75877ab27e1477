"""Reads of accounts, always through the caller's scope."""

from django.db.models import Q, QuerySet

from accounts import rules
from accounts.models import Role, User


def users_in_scope(user, users: QuerySet | None = None) -> QuerySet[User]:
    """Superuser: everyone. Owner: itself and its workers. Worker: itself and its employer."""
    users = User.objects.all() if users is None else users
    if not rules.is_active_user(user):
        return users.none()
    if user.is_superuser:
        return users
    if user.role == Role.WORKER:
        return users.filter(Q(pk=user.pk) | Q(pk=user.employer_id))
    return users.filter(Q(pk=user.pk) | Q(employer_id=user.pk))
