"""Two sign-ups with the same username at once: the loser gets CONFLICT, never an
internal error (whichever unique index PostgreSQL reports: the column's own one or the
case-insensitive constraint)."""

import threading
from unittest import mock

import pytest
from django.db import connection

from accounts import services
from accounts.models import User
from tests.conftest import GraphQLClient, error_codes

REGISTER_WITH_EMAIL = """mutation($u: String!, $e: String!) { register(input: {username: $u,
  email: $e, password: "a-strong-pass-phrase-7"}) { id } }"""


def test_duplicate_username_past_the_check_is_a_conflict(gql, db):
    """The race's second half: the check saw no such user, the insert hits the index."""
    User.objects.create_user(username="alice", email="alice@example.com", password="x")
    with mock.patch.object(services, "_username_taken", return_value=False):
        body = gql(REGISTER_WITH_EMAIL, {"u": "alice", "e": "other@example.com"})
    assert error_codes(body) == ["CONFLICT"], body
    assert User.objects.filter(username="alice").count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_registers_one_wins_one_conflicts():
    both_checked = threading.Barrier(2, timeout=10)
    real_check = services._username_taken

    def check_then_wait(username):
        taken = real_check(username)
        both_checked.wait()  # both requests have passed the check before either inserts
        return taken

    results = {}

    def sign_up(n):
        try:
            results[n] = GraphQLClient().post(
                REGISTER_WITH_EMAIL, {"u": "racer", "e": f"racer{n}@example.com"})
        finally:
            connection.close()

    with mock.patch.object(services, "_username_taken", side_effect=check_then_wait):
        threads = [threading.Thread(target=sign_up, args=(n,)) for n in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(20)
    codes = sorted(str(error_codes(body)) for body in results.values())
    assert codes == ["['CONFLICT']", "[]"], results
    assert User.objects.filter(username="racer").count() == 1
