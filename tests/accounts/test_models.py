import pytest
from django.db import IntegrityError

from accounts.models import Role, User
from tests.factories import OwnerFactory


def test_username_unique_ignoring_case(db):
    User.objects.create_user("Alice", "alice@example.com", "x")
    with pytest.raises(IntegrityError, match="accounts_user_username_ci_unique"):
        User.objects.create_user("aLICE", "other@example.com", "x")


def test_email_unique_ignoring_case(db):
    User.objects.create_user("alice", "Alice@Example.com", "x")
    with pytest.raises(IntegrityError, match="accounts_user_email_ci_unique"):
        User.objects.create_user("bob", "alice@example.COM", "x")


def test_worker_without_employer_refused_by_database(db):
    with pytest.raises(IntegrityError, match="accounts_user_worker_has_employer"):
        User.objects.create_user("w", "w@example.com", "x", role=Role.WORKER)


def test_owner_with_employer_refused_by_database(db):
    boss = OwnerFactory()
    with pytest.raises(IntegrityError, match="accounts_user_worker_has_employer"):
        User.objects.create_user("o", "o@example.com", "x", role=Role.OWNER, employer=boss)


def test_natural_key_lookup_ignores_case(owner):
    assert User.objects.get_by_natural_key(owner.username.upper()) == owner


def test_createsuperuser_noinput_works(db, monkeypatch):
    from django.core.management import call_command

    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a-strong-admin-pass-9")
    call_command("createsuperuser", "--noinput", username="root", email="root@example.com")
    root = User.objects.get(username="root")
    assert root.is_superuser and root.role == Role.OWNER and root.employer is None
    assert root.check_password("a-strong-admin-pass-9")
