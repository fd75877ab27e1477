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


@pytest.fixture
def built(monkeypatch):
    monkeypatch.setattr("playground.page._built", lambda: True)


def test_graphiql_served_only_when_enabled(client, db, settings, built):
    settings.GRAPHIQL = True
    page = client.get("/graphql/", HTTP_ACCEPT="text/html")
    assert page.status_code == 200 and b"graphiql" in page.content.lower()
    settings.GRAPHIQL = False
    page = client.get("/graphql/", HTTP_ACCEPT="text/html")
    assert b"graphiql" not in page.content.lower()


@pytest.mark.parametrize("path", ["/graphql/", "/graphql"])
def test_graphiql_loads_only_this_servers_files(client, db, settings, built, path):
    settings.GRAPHIQL = True
    page = client.get(path, HTTP_ACCEPT="text/html,*/*;q=0.8")
    html = page.content.decode()
    assert '<script src="/static/playground/graphiql.js"' in html
    assert 'href="/static/playground/graphiql.css"' in html
    assert "http://" not in html and "https://" not in html and "//" not in html.replace(
        "<!--", "")
    csp = page["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self';" in csp
    assert "connect-src 'self' ws://testserver wss://testserver" in csp


def test_graphiql_not_built_says_how(client, db, settings, monkeypatch):
    settings.GRAPHIQL = True
    monkeypatch.setattr("playground.page._built", lambda: False)
    page = client.get("/graphql/", HTTP_ACCEPT="text/html")
    assert page.status_code == 503 and b"make playground" in page.content


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
