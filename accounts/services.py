"""Every write to accounts, with the rules of the role table (accounts.rules)."""

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError, Value
from django.db.models.functions import Lower

from accounts import rules, throttle
from accounts.models import Role, User
from accounts.selectors import owner_by_id, users_in_scope
from accounts.tokens import revoke_refresh_tokens
from core.cleaning import clean_text
from core.errors import Conflict, FieldErrors, Forbidden, InvalidInput, NotFound
from core.ids import parse_id
from core.sentinel import UNSET, Unset
from stock import events

USERNAME_MAX = 150
EMAIL_MAX = 254
PASSWORD_MAX = 4096
# A duplicate username trips either its case-insensitive constraint or the column's own
# unique index (PostgreSQL: accounts_user_username_key; SQLite names the column).
_USERNAME_CONSTRAINTS = ("accounts_user_username_ci_unique", "accounts_user_username_key",
                         "accounts_user.username")
_EMAIL_CONSTRAINT = "accounts_user_email_ci_unique"


def _clean_username(value: str) -> str:
    value = clean_text("username", value, max_length=USERNAME_MAX)
    try:
        UnicodeUsernameValidator()(value)
    except ValidationError as exc:
        raise InvalidInput({"username": exc.messages}) from None
    return value


def _clean_email(value: str) -> str:
    value = clean_text("email", value, max_length=EMAIL_MAX)
    try:
        validate_email(value)
    except ValidationError:
        raise InvalidInput.single("email", "Enter a valid email address.") from None
    return value


def _check_password(field: str, password: str, user: User) -> str:
    """Django's password validators; passwords are never trimmed."""
    if not isinstance(password, str) or "\x00" in password:
        raise InvalidInput.single(field, "Must not contain NUL characters.")
    if len(password) > PASSWORD_MAX:
        raise InvalidInput.single(
            field, f"Ensure this value has at most {PASSWORD_MAX} characters."
        )
    try:
        validate_password(password, user=user)
    except ValidationError as exc:
        raise InvalidInput({field: exc.messages}) from None
    return password


def _username_taken(username: str) -> bool:
    return User.objects.alias(u=Lower("username")).filter(u=Lower(Value(username))).exists()


def _email_taken(email: str, exclude_pk: int | None = None) -> bool:
    users = User.objects.alias(e=Lower("email")).filter(e=Lower(Value(email)))
    if exclude_pk is not None:
        users = users.exclude(pk=exclude_pk)
    return users.exists()


def _save(user: User) -> None:
    """Save; a concurrent duplicate username or email becomes a Conflict."""
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError as exc:
        if any(name in str(exc) for name in _USERNAME_CONSTRAINTS):
            raise Conflict("A user with that username already exists.") from exc
        if _EMAIL_CONSTRAINT in str(exc):
            raise Conflict("A user with that email already exists.") from exc
        raise


def _resolve_employer(employer_id: int | str) -> User:
    return owner_by_id(employer_id, field="employer_id", what="Employer")


def _create(*, username: str, email: str, password: str, role: str, employer: User | None) -> User:
    errors = FieldErrors()
    username = errors.check("username", _clean_username, username)
    email = errors.check("email", _clean_email, email)
    candidate = User(username=username or "", email=email or "", role=role, employer=employer)
    errors.check("password", _check_password, "password", password, candidate)
    errors.raise_if_any()

    if _username_taken(username):
        raise Conflict("A user with that username already exists.")
    if _email_taken(email):
        raise Conflict("A user with that email already exists.")
    candidate.set_password(password)
    _save(candidate)
    return candidate


def user_register(*, username: str, email: str, password: str) -> User:
    """Public sign-up of an OWNER account (refused when SIGNUP_OPEN is off)."""
    if not settings.SIGNUP_OPEN:
        raise Forbidden("Sign-up is closed.")
    return _create(username=username, email=email, password=password, role=Role.OWNER,
                   employer=None)


def user_create(
    *,
    actor: User,
    username: str,
    email: str,
    password: str,
    role: str = Role.WORKER,
    employer_id: int | str | None = None,
) -> User:
    """An owner creates its own workers; a superuser creates any account."""
    if not rules.can_create_users(actor):
        raise Forbidden("Workers cannot create users.")
    if not rules.can_use_superuser_inputs(actor):
        if employer_id is not None:
            raise Forbidden("Only a superuser may choose an employer.")
        if role != Role.WORKER:
            raise Forbidden("Owners may only create worker accounts.")
        return _create(username=username, email=email, password=password, role=Role.WORKER,
                       employer=actor)

    if role not in Role.values:
        raise InvalidInput.single("role", "Unknown role.")
    employer = None
    if role == Role.WORKER:
        if employer_id is None:
            raise InvalidInput.single("employer_id", "A worker needs an employer.")
        employer = _resolve_employer(employer_id)
    elif employer_id is not None:
        raise InvalidInput.single("employer_id", "An owner has no employer.")
    return _create(username=username, email=email, password=password, role=role,
                   employer=employer)


def _user_in_scope(actor: User, user_id: int | str, *, lock: bool = False) -> User:
    users = users_in_scope(actor)
    if lock:
        users = users.select_for_update()
    user = users.filter(pk=parse_id(user_id, what="User")).first()
    if user is None:
        raise NotFound("User not found.")
    return user


def end_sessions(user: User) -> None:
    """Deactivation, deletion or a new scope: revoke refresh tokens and close the user's
    open subscriptions once the transaction commits. Access tokens fail by themselves:
    every request re-reads the user."""
    revoke_refresh_tokens(user)
    events.announce_access_ended(user_id=user.pk)


def user_update(
    *,
    actor: User,
    user_id: int | str,
    email: str | Unset = UNSET,
    is_active: bool | Unset = UNSET,
    role: str | Unset = UNSET,
    employer_id: int | str | None | Unset = UNSET,
) -> User:
    """Edit an in-scope user. Deactivation revokes the user's refresh tokens."""
    with transaction.atomic():
        target = _user_in_scope(actor, user_id, lock=True)  # scope first: NOT_FOUND
        if (role is not UNSET or employer_id is not UNSET) and (
            not rules.can_use_superuser_inputs(actor)
        ):
            raise Forbidden("Only a superuser may change a role or an employer.")
        allowed = rules.editable_user_fields(actor, target)
        given = {
            name
            for name, value in (("email", email), ("is_active", is_active), ("role", role),
                                ("employer", employer_id))
            if value is not UNSET
        }
        if not allowed:
            raise Forbidden("You may not edit this user.")
        if given - allowed:
            raise Forbidden(f"You may not change: {', '.join(sorted(given - allowed))}.")

        errors = FieldErrors()
        if email is not UNSET:
            email = errors.check("email", _clean_email, email)
        if is_active is not UNSET and not isinstance(is_active, bool):
            errors.add("is_active", "Must be true or false.")
        if role is not UNSET and role not in Role.values:
            errors.add("role", "Unknown role.")
        errors.raise_if_any()

        scope_before = (target.role, target.employer_id)
        if role is not UNSET or employer_id is not UNSET:
            _apply_role(target, role, employer_id)
        if email is not UNSET and email != target.email:
            if _email_taken(email, exclude_pk=target.pk):
                raise Conflict("A user with that email already exists.")
            target.email = email
        deactivated = is_active is False and target.is_active
        if is_active is not UNSET:
            target.is_active = is_active
        _save(target)
        if deactivated or (target.role, target.employer_id) != scope_before:
            end_sessions(target)
    return target


def _apply_role(target: User, role: str | Unset, employer_id) -> None:
    new_role = target.role if role is UNSET else role
    if new_role == Role.OWNER:
        if employer_id not in (UNSET, None):
            raise InvalidInput.single("employer_id", "An owner has no employer.")
        target.role, target.employer = Role.OWNER, None
        return
    if employer_id is UNSET:
        if target.employer_id is None:
            raise InvalidInput.single("employer_id", "A worker needs an employer.")
        employer = target.employer
    elif employer_id is None:
        raise InvalidInput.single("employer_id", "A worker needs an employer.")
    else:
        employer = _resolve_employer(employer_id)
    if employer.pk == target.pk:
        raise InvalidInput.single("employer_id", "A user cannot employ itself.")
    if target.role == Role.OWNER:
        if target.items.exists():
            raise Conflict("This user still owns items.")
        if target.workers.exists():
            raise Conflict("This user still employs workers.")
    target.role, target.employer = Role.WORKER, employer


def user_change_password(
    *, user: User, old_password: str, new_password: str, address: str | None = None
) -> User:
    """Change the caller's own password; revokes all of its refresh tokens. A wrong
    old password counts as a failed login for the username (accounts.throttle)."""
    throttle.check_login_allowed(user.get_username(), address)
    if not isinstance(old_password, str) or not user.check_password(old_password):
        throttle.record_login_failure(user.get_username(), address)
        raise InvalidInput.single("old_password", "The current password is not correct.")
    _check_password("new_password", new_password, user)
    with transaction.atomic():
        user.set_password(new_password)
        user.save(update_fields=["password"])
        revoke_refresh_tokens(user)
    return user


def user_delete(*, actor: User, user_id: int | str) -> int:
    """Delete a user who owns no items and employs no one. Their change history stays."""
    with transaction.atomic():
        target = _user_in_scope(actor, user_id, lock=True)
        if not rules.can_delete_user(actor, target):
            raise Forbidden("You may not delete this user.")
        if target.items.exists():
            raise Conflict("This user still owns items; delete or reassign them first.")
        if target.workers.exists():
            raise Conflict("This user still employs workers; delete them first.")
        pk = target.pk
        events.announce_access_ended(user_id=pk)
        try:
            with transaction.atomic():
                target.delete()
        except ProtectedError as exc:  # an item or worker was added for it meanwhile
            raise Conflict("This user still owns items or employs workers.") from exc
    return pk
