"""Prometheus metrics (prometheus-client), served at GET /metrics (config.metrics_view).

Recording is an in-memory add (an mmap write in multiprocess mode, when
PROMETHEUS_MULTIPROC_DIR is set: gunicorn.conf.py sets it for several workers).
"""

import re

from prometheus_client import Counter, Gauge, Histogram

REQUESTS = Counter(
    "inventory_graphql_requests_total",
    "GraphQL requests by operation name and outcome (OK or the first error code).",
    ["operation", "outcome"],
)
LATENCY = Histogram(
    "inventory_graphql_request_duration_seconds",
    "Time to answer a GraphQL request, by operation name.",
    ["operation"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
EVENTS_PUBLISHED = Counter(
    "inventory_live_events_published_total", "Live event messages sent to the channel layer.")
EVENTS_LOST = Counter(
    "inventory_live_events_lost_total",
    "Live event messages of committed writes that could not be sent (channel layer down).")
SUBSCRIPTIONS_OPEN = Gauge(
    "inventory_subscriptions_open", "Subscriptions running now.", multiprocess_mode="livesum")
SUBSCRIPTIONS_FAILED = Counter(
    "inventory_subscriptions_closed_by_failure_total",
    "Subscriptions closed with 1011 because the database or the channel layer failed.")
LOGIN_THROTTLE_FALLBACKS = Counter(
    "inventory_login_throttle_fallbacks_total",
    "Login throttle operations counted in process memory: the shared cache was unreachable.")
DB_POOL = Gauge(
    "inventory_db_pool_connections",
    "Database pool: connections open (size), idle (available), requests waiting (waiting).",
    ["state"], multiprocess_mode="livesum")

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}")
_MAX_NAMES = 200  # a client chooses operation names: bound the number of series
_seen: set[str] = set()


def operation_label(name: str | None) -> str:
    """The label for an operation name: the name itself for the first _MAX_NAMES valid
    ones this process sees, "anonymous" without one, "other" past the bound."""
    if not name:
        return "anonymous"
    if name in _seen:
        return name
    if len(_seen) < _MAX_NAMES and _NAME.fullmatch(name):
        _seen.add(name)
        return name
    return "other"
