"""The per-request user lookup (accounts.selectors.user_by_username, on core.prepared):
the same user as the ORM's, read fresh on every call."""

import pytest

from accounts.models import User
from accounts.selectors import user_by_username
from core.prepared import PreparedLookup


def columns(user):
    return {field.attname: getattr(user, field.attname) for field in User._meta.concrete_fields}


def test_same_user_as_the_orm_in_any_case(worker):
    found = user_by_username(worker.username.upper())
    expected = User.objects.get(pk=worker.pk)
    assert columns(found) == columns(expected)
    assert found.get_deferred_fields() == set()
    assert found._state.adding is False and found._state.db == "default"
    assert found.is_active is True and found.employer_id == worker.employer_id


def test_one_statement_and_no_user_for_an_unknown_name(owner, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert user_by_username("nobody-" + owner.username) is None
    with django_assert_num_queries(1):
        assert user_by_username(owner.username).pk == owner.pk


def test_a_deactivation_is_seen_by_the_next_lookup(owner):
    assert user_by_username(owner.username).is_active
    User.objects.filter(pk=owner.pk).update(is_active=False)
    assert user_by_username(owner.username).is_active is False


def test_arguments_are_never_part_of_the_sql(owner):
    name = "x' OR '1'='1"
    assert user_by_username(name) is None
    lookup = PreparedLookup(User.objects.by_natural_key, arity=1)
    assert lookup.first(owner.username).pk == owner.pk


@pytest.mark.django_db
def test_an_argument_the_orm_transforms_is_refused():
    lookup = PreparedLookup(lambda name: User.objects.filter(username__icontains=name), arity=1)
    with pytest.raises(ValueError, match="exactly one parameter"):
        lookup.first("x")

