"""Request ids in every log line, and the request metrics of /graphql/.

The id is the X-Request-ID a trusted proxy (TRUSTED_PROXIES) sent, else a new one; it
is returned in the response's X-Request-ID and carried by every log line written while
the request runs (LOG_FORMAT=json: one JSON object per line).
"""

import logging
import re
import time
import uuid
from contextvars import ContextVar

from asgiref.sync import iscoroutinefunction, markcoroutinefunction

from core import metrics

request_id: ContextVar[str] = ContextVar("request_id", default="-")

_VALID_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")
_GRAPHQL_PATHS = frozenset({"/graphql/", "/graphql"})


class RequestIdFilter(logging.Filter):
    """Adds record.request_id (the running request's id, or "-")."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id.get()
        return True


def _incoming_id(request) -> str:
    sent = request.META.get("HTTP_X_REQUEST_ID")
    if sent and _VALID_ID.fullmatch(sent):
        from accounts.throttle import is_trusted_proxy

        if is_trusted_proxy(request.META.get("REMOTE_ADDR")):
            return sent
    return uuid.uuid4().hex


def _outcome(request, status: int) -> tuple[str, str]:
    named = getattr(request, "graphql_outcome", None)
    if named is not None:
        return named
    if status == 503:
        return "-", "SERVICE_UNAVAILABLE"
    if 400 <= status < 500:
        return "-", "BAD_USER_INPUT"
    if status >= 500:
        return "-", "INTERNAL_SERVER_ERROR"
    return "-", "OK"


def _record(request, response, started: float) -> None:
    response["X-Request-ID"] = request.request_id
    if request.path in _GRAPHQL_PATHS and request.method == "POST":
        operation, outcome = _outcome(request, response.status_code)
        metrics.REQUESTS.labels(operation, outcome).inc()
        metrics.LATENCY.labels(operation).observe(time.perf_counter() - started)


class ObservabilityMiddleware:
    """First in MIDDLEWARE: every response carries the request id."""

    sync_capable = True
    async_capable = True

    def __init__(self, get_response):
        self.get_response = get_response
        self.is_async = iscoroutinefunction(get_response)
        if self.is_async:
            markcoroutinefunction(self)
        from config.metrics_view import metrics_enabled, start_pool_sampler

        if metrics_enabled():
            start_pool_sampler()

    def _start(self, request):
        request.request_id = _incoming_id(request)
        return request_id.set(request.request_id), time.perf_counter()

    def __call__(self, request):
        if self.is_async:
            return self.__acall__(request)
        token, started = self._start(request)
        try:
            response = self.get_response(request)
            _record(request, response, started)
            return response
        finally:
            request_id.reset(token)

    async def __acall__(self, request):
        token, started = self._start(request)
        try:
            response = await self.get_response(request)
            _record(request, response, started)
            return response
        finally:
            request_id.reset(token)
