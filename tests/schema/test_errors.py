"""Errors about the request itself, and the mask over unexpected ones."""

import json
import logging

import pytest

from tests.conftest import GRAPHQL_RESPONSE_JSON, error_codes
from tests.factories import make_item


def post_raw(client, body, **headers):
    return client.post("/graphql/", body, content_type="application/json", **headers)


@pytest.mark.parametrize("body", ["{not json", "", "[]", json.dumps({"variables": {}})])
def test_malformed_requests_are_400_bad_user_input(client, db, body):
    response = post_raw(client, body, CONTENT_TYPE="application/json")
    assert response.status_code == 400
    assert [e["extensions"]["code"] for e in response.json()["errors"]] == ["BAD_USER_INPUT"]


@pytest.mark.parametrize("query", [
    "{ nope }",
    "{ items { results { nope } } }",
    "{ items(filters: {category: {iExact: 5}}) { totalCount } }",
    'mutation { adjustStock(input: {itemId: "1", delta: 1, reason: STOLEN}) { id } }',
    'mutation { adjustStock(input: {itemId: "1", delta: 3000000000, reason: SOLD}) { id } }',
    "query {",
])
def test_invalid_documents_are_400_bad_user_input(gql, owner, query):
    body = gql(query, user=owner, accept=GRAPHQL_RESPONSE_JSON)
    assert body["status"] == 400 and "data" not in body
    assert set(error_codes(body)) == {"BAD_USER_INPUT"}
    legacy = gql(query, user=owner, accept="application/json")
    assert legacy["status"] == 200 and legacy["data"] is None
    assert legacy["errors"] == body["errors"]


def test_variable_of_wrong_type_is_400(gql, owner):
    query = "query($id: ID!) { item(id: $id) { id } }"
    body = gql(query, {"id": {"x": 1}}, user=owner, accept=GRAPHQL_RESPONSE_JSON)
    assert body["status"] == 400 and error_codes(body) == ["BAD_USER_INPUT"]
    assert gql(query, {"id": {"x": 1}}, user=owner)["status"] == 200


def test_unexpected_errors_are_masked_and_logged(gql, owner, monkeypatch, caplog):
    make_item(owner)

    def explode(*args, **kwargs):
        raise RuntimeError("SELECT secret FROM module.path.internal")

    monkeypatch.setattr("schema.stock.queries.category_summaries", explode)
    with caplog.at_level(logging.ERROR, logger="schema.errors"):
        body = gql("{ categories { name } }", user=owner)
    assert body["errors"] == [{
        "message": "Internal server error.",
        "locations": [{"line": 1, "column": 3}],
        "path": ["categories"],
        "extensions": {"code": "INTERNAL_SERVER_ERROR"},
    }]
    assert "secret" not in json.dumps(body) and "Traceback" not in json.dumps(body)
    assert "RuntimeError" in caplog.text and "Traceback" in caplog.text


def test_errors_name_fields_in_camel_case(gql, owner):
    body = gql('mutation { createItem(input: {name: "n", category: "c", price: "1", '
               "lowStockThreshold: -1}) { id } }", user=owner)
    assert body["errors"][0]["extensions"]["fieldErrors"] == {
        "lowStockThreshold": ["Must be between 0 and 2,147,483,647."]}


def test_batched_array_is_refused(client, db):
    response = post_raw(client, json.dumps([{"query": "{ me { id } }"}]))
    assert response.status_code == 400


def test_graphql_post_needs_no_csrf_token(db, owner):
    from django.test import Client

    from tests.conftest import access_token

    client = Client(enforce_csrf_checks=True)
    response = client.post("/graphql/", json.dumps({"query": "{ me { id } }"}),
                           content_type="application/json",
                           HTTP_AUTHORIZATION=f"JWT {access_token(owner)}")
    assert response.status_code == 200 and "errors" not in response.json()


@pytest.mark.parametrize(("query", "variables", "field"), [
    ("query($f: UserFilter) { users(filters: $f) { totalCount } }",
     {"f": {"search": "a\x00"}}, "search"),
    ("query($f: ItemFilter) { items(filters: $f) { totalCount } }",
     {"f": {"category": {"iContains": "\x00"}}}, "iContains"),
    ("mutation($t: String!) { revokeToken(refreshToken: $t) { revoked } }", {"t": "\x00"}, "t"),
    ("mutation($t: String!) { refreshToken(refreshToken: $t) { token } }", {"t": "x\x00"}, "t"),
    ('mutation { tokenAuth(username: "a\\u0000", password: "p") { token } }', {}, "username"),
    ('{ items(filters: {search: "\\u0000"}) { totalCount } }', {}, "search"),
])
def test_nul_characters_anywhere_are_bad_input(gql, owner, query, variables, field):
    """Found by fuzzing: PostgreSQL refuses NUL in text, which was a 500."""
    body = gql(query, variables, user=owner)
    assert body["status"] == 400 and error_codes(body) == ["BAD_USER_INPUT"]
    assert list(body["errors"][0]["extensions"]["fieldErrors"]) == [field]
