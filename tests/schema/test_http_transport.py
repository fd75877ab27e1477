"""GraphQL over HTTP (API.md: Transport; README: GraphQL over HTTP): media types, status
codes, `data` absent on request errors, GET/405/415, both paths, hostile bytes, 503."""

import json

import pytest

from core.errors import RateLimited
from stock.models import InventoryItem
from tests.conftest import GRAPHQL_RESPONSE_JSON, access_token, error_codes
from tests.factories import make_item

JSON = "application/json"
BOTH = [GRAPHQL_RESPONSE_JSON, JSON]
ME = "{ me { id } }"


def post(client, body, *, accept=None, content_type=JSON, path="/graphql/", user=None,
         **headers):
    if accept is not None:
        headers["HTTP_ACCEPT"] = accept
    if user is not None:
        headers["HTTP_AUTHORIZATION"] = f"JWT {access_token(user)}"
    if isinstance(body, dict | list):
        body = json.dumps(body)
    headers["CONTENT_TYPE"] = content_type or ""  # also for an empty body
    return client.post(path, body, content_type=content_type or "", **headers)


def media_type(response) -> str:
    return response["Content-Type"].split(";")[0].strip()


def codes(response) -> list[str]:
    return [error["extensions"]["code"] for error in response.json()["errors"]]


# Accept: the response uses the type the client prefers.

@pytest.mark.parametrize(("accept", "expected"), [
    (None, JSON),
    ("*/*", JSON),
    ("application/*", JSON),
    (f"{GRAPHQL_RESPONSE_JSON}, {JSON};q=0.9", GRAPHQL_RESPONSE_JSON),  # Apollo Client 4
    (f"{JSON}, {GRAPHQL_RESPONSE_JSON}", JSON),  # same q: the first listed
    (f"{GRAPHQL_RESPONSE_JSON}, {JSON}", GRAPHQL_RESPONSE_JSON),
    (f"{JSON};q=0.5, {GRAPHQL_RESPONSE_JSON};q=0.8", GRAPHQL_RESPONSE_JSON),
    (f"{GRAPHQL_RESPONSE_JSON}; charset=utf-8", GRAPHQL_RESPONSE_JSON),
    (f"{JSON};q=0, */*", GRAPHQL_RESPONSE_JSON),
    ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", JSON),
])
def test_response_media_type_follows_accept(client, owner, accept, expected):
    response = post(client, {"query": ME}, accept=accept, user=owner)
    assert response.status_code == 200
    assert response["Content-Type"] == f"{expected}; charset=utf-8"
    assert response.json()["data"]["me"]["id"]


@pytest.mark.parametrize("accept", ["text/html", "application/xml", f"{JSON};q=0",
                                    f"{JSON};q=0, {GRAPHQL_RESPONSE_JSON};q=0"])
def test_neither_type_acceptable_is_406_and_runs_nothing(client, owner, accept):
    item = make_item(owner, quantity=1)
    response = post(client, {"query": 'mutation($id: ID!) { deleteItem(id: $id) { deletedId } }',
                             "variables": {"id": item.pk}}, accept=accept, user=owner)
    assert response.status_code == 406
    assert codes(response) == ["BAD_USER_INPUT"]
    assert InventoryItem.objects.filter(pk=item.pk).exists()


# Request errors: 400 without data (graphql-response+json), 200 with errors (json).

@pytest.mark.parametrize(("query", "variables"), [
    ("{ me {", None),  # parse
    ("{ nope }", None),  # validation
    ("query($id: ID!) { item(id: $id) { id } }", {}),  # a required variable missing
    ("query($id: ID!) { item(id: $id) { id } }", {"id": [1, 2]}),  # a variable of wrong type
])
def test_request_errors_by_media_type(client, owner, query, variables):
    body = {"query": query, "variables": variables}
    new = post(client, body, accept=GRAPHQL_RESPONSE_JSON, user=owner)
    assert new.status_code == 400 and media_type(new) == GRAPHQL_RESPONSE_JSON
    assert "data" not in new.json() and codes(new) == ["BAD_USER_INPUT"]
    legacy = post(client, body, accept=JSON, user=owner)
    assert legacy.status_code == 200 and media_type(legacy) == JSON
    assert legacy.json()["data"] is None and codes(legacy) == ["BAD_USER_INPUT"]


def test_unknown_operation_name_is_a_request_error(client, owner):
    body = {"query": "query A { me { id } }", "operationName": "B"}
    new = post(client, body, accept=GRAPHQL_RESPONSE_JSON, user=owner)
    assert new.status_code == 400 and "data" not in new.json()
    assert post(client, body, accept=JSON, user=owner).status_code == 200


@pytest.mark.parametrize("accept", BOTH)
def test_field_errors_are_200_with_data(client, owner, accept):
    response = post(client, {"query": '{ item(id: "999999") { id } }'}, accept=accept,
                    user=owner)
    assert response.status_code == 200
    assert response.json()["data"] == {"item": None} and codes(response) == ["NOT_FOUND"]


# Bodies that are no GraphQL request: 400 with either type.

NOT_A_REQUEST = [
    b"{not json",
    b"",
    b'"{ me { id } }"',
    b"null",
    b"42",
    b"true",
    b'{"query": "{ me { id } }", "x": NaN}',
    b'{"query": "{ me { id } }"}\xff',
    b'{"query": "{ me { id } }", "variables": {"a": "\xc3\x28"}}',
    b"{}",
    b'{"query": null}',
    b'{"query": ""}',
    b'{"query": 5}',
    b'{"query": "{ me { id } }", "variables": [1]}',
    b'{"query": "{ me { id } }", "variables": "x"}',
    b'{"query": "{ me { id } }", "operationName": 5}',
    b'{"query": "{ me { id } }", "extensions": 5}',
    b'[{"query": "{ me { id } }"}]',
]


@pytest.mark.parametrize("accept", BOTH)
@pytest.mark.parametrize("body", NOT_A_REQUEST)
def test_bodies_that_are_no_graphql_request_are_400(client, db, body, accept):
    response = post(client, body, accept=accept)
    assert response.status_code == 400 and media_type(response) == accept
    assert codes(response) == ["BAD_USER_INPUT"]
    assert ("data" in response.json()) == (accept == JSON)


# Content types and methods.

@pytest.mark.parametrize("content_type", [
    None, "text/plain", "application/graphql", "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=x", "application/jsonx", "application/json; charset=latin-1",
])
def test_other_content_types_are_415(client, db, content_type):
    response = post(client, {"query": ME}, content_type=content_type)
    assert response.status_code == 415 and codes(response) == ["BAD_USER_INPUT"]


@pytest.mark.parametrize("content_type", ["application/json; charset=utf-8",
                                          "Application/JSON; charset=UTF-8"])
def test_json_with_utf8_charset_is_read(client, owner, content_type):
    response = post(client, {"query": ME}, content_type=content_type, user=owner)
    assert response.status_code == 200 and response.json()["data"]["me"]


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_other_methods_are_405_with_allow(client, db, method):
    response = getattr(client, method)("/graphql/", json.dumps({"query": ME}),
                                       content_type=JSON)
    assert response.status_code == 405 and response["Allow"] == "GET, POST"
    assert codes(response) == ["BAD_USER_INPUT"]


def test_get_runs_queries(client, owner):
    response = client.get("/graphql/", {"query": "query($n: Int) { items(pagination: "
                                                 "{limit: $n}) { totalCount } }",
                                        "variables": json.dumps({"n": 1})},
                          HTTP_AUTHORIZATION=f"JWT {access_token(owner)}",
                          HTTP_ACCEPT=GRAPHQL_RESPONSE_JSON)
    assert response.status_code == 200 and media_type(response) == GRAPHQL_RESPONSE_JSON
    assert response.json() == {"data": {"items": {"totalCount": 0}}}


@pytest.mark.parametrize("accept", BOTH)
def test_get_never_runs_a_mutation(client, owner, accept):
    item = make_item(owner)
    response = client.get("/graphql/", {
        "query": f'mutation {{ deleteItem(id: "{item.pk}") {{ deletedId }} }}'},
        HTTP_AUTHORIZATION=f"JWT {access_token(owner)}", HTTP_ACCEPT=accept)
    assert response.status_code == 405 and response["Allow"] == "POST"
    assert codes(response) == ["BAD_USER_INPUT"]
    assert InventoryItem.objects.filter(pk=item.pk).exists()


def test_get_with_bad_variables_is_400(client, db):
    response = client.get("/graphql/", {"query": ME, "variables": "{nope"})
    assert response.status_code == 400 and codes(response) == ["BAD_USER_INPUT"]


@pytest.mark.parametrize("path", ["/graphql/", "/graphql"])
def test_both_paths_are_the_endpoint(client, owner, path):
    response = post(client, {"query": "{ me { username } }"}, path=path, user=owner)
    assert response.status_code == 200
    assert response.json() == {"data": {"me": {"username": owner.username}}}
    response = client.get(path, {"query": "{ me { username } }"},
                          HTTP_AUTHORIZATION=f"JWT {access_token(owner)}")
    assert response.json() == {"data": {"me": {"username": owner.username}}}


def test_no_slash_needs_no_csrf_token(owner):
    from django.test import Client

    response = post(Client(enforce_csrf_checks=True), {"query": ME}, path="/graphql",
                    user=owner)
    assert response.status_code == 200 and "errors" not in response.json()


# Subscriptions belong to the websocket.

@pytest.mark.parametrize("accept", BOTH)
def test_subscription_over_post_names_the_websocket(client, owner, accept):
    response = post(client, {"query": "subscription { stockChanges { id } }"}, accept=accept,
                    user=owner)
    assert response.status_code == 400 and codes(response) == ["BAD_USER_INPUT"]
    assert "ws://testserver/graphql/" in response.json()["errors"][0]["message"]


def test_subscription_over_get_names_the_websocket(client, owner):
    response = client.get("/graphql/", {"query": "subscription { stockChanges { id } }"},
                          HTTP_AUTHORIZATION=f"JWT {access_token(owner)}")
    assert response.status_code == 400
    assert "ws://testserver/graphql/" in response.json()["errors"][0]["message"]


def test_subscription_over_https_names_wss(client, owner, settings):
    settings.ALLOWED_HOSTS = ["api.example.com"]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    response = post(client, {"query": "subscription { lowStockAlerts { id } }"}, user=owner,
                    HTTP_X_FORWARDED_PROTO="https", HTTP_HOST="api.example.com")
    assert "wss://api.example.com/graphql/" in response.json()["errors"][0]["message"]


# Hostile bytes: BAD_USER_INPUT, HTTP 400, JSON, nothing run.

def nest(depth: int, leaf="x"):
    value = leaf
    for _ in range(depth):
        value = [value]
    return value


SEARCH = "query($f: ItemFilter) { items(filters: $f) { totalCount } }"
CREATE = "mutation($input: CreateItemInput!) { createItem(input: $input) { id } }"


def hostile(client, body, accept, user=None):
    response = post(client, body, accept=accept, user=user)
    assert response.status_code == 400 and media_type(response) == accept, response.content
    assert codes(response) == ["BAD_USER_INPUT"]
    return response.json()["errors"][0]


@pytest.mark.parametrize("accept", BOTH)
def test_variables_nested_deeper_than_32_levels(client, owner, accept):
    error = hostile(client, {"query": SEARCH, "variables": {"f": nest(33)}}, accept, owner)
    assert error["extensions"]["fieldErrors"] == {
        "f": ["Must not be nested deeper than 32 levels."]}
    # 32 levels pass this check (and fail as the wrong type, an ordinary request error)
    response = post(client, {"query": SEARCH, "variables": {"f": nest(32)}}, accept=accept,
                    user=owner)
    assert "nested" not in response.json()["errors"][0]["message"]


@pytest.mark.parametrize("accept", BOTH)
def test_variables_nested_20000_deep(client, owner, accept):
    deep = "[" * 20000 + "1" + "]" * 20000
    body = json.dumps({"query": SEARCH, "variables": {"f": "DEEP"}}).replace('"DEEP"', deep)
    hostile(client, body.encode(), accept, owner)


@pytest.mark.parametrize("accept", BOTH)
@pytest.mark.parametrize(("query", "variables", "field"), [
    (SEARCH, {"f": {"search": "\ud800"}}, "search"),
    (SEARCH, {"f": {"name": {"iContains": "a\udfff"}}}, "iContains"),
    (CREATE, {"input": {"name": "\ud83d", "category": "c", "price": "1"}}, "name"),
    ("mutation($t: String!) { verifyToken(token: $t) { payload } }", {"t": "x\ud800"}, "t"),
    ("mutation($u: String!) { tokenAuth(username: $u, password: \"p\") { token } }",
     {"u": "\udc00bob"}, "u"),
    (SEARCH, {"f": {"\ud800": 1}}, "f"),  # in a key
    ('{ items(filters: {search: "\ud800"}) { totalCount } }', None, "query"),  # a literal
    ('mutation { adjustStock(input: {itemId: "1", delta: 1, reason: SOLD, note: "\udbff"}) '
     "{ id } }", None, "query"),
])
def test_lone_surrogates_anywhere(client, owner, accept, query, variables, field):
    error = hostile(client, {"query": query, "variables": variables}, accept, owner)
    assert list(error["extensions"]["fieldErrors"]) == [field]
    assert "surrogate" in error["message"]
    assert InventoryItem.objects.count() == 0


def test_lone_surrogate_in_operation_name(client, owner):
    error = hostile(client, {"query": ME, "operationName": "\ud800"}, JSON, owner)
    assert list(error["extensions"]["fieldErrors"]) == ["operationName"]


def test_escaped_lone_surrogate_in_a_literal_is_a_syntax_error(client, owner):
    """Written as a GraphQL escape, the lexer refuses it: a parse error like any other."""
    query = '{ items(filters: {search: "\\ud800"}) { totalCount } }'
    response = post(client, {"query": query}, accept=GRAPHQL_RESPONSE_JSON, user=owner)
    assert response.status_code == 400 and codes(response) == ["BAD_USER_INPUT"]
    assert "Unicode" in response.json()["errors"][0]["message"]


def test_nul_in_a_literal_is_400_with_either_type(gql, owner):
    query = '{ items(filters: {search: "\\u0000"}) { totalCount } }'
    for accept in BOTH:
        body = gql(query, user=owner, accept=accept)
        assert body["status"] == 400 and error_codes(body) == ["BAD_USER_INPUT"]


# SERVICE_UNAVAILABLE: 503 with Retry-After, whatever the media type.

class FakeUnavailable(RateLimited):
    """Formats as the contract's SERVICE_UNAVAILABLE with extensions.retryAfter, as the
    real error does (coordinated by its extensions, not its class)."""

    code = "SERVICE_UNAVAILABLE"


@pytest.mark.parametrize("accept", BOTH)
def test_service_unavailable_is_503_with_retry_after(client, owner, accept, monkeypatch):
    def unavailable(*args, **kwargs):
        raise FakeUnavailable("The database is unavailable.", retry_after=3)

    monkeypatch.setattr("schema.stock.queries.category_summaries", unavailable)
    response = post(client, {"query": "{ categories { name } }"}, accept=accept, user=owner)
    assert response.status_code == 503 and response["Retry-After"] == "3"
    assert media_type(response) == accept
    [error] = response.json()["errors"]
    assert error["extensions"] == {"code": "SERVICE_UNAVAILABLE", "retryAfter": 3}


def test_other_errors_have_no_retry_after(client, owner):
    response = post(client, {"query": '{ item(id: "1") { id } }'}, user=owner)
    assert response.status_code == 200 and "Retry-After" not in response


# Validation messages name the fields.

def test_validation_message_names_fields_and_first_message(gql, owner):
    body = gql(CREATE, {"input": {"name": " ", "category": "c", "price": "1.234"}}, user=owner)
    [error] = body["errors"]
    assert error["extensions"]["fieldErrors"] == {
        "name": ["This field may not be blank."],
        "price": ["Must have at most 2 decimal places."]}
    assert error["message"] == ("name: This field may not be blank.; "
                                "price: Must have at most 2 decimal places.")
