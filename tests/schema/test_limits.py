"""Hostile queries: each limit answers QUERY_TOO_COMPLEX (or 413) and runs nothing."""

import json

import pytest

from stock.models import ItemChange
from tests.conftest import GRAPHQL_RESPONSE_JSON, error_codes
from tests.factories import make_item


def nested(depth: int) -> str:
    """items > results > owner > employer > employer ... to the given depth."""
    inner = "id"
    for _ in range(max(depth - 3, 0)):
        inner = f"employer {{ {inner} }}"
    return f"{{ items {{ results {{ owner {{ {inner} }} }} }} }}"


def test_depth_at_the_limit_runs(gql, owner):
    body = gql(nested(10), user=owner)
    assert "errors" not in body


def test_depth_over_the_limit_is_refused(gql, owner):
    body = gql(nested(11), user=owner, accept=GRAPHQL_RESPONSE_JSON)
    assert body["status"] == 400 and "data" not in body
    [error] = body["errors"]
    assert error["extensions"] == {"code": "QUERY_TOO_COMPLEX", "limit": "depth", "maximum": 10}
    assert "10" in error["message"]


def test_depth_counts_through_fragments(gql, owner):
    query = ("query { items { results { ...Deep } } } fragment Deep on InventoryItem { "
             + "owner { employer { employer { employer { employer { employer { employer "
             "{ employer { employer { id } } } } } } } } } }")  # 11 deep
    assert error_codes(gql(query, user=owner)) == ["QUERY_TOO_COMPLEX"]


def test_aliases_over_the_limit_are_refused(gql, owner):
    ok = "{ " + " ".join(f"a{n}: me {{ id }}" for n in range(15)) + " }"
    assert "errors" not in gql(ok, user=owner)
    over = "{ " + " ".join(f"a{n}: me {{ id }}" for n in range(16)) + " }"
    body = gql(over, user=owner)
    assert body["errors"][0]["extensions"]["limit"] == "aliases"
    assert error_codes(body) == ["QUERY_TOO_COMPLEX"]


def test_aliases_count_every_fragment_spread(gql, owner):
    query = ("{ a: me { ...F } b: me { ...F } c: me { ...F } } "
             "fragment F on User { x1: id x2: id x3: id x4: id }")  # 3 + 3 * 4 = 15 ok
    assert "errors" not in gql(query, user=owner)
    query = query.replace("c: me { ...F } }", "c: me { ...F } d: me { ...F } }")  # 20
    assert error_codes(gql(query, user=owner)) == ["QUERY_TOO_COMPLEX"]


def test_aliased_mutations_over_the_limit_change_nothing(gql, owner):
    item = make_item(owner, quantity=0)
    ops = " ".join(
        f'a{n}: adjustStock(input: {{itemId: "{item.pk}", delta: 1, reason: RECEIVED}}) {{ id }}'
        for n in range(16))
    body = gql(f"mutation {{ {ops} }}", user=owner)
    assert error_codes(body) == ["QUERY_TOO_COMPLEX"]
    item.refresh_from_db()
    assert item.quantity == 0 and ItemChange.objects.count() == 1


def test_token_limit(gql, owner):
    query = "{ me { " + " ".join(["id"] * 2100) + " } }"
    body = gql(query, user=owner, accept=GRAPHQL_RESPONSE_JSON)
    assert body["status"] == 400
    assert body["errors"][0]["extensions"] == {
        "code": "QUERY_TOO_COMPLEX", "limit": "tokens", "maximum": 2000}


@pytest.mark.parametrize("query", [
    "query { ...A } fragment A on Query { ...A }",
    "query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }",
    "query { me { ...U } } fragment U on User { employer { ...U } }",
])
def test_fragment_cycles_are_validation_errors(gql, owner, query):
    body = gql(query, user=owner, accept=GRAPHQL_RESPONSE_JSON)
    assert body["status"] == 400
    assert set(error_codes(body)) <= {"BAD_USER_INPUT", "QUERY_TOO_COMPLEX"}


def test_limits_are_settings(gql, owner, settings):
    settings.GRAPHQL_MAX_ALIASES = 2
    body = gql("{ a: me { id } b: me { id } c: me { id } }", user=owner)
    assert body["errors"][0]["extensions"]["maximum"] == 2


def test_no_field_suggestions_outside_debug(gql, owner, settings):
    settings.DEBUG = False
    body = gql("{ itemz { totalCount } }", user=owner)
    assert "Did you mean" not in body["errors"][0]["message"]
    settings.DEBUG = True
    body = gql("{ itemz { totalCount } }", user=owner)
    assert "Did you mean" in body["errors"][0]["message"]


def test_body_over_a_mebibyte_is_413(client, db):
    padding = "x" * 1_048_577
    response = client.post("/graphql/", json.dumps({"query": "{ me { id } }", "p": padding}),
                           content_type="application/json")
    assert response.status_code == 413
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


def test_body_just_under_the_limit_is_read(client, db):
    query = "{ me { id } }"
    body = json.dumps({"query": query, "p": ""})
    body = body.replace('"p": ""', '"p": "' + "x" * (1_048_576 - len(body)) + '"')
    assert len(body.encode()) == 1_048_576
    response = client.post("/graphql/", body, content_type="application/json")
    assert response.status_code == 200  # read and answered (UNAUTHENTICATED for no token)


@pytest.mark.postgres
def test_statement_timeout_is_a_clear_error(gql, owner, monkeypatch):
    from django.db import connection

    def slow(user):
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL statement_timeout = 50")
            cursor.execute("SELECT pg_sleep(1)")

    monkeypatch.setattr("schema.stock.queries.category_summaries", slow)
    body = gql("{ categories { name } }", user=owner)
    assert body["errors"][0]["extensions"]["code"] == "QUERY_TOO_COMPLEX"
    assert body["errors"][0]["extensions"]["limit"] == "statementTimeout"


@pytest.mark.postgres
def test_statement_timeout_is_set_on_connections(db):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == "5s"
