"""Refresh tokens at rest: the carry-over from django-graphql-jwt, cleartokens, the admin."""

import hashlib
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from accounts.models import RefreshToken
from accounts.tokens import hash_refresh_token, token_obtain
from tests.factories import PASSWORD, OwnerFactory

# The table django-graphql-jwt 0.4.0's refresh_token app made (its migrations 0001, 0002).
OLD_TABLE_SQL = """CREATE TABLE refresh_token_refreshtoken (
    id integer NOT NULL PRIMARY KEY,
    token varchar(255) NOT NULL,
    created timestamp with time zone NOT NULL,
    revoked timestamp with time zone NULL,
    user_id bigint NOT NULL REFERENCES accounts_user (id),
    UNIQUE (token, revoked))"""


def migrate(target):
    executor = MigrationExecutor(connection)
    executor.migrate([target])


@pytest.mark.django_db(transaction=True)
def test_upgrade_carries_unexpired_tokens_over_hashed_and_drops_the_old_table(client):
    migrate(("accounts", "0001_initial"))
    user = OwnerFactory()
    now = timezone.now()
    rows = [
        (1, "live-token-0123456789abcdef", now - timedelta(days=1), None),
        (2, "revoked-token-0123456789abcdef", now - timedelta(days=2), now - timedelta(days=1)),
        (3, "expired-token-0123456789abcdef", now - timedelta(days=9), None),
    ]
    with connection.cursor() as cursor:
        cursor.execute(OLD_TABLE_SQL)
        for pk, token, created, revoked in rows:
            cursor.execute(
                "INSERT INTO refresh_token_refreshtoken (id, token, created, revoked, user_id)"
                " VALUES (%s, %s, %s, %s, %s)", [pk, token, created, revoked, user.pk])
        cursor.execute("INSERT INTO django_migrations (app, name, applied) VALUES "
                       "('refresh_token', '0001_initial', %s)", [now])
    migrate(("accounts", "0002_refreshtoken"))

    assert "refresh_token_refreshtoken" not in connection.introspection.table_names()
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM django_migrations WHERE app = 'refresh_token'")
        assert cursor.fetchone()[0] == 0
    stored = {t.token_hash: t for t in RefreshToken.objects.all()}
    live, revoked = (hashlib.sha256(rows[i][1].encode()).hexdigest() for i in (0, 1))
    assert set(stored) == {live, revoked}
    assert stored[live].revoked is None and stored[revoked].revoked is not None

    # The client holding the live token keeps its session; the revoked one is a replay.
    refresh = """mutation($t: String!) { refreshToken(refreshToken: $t) { token } }"""
    body = client.post("/graphql/", {"query": refresh, "variables": {"t": rows[0][1]}},
                       content_type="application/json").json()
    assert body["data"]["refreshToken"]["token"]
    body = client.post("/graphql/", {"query": refresh, "variables": {"t": rows[2][1]}},
                       content_type="application/json").json()
    assert body["errors"][0]["extensions"]["reason"] == "TOKEN_INVALID"


def test_cleartokens(owner):
    live, revoked, expired = (
        token_obtain(username=owner.username, password=PASSWORD).refresh_token
        for _ in range(3))
    RefreshToken.objects.filter(token_hash=hash_refresh_token(revoked)).update(
        revoked=timezone.now())
    RefreshToken.objects.filter(token_hash=hash_refresh_token(expired)).update(
        created=timezone.now() - timedelta(days=8))

    def left():
        return {t.token_hash for t in RefreshToken.objects.all()}

    call_command("cleartokens", "--expired")
    assert left() == {hash_refresh_token(live), hash_refresh_token(revoked)}
    call_command("cleartokens")
    assert left() == {hash_refresh_token(live)}


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


def test_admin_lists_and_revokes_but_cannot_add(admin_client, owner):
    refresh = token_obtain(username=owner.username, password=PASSWORD).refresh_token
    page = admin_client.get("/admin/accounts/refreshtoken/?revoked__isempty=1")
    assert page.status_code == 200 and owner.username in page.content.decode()
    assert refresh not in page.content.decode()
    assert admin_client.get("/admin/accounts/refreshtoken/add/").status_code == 403
    token = RefreshToken.objects.get(user=owner)
    response = admin_client.post("/admin/accounts/refreshtoken/", {
        "action": "revoke", "_selected_action": [token.pk]})
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked is not None
