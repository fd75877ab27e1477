import json

import pytest
from django.test import override_settings

from tests.conftest import access_token

INTROSPECTION = "{ __schema { queryType { name } } }"


def reload_urls_and_schema():
    """Settings read at import (introspection rule) need a fresh schema module."""
    import importlib
    import sys

    from django.urls import clear_url_caches

    for name in ["schema.schema", "config.urls"]:
        if name in sys.modules:
            importlib.reload(sys.modules[name])
    clear_url_caches()


@pytest.fixture
def rebuild():
    yield reload_urls_and_schema
    reload_urls_and_schema()


def introspect(client, user):
    return client.post("/graphql/", json.dumps({"query": INTROSPECTION}),
                       content_type="application/json",
                       HTTP_AUTHORIZATION=f"JWT {access_token(user)}").json()


def test_graphiql_served_only_when_enabled(client, db, settings):
    settings.GRAPHIQL = True
    page = client.get("/graphql/", HTTP_ACCEPT="text/html")
    assert page.status_code == 200 and b"graphiql" in page.content.lower()
    settings.GRAPHIQL = False
    page = client.get("/graphql/", HTTP_ACCEPT="text/html")
    assert b"graphiql" not in page.content.lower()


def test_introspection_off_in_production(client, owner, rebuild):
    with override_settings(GRAPHQL_INTROSPECTION=False):
        rebuild()
        body = introspect(client, owner)
    assert body["data"] is None and body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


def test_introspection_on_when_enabled(client, owner, rebuild):
    with override_settings(GRAPHQL_INTROSPECTION=True):
        rebuild()
        body = introspect(client, owner)
    assert body["data"]["__schema"]["queryType"]["name"] == "Query"
