"""The role table (docs/api.md, Who may do what), in one place.

Scope (which rows a user can see at all) lives in the selectors, built on
scope_owner_id; the predicates here say what a user may do with rows in scope.
Services enforce them; the GraphQL permission extensions ask them too, to
refuse an operation before it runs.
"""

from accounts.models import Role, User


def is_active_user(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def scope_owner_id(user: User) -> int | None:
    """The owner whose stock the user works with; None for a superuser (everything)."""
    if user.is_superuser:
        return None
    if user.role == Role.WORKER:
        return user.employer_id
    return user.pk


def scope_key(user) -> tuple:
    """Everything of user the scope selectors (accounts.selectors.users_in_scope,
    stock.selectors.items_in_scope / changes_in_scope) read: requests with the same key
    see the same rows. schema.convert.get_one keeps compiled SQL by it, so a selector
    that comes to read anything else of the user must add it here."""
    if not is_active_user(user):
        return (False,)
    return (True, user.pk, user.role, user.employer_id, user.is_superuser)


# Items --------------------------------------------------------------------------

def can_create_items(user: User) -> bool:
    return user.is_superuser or user.role == Role.OWNER


def can_edit_items(user: User) -> bool:
    """Edit an in-scope item's fields, or delete it."""
    return user.is_superuser or user.role == Role.OWNER


def can_change_quantity(user: User) -> bool:
    """Every role may change the quantity of items in its scope."""
    return is_active_user(user)


def can_set_item_owner(user: User) -> bool:
    return user.is_superuser


# Users --------------------------------------------------------------------------

def can_create_users(user: User) -> bool:
    return user.is_superuser or user.role == Role.OWNER


def can_use_superuser_inputs(user: User) -> bool:
    """role, employerId and ownerId are superuser-only inputs."""
    return user.is_superuser


def editable_user_fields(actor: User, target: User) -> frozenset[str]:
    """The fields of an in-scope user that actor may edit (password via change_password)."""
    if actor.is_superuser:
        return frozenset({"email", "is_active", "role", "employer"})
    if actor.pk == target.pk:
        return frozenset({"email"})
    if actor.role == Role.OWNER and target.employer_id == actor.pk:
        return frozenset({"email", "is_active"})
    return frozenset()


def user_visible_to(viewer: User, user: User) -> bool:
    """The same scope as accounts.selectors.users_in_scope, for a loaded user."""
    if not is_active_user(viewer):
        return False
    if viewer.is_superuser or user.pk == viewer.pk:
        return True
    if viewer.role == Role.WORKER:
        return user.pk == viewer.employer_id
    return user.employer_id == viewer.pk


def can_delete_user(actor: User, target: User) -> bool:
    if actor.is_superuser:
        return True
    return actor.role == Role.OWNER and target.employer_id == actor.pk
