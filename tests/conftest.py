import json

import pytest
from django.db import connection
from django.test import Client

from tests.factories import OwnerFactory, SuperuserFactory, WorkerFactory


def pytest_addoption(parser):
    parser.addoption("--browser", action="store_true",
                     help="run the real-browser tests (tests/playground; .ci/playground does)")


def pytest_collection_modifyitems(config, items):
    from django.conf import settings

    if not config.getoption("--browser"):
        skip_browser = pytest.mark.skip(reason="real-browser test: run .ci/playground")
        for item in items:
            if "browser" in item.keywords:
                item.add_marker(skip_browser)

    engine = settings.DATABASES["default"]["ENGINE"]
    if engine == "django.db.backends.postgresql":
        return
    skip = pytest.mark.skip(
        reason="needs PostgreSQL: run with DATABASE_URL=postgres://... (.ci/run does)"
    )
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def owner(db):
    return OwnerFactory()


@pytest.fixture
def worker(owner):
    return WorkerFactory(employer=owner)


@pytest.fixture
def other_owner(db):
    return OwnerFactory()


@pytest.fixture
def superuser(db):
    return SuperuserFactory()


def access_token(user) -> str:
    from accounts.tokens import access_token_for

    return access_token_for(user)


GRAPHQL_RESPONSE_JSON = "application/graphql-response+json"


class GraphQLClient:
    """Posts operations to /graphql/ like a real client would."""

    def __init__(self):
        self.http = Client()

    def post(self, query, variables=None, *, user=None, token=None, auth_header=None,
             accept=None):
        headers = {} if accept is None else {"HTTP_ACCEPT": accept}
        if user is not None:
            token = access_token(user)
        if token is not None:
            headers["HTTP_AUTHORIZATION"] = f"JWT {token}"
        if auth_header is not None:
            headers["HTTP_AUTHORIZATION"] = auth_header
        response = self.http.post(
            "/graphql/",
            json.dumps({"query": query, "variables": variables or {}}),
            content_type="application/json",
            **headers,
        )
        body = response.json()
        body["status"] = response.status_code
        return body

    def __call__(self, query, variables=None, **kwargs):
        return self.post(query, variables, **kwargs)


@pytest.fixture
def gql(db):
    return GraphQLClient()


def error_codes(body) -> list[str]:
    return [error["extensions"]["code"] for error in body.get("errors", [])]


@pytest.fixture
def is_postgres():
    return connection.vendor == "postgresql"


def execute(query, variables=None, *, user):
    """Run an operation on the schema directly, as user (no HTTP, no token lookup)."""
    from django.test import RequestFactory
    from strawberry.django.context import StrawberryDjangoContext

    from schema.schema import schema

    request = RequestFactory().post("/graphql/")
    request.user = user
    result = schema.execute_sync(
        query, variable_values=variables or {},
        context_value=StrawberryDjangoContext(request=request, response=None),
    )
    assert not result.errors, result.errors
    return result.data


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Login counters live in the cache: every test starts with none."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def calls_during(owner, name: str, call):
    """(How many times owner.name was called while call() ran, call()'s result)."""
    from unittest import mock

    with mock.patch.object(owner, name, autospec=True,
                           side_effect=getattr(owner, name)) as spied:
        result = call()
    return spied.call_count, result
