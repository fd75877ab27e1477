"""GET /metrics: the Prometheus text format, for a scraper that the settings allow.

Off (404) unless METRICS_TOKEN (a bearer token) or METRICS_ALLOWED_NETWORKS is set; when
both are set, a scrape needs both. With several workers (PROMETHEUS_MULTIPROC_DIR set,
see gunicorn.conf.py) every worker's numbers are summed, whichever worker answers.
"""

import hmac
import ipaddress
import os
import threading
import time

from django.conf import settings
from django.db import connections
from django.http import HttpResponse
from django.views.decorators.http import require_GET
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, generate_latest
from prometheus_client.multiprocess import MultiProcessCollector

from core import metrics

POOL_SAMPLE_SECONDS = 5.0


def metrics_enabled() -> bool:
    return bool(settings.METRICS_TOKEN or settings.METRICS_ALLOWED_NETWORKS)


def _allowed(request) -> bool:
    if settings.METRICS_TOKEN:
        header = request.META.get("HTTP_AUTHORIZATION", "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(
            token.strip().encode("utf-8", "surrogatepass"),
            settings.METRICS_TOKEN.encode(),
        ):
            return False
    if settings.METRICS_ALLOWED_NETWORKS:
        try:
            address = ipaddress.ip_address(request.META.get("REMOTE_ADDR") or "")
        except ValueError:
            return False
        if not any(address in ipaddress.ip_network(network, strict=False)
                   for network in settings.METRICS_ALLOWED_NETWORKS):
            return False
    return True


def sample_pool() -> None:
    """Set the pool gauges from this process's database pool, if it has one."""
    pool = getattr(type(connections["default"]), "_connection_pools", {}).get("default")
    if pool is None:
        return
    stats = pool.get_stats()
    metrics.DB_POOL.labels("size").set(stats.get("pool_size", 0))
    metrics.DB_POOL.labels("available").set(stats.get("pool_available", 0))
    metrics.DB_POOL.labels("waiting").set(stats.get("requests_waiting", 0))


_sampler_lock = threading.Lock()
_sampler: threading.Thread | None = None


def start_pool_sampler() -> None:
    """Once per process: keep the pool gauges fresh for whichever worker is scraped."""
    global _sampler
    if not hasattr(type(connections["default"]), "_connection_pools"):
        return  # not PostgreSQL: no pool
    with _sampler_lock:
        if _sampler is not None:
            return

        def run() -> None:
            while True:
                sample_pool()
                time.sleep(POOL_SAMPLE_SECONDS)

        _sampler = threading.Thread(target=run, name="db-pool-metrics", daemon=True)
        _sampler.start()


@require_GET
def metrics_view(request):
    if not metrics_enabled():
        return HttpResponse("Not found.", status=404, content_type="text/plain")
    if not _allowed(request):
        response = HttpResponse("Unauthorized.", status=401, content_type="text/plain")
        response["WWW-Authenticate"] = "Bearer"
        return response
    sample_pool()
    registry = REGISTRY
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        MultiProcessCollector(registry)
    return HttpResponse(generate_latest(registry), content_type=CONTENT_TYPE_LATEST)
