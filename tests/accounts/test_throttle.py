"""Login throttling through /graphql/: 5 failures per username, 20 per address."""

import json
import time

import pytest

from tests.conftest import error_codes
from tests.factories import PASSWORD, OwnerFactory

LOGIN = "mutation($u: String!, $p: String!) { tokenAuth(username: $u, password: $p) { token } }"


def login(gql, username, password, **headers):
    response = gql.http.post(
        "/graphql/", json.dumps({"query": LOGIN, "variables": {"u": username, "p": password}}),
        content_type="application/json", **headers)
    return response.json()


def test_five_failures_lock_the_username_even_for_the_right_password(gql, owner):
    for _ in range(5):
        assert error_codes(login(gql, owner.username, "wrong")) == ["UNAUTHENTICATED"]
    body = login(gql, owner.username.upper(), PASSWORD)  # any case is the same username
    assert error_codes(body) == ["RATE_LIMITED"]
    retry = body["errors"][0]["extensions"]["retryAfter"]
    assert 0 < retry <= 900
    assert str(retry) in body["errors"][0]["message"]


def test_four_failures_still_let_the_right_password_in(gql, owner):
    for _ in range(4):
        login(gql, owner.username, "wrong")
    assert login(gql, owner.username, PASSWORD)["data"]["tokenAuth"]["token"]


def test_lock_ends_when_the_window_passes(gql, owner, settings):
    settings.LOGIN_FAILURE_WINDOW_SECONDS = 1
    for _ in range(5):
        login(gql, owner.username, "wrong")
    assert error_codes(login(gql, owner.username, PASSWORD)) == ["RATE_LIMITED"]
    time.sleep(1.2)
    assert login(gql, owner.username, PASSWORD)["data"]["tokenAuth"]["token"]


def test_twenty_failures_from_one_address_lock_the_address(gql, db):
    victims = [OwnerFactory() for _ in range(5)]
    for n in range(20):
        login(gql, victims[n % 5].username if n % 2 else f"ghost{n}", "wrong")
    fresh = OwnerFactory()
    assert error_codes(login(gql, fresh.username, PASSWORD)) == ["RATE_LIMITED"]
    other_address = login(gql, fresh.username, PASSWORD, REMOTE_ADDR="10.9.9.9")
    assert other_address["data"]["tokenAuth"]["token"]


def test_aliased_attempts_count_one_by_one(gql, owner):
    """tokenAuth is non-null, so a failed attempt ends the document: each request runs
    one attempt however many aliases it holds, and that one is counted."""
    attempts = " ".join(
        f'a{n}: tokenAuth(username: "{owner.username}", password: "wrong") {{ token }}'
        for n in range(6))
    for _ in range(5):
        body = gql.http.post("/graphql/", json.dumps({"query": f"mutation {{ {attempts} }}"}),
                             content_type="application/json").json()
        assert error_codes(body) == ["UNAUTHENTICATED"]
    assert error_codes(login(gql, owner.username, PASSWORD)) == ["RATE_LIMITED"]


def test_spoofed_forwarded_for_does_not_reset_the_count(gql, db):
    for n in range(20):
        login(gql, f"ghost{n}", "wrong", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}")
    user = OwnerFactory()
    body = login(gql, user.username, PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.77")
    assert error_codes(body) == ["RATE_LIMITED"]


def test_forwarded_for_counts_from_a_trusted_proxy(gql, db, settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    for n in range(20):
        login(gql, f"ghost{n}", "wrong", HTTP_X_FORWARDED_FOR="198.51.100.1",
              REMOTE_ADDR="127.0.0.1")
    user = OwnerFactory()
    assert error_codes(login(gql, user.username, PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.1",
                             REMOTE_ADDR="127.0.0.1")) == ["RATE_LIMITED"]
    body = login(gql, user.username, PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.2",
                 REMOTE_ADDR="127.0.0.1")
    assert body["data"]["tokenAuth"]["token"]


def test_failed_refresh_does_not_count(gql, owner):
    for _ in range(10):
        gql("mutation { refreshToken(refreshToken: \"nope\") { token } }")
    assert login(gql, owner.username, PASSWORD)["data"]["tokenAuth"]["token"]


def test_wrong_old_password_counts_as_a_failed_login(gql, owner):
    query = ('mutation($o: String!) { changePassword(oldPassword: $o, '
             'newPassword: "a-new-pass-phrase-4") { id } }')
    for _ in range(5):
        assert error_codes(gql(query, {"o": "wrong"}, user=owner)) == ["BAD_USER_INPUT"]
    assert error_codes(gql(query, {"o": PASSWORD}, user=owner)) == ["RATE_LIMITED"]
    assert error_codes(login(gql, owner.username, PASSWORD)) == ["RATE_LIMITED"]


@pytest.mark.parametrize("setting", ["LOGIN_MAX_FAILURES_PER_USERNAME"])
def test_limits_are_settings(gql, owner, settings, setting):
    setattr(settings, setting, 2)
    login(gql, owner.username, "wrong")
    login(gql, owner.username, "wrong")
    assert error_codes(login(gql, owner.username, PASSWORD)) == ["RATE_LIMITED"]
