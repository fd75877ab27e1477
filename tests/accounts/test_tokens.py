"""Every token case, through POST /graphql/."""

import base64
import json
import time
from datetime import timedelta

import jwt
import pytest
from django.conf import settings
from django.utils import timezone

from accounts.models import RefreshToken, User
from accounts.tokens import hash_refresh_token
from tests.conftest import access_token, error_codes
from tests.factories import PASSWORD, OwnerFactory

LOGIN = """mutation($u: String!, $p: String!) {
  tokenAuth(username: $u, password: $p) {
    token refreshToken refreshExpiresIn payload user { username role }
  }
}"""
ME = "{ me { username } }"
REFRESH = """mutation($t: String!) { refreshToken(refreshToken: $t) {
  token refreshToken refreshExpiresIn payload } }"""
VERIFY = "mutation($t: String!) { verifyToken(token: $t) { payload } }"
REVOKE = "mutation($t: String!) { revokeToken(refreshToken: $t) { revoked } }"


def login(gql, username, password=PASSWORD):
    return gql(LOGIN, {"u": username, "p": password})


def signed(payload, key=None, algorithm="HS256"):
    return jwt.encode(payload, key or settings.SECRET_KEY, algorithm=algorithm)


def now():
    return int(time.time())


def test_token_auth_returns_the_contract_payload(gql, owner):
    body = login(gql, owner.username)
    data = body["data"]["tokenAuth"]
    assert set(data["payload"]) == {"username", "exp", "origIat"}
    assert data["payload"]["username"] == owner.username
    assert data["payload"]["exp"] - data["payload"]["origIat"] == 300
    assert abs(data["refreshExpiresIn"] - (now() + 7 * 24 * 3600)) < 5
    assert data["user"] == {"username": owner.username, "role": "OWNER"}


def test_login_ignores_username_case(gql, owner):
    assert login(gql, owner.username.upper())["data"]["tokenAuth"]["token"]


@pytest.mark.parametrize("case", ["wrong password", "unknown user", "inactive"])
def test_bad_credentials_are_unauthenticated(gql, owner, case):
    username, password = owner.username, PASSWORD
    if case == "wrong password":
        password = "nope"
    elif case == "unknown user":
        username = "nobody"
    else:
        User.objects.filter(pk=owner.pk).update(is_active=False)
    body = login(gql, username, password)
    assert error_codes(body) == ["UNAUTHENTICATED"]
    assert body["data"] is None


@pytest.mark.parametrize("prefix", ["JWT", "Bearer", "jwt", "bearer"])
def test_me_with_either_header_prefix(gql, owner, prefix):
    body = gql(ME, auth_header=f"{prefix} {access_token(owner)}")
    assert body["data"]["me"] == {"username": owner.username}


def test_me_without_a_token_is_unauthenticated(gql):
    body = gql(ME)
    assert error_codes(body) == ["UNAUTHENTICATED"] and body["data"]["me"] is None


def b64(text):
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def _bad_tokens(user):
    payload = {"username": user.username, "exp": now() + 300, "origIat": now()}
    good = signed(payload)
    header, body, signature = good.split(".")
    none_header = b64(json.dumps({"alg": "none", "typ": "JWT"}))
    forged_body = b64(json.dumps({"username": "root", "exp": now() + 300, "origIat": now()}))
    return {
        "expired": signed({**payload, "exp": now() - 10, "origIat": now() - 400}),
        "tampered payload": f"{header}.{forged_body}.{signature}",
        "wrong key": signed(payload, key="another-key-that-is-long-enough-for-hs256-000"),
        "alg none": f"{none_header}.{body}.",
        "garbage": "not.a.token",
        "empty parts": "..",
        "username not a string": signed({**payload, "username": 12}),
        "no username": signed({"exp": now() + 300, "origIat": now()}),
        "unknown user": signed({**payload, "username": "ghost"}),
        "HS512": signed(payload, algorithm="HS512"),
    }


@pytest.mark.parametrize("case", [
    "expired", "tampered payload", "wrong key", "alg none", "garbage", "empty parts",
    "username not a string", "no username", "unknown user", "HS512",
])
def test_bad_access_tokens_never_authenticate(gql, owner, case):
    body = gql(ME, token=_bad_tokens(owner)[case])
    assert body["status"] == 200
    assert error_codes(body) == ["UNAUTHENTICATED"]


@pytest.mark.parametrize("header", ["JWT", "Token abc", "JWT a b", "Basic dXNlcjpwYXNz"])
def test_malformed_authorization_headers(gql, header):
    body = gql(ME, auth_header=header)
    assert error_codes(body) == ["UNAUTHENTICATED"]


def test_deactivated_or_deleted_user_loses_access_at_once(gql, owner):
    token = access_token(owner)
    User.objects.filter(pk=owner.pk).update(is_active=False)
    assert error_codes(gql(ME, token=token)) == ["UNAUTHENTICATED"]
    owner.delete()
    assert error_codes(gql(ME, token=token)) == ["UNAUTHENTICATED"]


def test_token_of_a_deleted_user_does_not_fit_a_new_user_of_that_name(gql, db):
    old = OwnerFactory(username="reused")
    token = signed({"username": "reused", "exp": now() + 300, "origIat": now() - 60})
    old.delete()
    OwnerFactory(username="reused")
    assert error_codes(gql(ME, token=token)) == ["UNAUTHENTICATED"]


def test_session_cookie_never_authenticates_graphql(gql, owner):
    gql.http.force_login(owner)
    assert error_codes(gql(ME)) == ["UNAUTHENTICATED"]


def test_refresh_rotates_and_revokes_the_old_token(gql, owner):
    first = login(gql, owner.username)["data"]["tokenAuth"]
    second = gql(REFRESH, {"t": first["refreshToken"]})["data"]["refreshToken"]
    assert second["refreshToken"] != first["refreshToken"]
    assert gql(ME, token=second["token"])["data"]["me"]["username"] == owner.username
    assert gql(REFRESH, {"t": second["refreshToken"]})["data"]["refreshToken"]["token"]
    # The old one is refused (and, being a replay, ends the family: see below).
    assert error_codes(gql(REFRESH, {"t": first["refreshToken"]})) == ["UNAUTHENTICATED"]


def test_refresh_rechecks_is_active(gql, owner):
    refresh = login(gql, owner.username)["data"]["tokenAuth"]["refreshToken"]
    User.objects.filter(pk=owner.pk).update(is_active=False)
    assert error_codes(gql(REFRESH, {"t": refresh})) == ["UNAUTHENTICATED"]


def test_expired_refresh_token_is_refused(gql, owner):
    refresh = login(gql, owner.username)["data"]["tokenAuth"]["refreshToken"]
    RefreshToken.objects.filter(token_hash=hash_refresh_token(refresh)).update(
        created=timezone.now() - timedelta(days=8))
    assert error_codes(gql(REFRESH, {"t": refresh})) == ["UNAUTHENTICATED"]


@pytest.mark.parametrize("value", ["", "unknown", "x" * 10000])
def test_unknown_refresh_tokens_are_refused(gql, db, value):
    assert error_codes(gql(REFRESH, {"t": value})) == ["UNAUTHENTICATED"]


def test_verify_token(gql, owner):
    token = access_token(owner)
    payload = gql(VERIFY, {"t": token})["data"]["verifyToken"]["payload"]
    assert payload["username"] == owner.username and set(payload) == {"username", "exp", "origIat"}
    expired = _bad_tokens(owner)["expired"]
    assert error_codes(gql(VERIFY, {"t": expired})) == ["UNAUTHENTICATED"]
    User.objects.filter(pk=owner.pk).update(is_active=False)
    assert error_codes(gql(VERIFY, {"t": token})) == ["UNAUTHENTICATED"]


def test_revoke_token(gql, owner):
    refresh = login(gql, owner.username)["data"]["tokenAuth"]["refreshToken"]
    revoked = gql(REVOKE, {"t": refresh})["data"]["revokeToken"]["revoked"]
    assert abs(revoked - now()) < 5
    assert error_codes(gql(REFRESH, {"t": refresh})) == ["UNAUTHENTICATED"]
    assert error_codes(gql(REVOKE, {"t": refresh})) == ["UNAUTHENTICATED"]


def test_password_change_revokes_refresh_tokens(gql, owner):
    from accounts.services import user_change_password

    refresh = login(gql, owner.username)["data"]["tokenAuth"]["refreshToken"]
    user_change_password(user=owner, old_password=PASSWORD, new_password="a-new-pass-phrase-8")
    assert error_codes(gql(REFRESH, {"t": refresh})) == ["UNAUTHENTICATED"]


def reasons(body):
    return [error["extensions"].get("reason") for error in body.get("errors", [])]


@pytest.mark.parametrize(("case", "reason"), [
    ("expired", "TOKEN_EXPIRED"), ("tampered payload", "TOKEN_INVALID"),
    ("wrong key", "TOKEN_INVALID"), ("alg none", "TOKEN_INVALID"),
    ("garbage", "TOKEN_INVALID"), ("no username", "TOKEN_INVALID"),
    ("unknown user", "ACCOUNT_INACTIVE"), ("HS512", "TOKEN_INVALID"),
])
def test_unauthenticated_says_why(gql, owner, case, reason):
    assert reasons(gql(ME, token=_bad_tokens(owner)[case])) == [reason]


def test_reason_for_no_token_wrong_credentials_and_inactive_user(gql, owner):
    assert reasons(gql(ME)) == ["AUTH_REQUIRED"]
    assert reasons(gql(ME, auth_header="Token abc")) == ["TOKEN_INVALID"]
    assert reasons(login(gql, owner.username, "nope")) == ["CREDENTIALS_INVALID"]
    token = access_token(owner)
    User.objects.filter(pk=owner.pk).update(is_active=False)
    assert reasons(gql(ME, token=token)) == ["ACCOUNT_INACTIVE"]


def test_token_without_exp_is_refused(gql, owner):
    token = signed({"username": owner.username, "origIat": now()})
    assert reasons(gql(ME, token=token)) == ["TOKEN_INVALID"]
    assert reasons(gql(VERIFY, {"t": token})) == ["TOKEN_INVALID"]


def test_access_token_carries_iat_and_its_own_secret(gql, owner, settings):
    token = login(gql, owner.username)["data"]["tokenAuth"]["token"]
    claims = jwt.decode(token, settings.JWT_SECRET_KEY, algorithms=["HS256"])
    assert set(claims) == {"username", "exp", "origIat", "iat"}
    settings.JWT_SECRET_KEY = "a-rotated-jwt-key-that-is-long-enough-for-hs256"
    assert reasons(gql(ME, token=token)) == ["TOKEN_INVALID"]


def test_a_token_of_the_previous_release_stays_valid(gql, owner):
    """django-graphql-jwt signed {username, exp, origIat} with SECRET_KEY, HS256, no iat."""
    old = signed({"username": owner.username, "exp": now() + 300, "origIat": now()})
    assert gql(ME, token=old)["data"]["me"] == {"username": owner.username}


def test_only_hashes_of_refresh_tokens_are_stored(gql, owner):
    from django.db import connection

    refresh = login(gql, owner.username)["data"]["tokenAuth"]["refreshToken"]
    stored = RefreshToken.objects.get(user=owner)
    assert stored.token_hash == hash_refresh_token(refresh) != refresh
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM accounts_refreshtoken")
        rows = cursor.fetchall()
    assert rows and not any(refresh in str(value) for row in rows for value in row)


def test_reusing_a_rotated_refresh_token_revokes_the_family(gql, owner, caplog):
    first = login(gql, owner.username)["data"]["tokenAuth"]["refreshToken"]
    other_device = login(gql, owner.username)["data"]["tokenAuth"]["refreshToken"]
    second = gql(REFRESH, {"t": first})["data"]["refreshToken"]["refreshToken"]
    with caplog.at_level("WARNING", logger="accounts.tokens"):
        replay = gql(REFRESH, {"t": first})
    assert reasons(replay) == ["TOKEN_REVOKED"]
    assert "used again" in caplog.text
    assert not RefreshToken.objects.filter(user=owner, revoked__isnull=True).exists()
    for token in (second, other_device):
        assert reasons(gql(REFRESH, {"t": token})) == ["TOKEN_REVOKED"]


def test_refresh_reasons(gql, owner):
    assert reasons(gql(REFRESH, {"t": "unknown"})) == ["TOKEN_INVALID"]
    refresh = login(gql, owner.username)["data"]["tokenAuth"]["refreshToken"]
    RefreshToken.objects.update(created=timezone.now() - timedelta(days=8))
    assert reasons(gql(REFRESH, {"t": refresh})) == ["TOKEN_EXPIRED"]


def test_a_token_checked_once_still_expires_on_time(gql, owner):
    """The signature of a token is checked once (accounts.tokens._verified_payload); its
    expiry on every request."""
    from unittest import mock

    from accounts import tokens

    token = signed({"username": owner.username, "exp": now() + 60, "origIat": now()})
    with mock.patch.object(tokens.jwt, "decode", wraps=jwt.decode) as decode:
        for _ in range(3):
            assert gql(ME, token=token)["data"]["me"] == {"username": owner.username}
    assert decode.call_count == 1
    with mock.patch.object(tokens.time, "time", return_value=now() + 60):
        assert reasons(gql(ME, token=token)) == ["TOKEN_EXPIRED"]
    with mock.patch.object(tokens.time, "time", return_value=now() + 58):
        assert gql(ME, token=token)["data"]["me"] == {"username": owner.username}
    header, body, signature = token.split(".")
    assert reasons(gql(ME, token=f"{header}.{body}.{signature[:-2]}AA")) == ["TOKEN_INVALID"]
