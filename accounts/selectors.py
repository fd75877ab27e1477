"""Reads of accounts, always through the caller's scope."""

from django.db.models import Q, QuerySet

from accounts import rules
from accounts.models import Role, User
from core.errors import InvalidInput, NotFound
from core.ids import parse_id
from core.prepared import PreparedLookup


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


def owner_by_id(value, *, field: str, what: str) -> User:
    """The OWNER account a superuser names by id (an employer, an item's owner):
    NotFound for a missing or malformed id, InvalidInput on `field` for a non-owner."""
    user = User.objects.filter(pk=parse_id(value, what=what)).first()
    if user is None:
        raise NotFound(f"{what} not found.")
    if user.role != Role.OWNER:
        raise InvalidInput.single(field, f"The {what.lower()} must be an owner.")
    return user


# The user of every authenticated request: compiled once (core.prepared), read whole.
_BY_USERNAME = PreparedLookup(User.objects.by_natural_key, arity=1)


def user_by_username(username: str) -> User | None:
    """The user of that username in any case (usernames are unique ignoring case)."""
    return _BY_USERNAME.first(username)
