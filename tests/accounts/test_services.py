import pytest

from accounts import services
from accounts.models import RefreshToken, Role, User
from accounts.tokens import token_obtain
from core.errors import Conflict, Forbidden, InvalidInput, NotFound
from stock.models import ItemChange
from stock.services import stock_adjust
from tests.factories import PASSWORD, OwnerFactory, WorkerFactory, make_item

STRONG = "a-strong-pass-phrase-7"


def issue_refresh_token(user):
    return token_obtain(username=user.username, password=PASSWORD).refresh_token


# register -------------------------------------------------------------------------

def test_register_creates_a_trimmed_owner(db):
    user = services.user_register(username="  shopkeeper ", email=" shop@example.com ",
                                  password=STRONG)
    assert (user.username, user.email, user.role, user.employer) == (
        "shopkeeper", "shop@example.com", Role.OWNER, None)
    assert user.check_password(STRONG)


def test_register_refused_when_signup_closed(db, settings):
    settings.SIGNUP_OPEN = False
    with pytest.raises(Forbidden):
        services.user_register(username="x", email="x@example.com", password=STRONG)
    assert not User.objects.exists()


def test_register_duplicate_username_ignoring_case_is_conflict(owner):
    with pytest.raises(Conflict, match="username"):
        services.user_register(username=owner.username.upper(), email="new@example.com",
                               password=STRONG)


def test_register_duplicate_email_ignoring_case_is_conflict(owner):
    with pytest.raises(Conflict, match="email"):
        services.user_register(username="fresh", email=owner.email.upper(), password=STRONG)


def test_register_reports_every_bad_field(db):
    with pytest.raises(InvalidInput) as exc:
        services.user_register(username="   ", email="not-an-email", password="123")
    assert set(exc.value.field_errors) == {"username", "email", "password"}
    assert not User.objects.exists()


@pytest.mark.parametrize("field", ["username", "email", "password"])
def test_register_refuses_nul_characters(db, field):
    data = {"username": "nul", "email": "nul@example.com", "password": STRONG}
    data[field] = data[field][:2] + "\x00" + data[field][2:]
    with pytest.raises(InvalidInput) as exc:
        services.user_register(**data)
    assert field in exc.value.field_errors


# create ---------------------------------------------------------------------------

def test_owner_creates_worker_employed_by_itself(owner):
    user = services.user_create(actor=owner, username="w", email="w@example.com",
                                password=STRONG)
    assert user.role == Role.WORKER and user.employer == owner


def test_owner_may_not_create_owner_accounts(owner):
    with pytest.raises(Forbidden):
        services.user_create(actor=owner, username="o", email="o@example.com",
                             password=STRONG, role=Role.OWNER)


def test_owner_may_not_choose_an_employer(owner, other_owner):
    with pytest.raises(Forbidden):
        services.user_create(actor=owner, username="w", email="w@example.com",
                             password=STRONG, employer_id=other_owner.pk)


def test_worker_may_not_create_users(worker):
    with pytest.raises(Forbidden):
        services.user_create(actor=worker, username="w2", email="w2@example.com",
                             password=STRONG)


def test_superuser_creating_worker_needs_employer(superuser):
    with pytest.raises(InvalidInput) as exc:
        services.user_create(actor=superuser, username="w", email="w@example.com",
                             password=STRONG)
    assert "employer_id" in exc.value.field_errors


def test_superuser_employer_must_be_an_owner(superuser, worker):
    with pytest.raises(InvalidInput) as exc:
        services.user_create(actor=superuser, username="w", email="w@example.com",
                             password=STRONG, employer_id=worker.pk)
    assert "employer_id" in exc.value.field_errors


def test_superuser_missing_employer_is_not_found(superuser):
    with pytest.raises(NotFound):
        services.user_create(actor=superuser, username="w", email="w@example.com",
                             password=STRONG, employer_id="999999")


def test_superuser_creates_owner_and_worker(superuser, owner):
    new_owner = services.user_create(actor=superuser, username="o", email="o@example.com",
                                     password=STRONG, role=Role.OWNER)
    new_worker = services.user_create(actor=superuser, username="w", email="w@example.com",
                                      password=STRONG, employer_id=str(owner.pk))
    assert new_owner.role == Role.OWNER and new_owner.employer is None
    assert new_worker.employer == owner


# update ---------------------------------------------------------------------------

def test_owner_edits_own_workers_email_and_deactivates_it(owner, worker):
    issue_refresh_token(worker)
    services.user_update(actor=owner, user_id=worker.pk, email=" new@example.com ",
                         is_active=False)
    worker.refresh_from_db()
    assert worker.email == "new@example.com" and not worker.is_active
    assert not RefreshToken.objects.filter(user=worker, revoked__isnull=True).exists()


def test_owner_touching_another_owners_worker_is_not_found(other_owner, worker):
    with pytest.raises(NotFound):
        services.user_update(actor=other_owner, user_id=worker.pk, email="x@example.com")


def test_worker_editing_its_employer_is_forbidden(owner, worker):
    with pytest.raises(Forbidden):
        services.user_update(actor=worker, user_id=owner.pk, email="x@example.com")


def test_worker_edits_own_email_but_not_is_active(worker):
    services.user_update(actor=worker, user_id=worker.pk, email="me@example.com")
    with pytest.raises(Forbidden):
        services.user_update(actor=worker, user_id=worker.pk, is_active=False)


def test_role_and_employer_are_superuser_only(owner, worker):
    with pytest.raises(Forbidden):
        services.user_update(actor=owner, user_id=worker.pk, role=Role.OWNER)
    with pytest.raises(Forbidden):
        services.user_update(actor=owner, user_id=worker.pk, employer_id=owner.pk)


def test_superuser_promotes_worker_to_owner(superuser, worker):
    services.user_update(actor=superuser, user_id=worker.pk, role=Role.OWNER)
    worker.refresh_from_db()
    assert worker.role == Role.OWNER and worker.employer is None


def test_superuser_cannot_demote_owner_that_owns_items(superuser, owner):
    make_item(owner)
    boss = OwnerFactory()
    with pytest.raises(Conflict):
        services.user_update(actor=superuser, user_id=owner.pk, role=Role.WORKER,
                             employer_id=boss.pk)


def test_email_taken_ignoring_case_is_conflict(owner, worker):
    with pytest.raises(Conflict):
        services.user_update(actor=owner, user_id=worker.pk, email=owner.email.upper())


def test_malformed_user_id_is_not_found(owner):
    for bad in ["", "abc", "-1", "0", "1.5", "99999999999999999999999"]:
        with pytest.raises(NotFound):
            services.user_update(actor=owner, user_id=bad, email="x@example.com")


# password -------------------------------------------------------------------------

def test_change_password_with_wrong_old_password(owner):
    with pytest.raises(InvalidInput) as exc:
        services.user_change_password(user=owner, old_password="wrong", new_password=STRONG)
    assert "old_password" in exc.value.field_errors


def test_change_password_validates_new_password(owner):
    with pytest.raises(InvalidInput) as exc:
        services.user_change_password(user=owner, old_password=PASSWORD, new_password="1234")
    assert "new_password" in exc.value.field_errors


def test_change_password_revokes_refresh_tokens(owner):
    issue_refresh_token(owner)
    services.user_change_password(user=owner, old_password=PASSWORD, new_password=STRONG)
    owner.refresh_from_db()
    assert owner.check_password(STRONG)
    assert not RefreshToken.objects.filter(user=owner, revoked__isnull=True).exists()


# delete ---------------------------------------------------------------------------

def test_owner_deletes_worker_and_its_history_stays(owner, worker):
    item = make_item(owner)
    change = stock_adjust(actor=worker, item_id=item.pk, delta=1, reason="RECEIVED")
    assert services.user_delete(actor=owner, user_id=worker.pk) == change.user_id
    change = ItemChange.objects.get(pk=change.pk)
    assert change.user is None and change.username == worker.username


def test_owner_may_not_delete_itself(owner):
    with pytest.raises(Forbidden):
        services.user_delete(actor=owner, user_id=owner.pk)


def test_worker_may_not_delete_users_in_its_scope(owner, worker):
    for target in (owner, worker):
        with pytest.raises(Forbidden):
            services.user_delete(actor=worker, user_id=target.pk)


def test_a_coworker_is_outside_a_workers_scope(owner, worker):
    coworker = WorkerFactory(employer=owner)
    with pytest.raises(NotFound):
        services.user_delete(actor=worker, user_id=coworker.pk)


def test_deleting_another_owners_worker_is_not_found(other_owner, worker):
    with pytest.raises(NotFound):
        services.user_delete(actor=other_owner, user_id=worker.pk)


def test_deleting_owner_with_items_or_workers_is_conflict(superuser, owner):
    make_item(owner)
    with pytest.raises(Conflict, match="items"):
        services.user_delete(actor=superuser, user_id=owner.pk)
    boss = OwnerFactory()
    WorkerFactory(employer=boss)
    with pytest.raises(Conflict, match="workers"):
        services.user_delete(actor=superuser, user_id=boss.pk)
    assert User.objects.filter(pk__in=[owner.pk, boss.pk]).count() == 2
