"""GET /metrics (off by default; bearer token or allowed networks), request ids on every
response and log line, LOG_FORMAT=json."""

import io
import json
import logging
import re
from unittest import mock

import pytest

from config.observability import RequestIdFilter, request_id

ME = "query Me { me { id } }"


def post(client, query, **headers):
    return client.post("/graphql/", {"query": query}, content_type="application/json",
                       **headers)


def test_metrics_are_off_by_default(client, db, settings):
    settings.METRICS_TOKEN, settings.METRICS_ALLOWED_NETWORKS = "", []
    assert client.get("/metrics").status_code == 404


def test_metrics_need_the_bearer_token(client, db, settings):
    settings.METRICS_TOKEN = "scrape-secret"
    assert client.get("/metrics").status_code == 401
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer wrong").status_code == 401
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer scrape-secret").status_code == 200


@pytest.mark.parametrize(("networks", "status"), [(["127.0.0.0/8"], 200), (["10.0.0.0/8"], 401)])
def test_metrics_from_allowed_networks_only(client, db, settings, networks, status):
    settings.METRICS_TOKEN, settings.METRICS_ALLOWED_NETWORKS = "", networks
    assert client.get("/metrics").status_code == status  # the test client is 127.0.0.1


def test_metrics_count_requests_by_operation_and_outcome(client, owner, settings):
    from tests.conftest import access_token

    settings.METRICS_TOKEN = "scrape-secret"
    post(client, ME, HTTP_AUTHORIZATION=f"JWT {access_token(owner)}")
    post(client, ME)  # anonymous
    post(client, "mutation Nope { adjustStock(input: {itemId: 1, delta: 1, reason: SOLD}) "
                 "{ id } }")
    text = client.get("/metrics", HTTP_AUTHORIZATION="Bearer scrape-secret").content.decode()
    assert 'inventory_graphql_requests_total{operation="Me",outcome="OK"}' in text
    assert 'inventory_graphql_requests_total{operation="Me",outcome="UNAUTHENTICATED"}' in text
    assert 'inventory_graphql_requests_total{operation="Nope",outcome="UNAUTHENTICATED"}' in text
    assert 'inventory_graphql_request_duration_seconds_bucket{le="0.005",operation="Me"}' in text
    for name in ("inventory_live_events_lost_total", "inventory_live_events_published_total",
                 "inventory_subscriptions_open", "inventory_login_throttle_fallbacks_total"):
        assert name in text


def test_operation_names_cannot_grow_the_series_without_bound():
    from core.metrics import operation_label

    assert operation_label(None) == "anonymous"
    assert operation_label("x" * 65) == "other"
    assert operation_label("bad name") == "other"


def test_every_response_carries_a_new_request_id(client, db):
    first = post(client, ME)["X-Request-ID"]
    second = client.get("/healthz")["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", first) and first != second


def test_request_id_is_taken_only_from_a_trusted_proxy(client, db, settings):
    assert post(client, ME, HTTP_X_REQUEST_ID="abc-123")["X-Request-ID"] != "abc-123"
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    assert post(client, ME, HTTP_X_REQUEST_ID="abc-123")["X-Request-ID"] == "abc-123"
    assert post(client, ME, HTTP_X_REQUEST_ID="bad id\n")["X-Request-ID"] != "bad id\n"


def test_log_lines_carry_the_request_id(client, db):
    from tests.config.test_database_unavailable import _wrapped

    lines = io.StringIO()
    handler = logging.StreamHandler(lines)
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(logging.Formatter("%(request_id)s %(message)s"))
    logger = logging.getLogger("accounts.middleware")
    logger.addHandler(handler)
    try:
        with mock.patch("accounts.tokens.user_for_authorization", side_effect=_wrapped(None)):
            response = post(client, ME, HTTP_AUTHORIZATION="JWT whatever")
        logger.warning("outside")
    finally:
        logger.removeHandler(handler)
    inside, outside = lines.getvalue().splitlines()
    assert inside.startswith(response["X-Request-ID"] + " Database unavailable")
    assert outside == "- outside"


def test_json_log_format_is_one_object_per_line():
    from django.conf import settings

    config = settings.LOGGING["formatters"]["json"]
    formatter = config["()"]
    module, _, name = formatter.rpartition(".")
    cls = getattr(__import__(module, fromlist=[name]), name)
    lines = io.StringIO()
    handler = logging.StreamHandler(lines)
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(cls(config["fmt"], rename_fields=config["rename_fields"]))
    log = logging.getLogger("tests.json")
    log.addHandler(handler)
    log.propagate = False
    try:
        token = request_id.set("req-7")
        log.warning("two\nlines")
        request_id.reset(token)
    finally:
        log.removeHandler(handler)
    [line] = lines.getvalue().splitlines()
    record = json.loads(line)
    assert record["request_id"] == "req-7" and record["message"] == "two\nlines"
    assert record["level"] == "WARNING" and record["logger"] == "tests.json"
