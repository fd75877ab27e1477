"""Failed logins, counted per username (ignoring case) and per client address in the
shared cache. Past a limit, every attempt for that username or address is refused
(RATE_LIMITED, with the seconds left) until the window that began with the first
failure has passed — even with the right password.

Written over Django's cache rather than django-axes or django-ratelimit: axes works
through authenticate() signals and answers with its own HTTP responses, and
ratelimit counts every call and has no failure-only mode with a retry time; the
contract needs neither, just these counters.

While the shared cache (Redis) is unreachable, each process counts in its own memory
(logins keep working and stay throttled, per process), logs that once, and tries the
shared cache again after SHARED_RETRY_SECONDS.
"""

import hashlib
import ipaddress
import logging
import threading
import time

from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache

from core import metrics
from core.errors import RateLimited

logger = logging.getLogger("accounts.throttle")

SHARED_RETRY_SECONDS = 5.0

try:
    from redis.exceptions import RedisError

    _CACHE_ERRORS: tuple[type[Exception], ...] = (RedisError, OSError)
except ImportError:  # pragma: no cover - redis is a pinned requirement
    _CACHE_ERRORS = (OSError,)


class _Counters:
    """The shared cache, or this process's memory while the shared one fails."""

    def __init__(self) -> None:
        self.memory = LocMemCache("login-throttle-fallback", {"OPTIONS": {"MAX_ENTRIES": 100_000}})
        self.shared_down_until = 0.0
        self.lock = threading.Lock()

    def run(self, operation):
        """operation(cache) on the shared cache; on the memory one if the shared one fails."""
        if time.monotonic() >= self.shared_down_until:
            try:
                result = operation(cache)
            except _CACHE_ERRORS as exc:
                self._fell_back(exc)
            else:
                self._recovered()
                return result
        metrics.LOGIN_THROTTLE_FALLBACKS.inc()
        return operation(self.memory)

    def _fell_back(self, exc: Exception) -> None:
        with self.lock:
            first = self.shared_down_until == 0.0
            self.shared_down_until = time.monotonic() + SHARED_RETRY_SECONDS
        if first:
            logger.warning("The shared cache is unreachable (%s: %s): login failures are "
                           "counted in this process's memory until it answers again.",
                           type(exc).__name__, exc)

    def _recovered(self) -> None:
        if self.shared_down_until:
            with self.lock:
                was_down, self.shared_down_until = self.shared_down_until, 0.0
            if was_down:
                logger.warning("The shared cache answers again: login failures are counted "
                               "there again.")


_counters = _Counters()


def _key(kind: str, value: str) -> str:
    digest = hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return f"login-failures:{kind}:{digest}"


def _keys(username: str, address: str | None) -> list[tuple[str, int]]:
    keys = [(_key("user", username.casefold()), settings.LOGIN_MAX_FAILURES_PER_USERNAME)]
    if address:
        keys.append((_key("addr", address), settings.LOGIN_MAX_FAILURES_PER_ADDRESS))
    return keys


def check_login_allowed(username: str, address: str | None) -> None:
    """Raise RateLimited if the username or the address is over its limit."""
    _counters.run(lambda cache: _check(cache, username, address))


def record_login_failure(username: str, address: str | None) -> None:
    _counters.run(lambda cache: _record(cache, username, address))


def _check(cache, username: str, address: str | None) -> None:
    for key, limit in _keys(username, address):
        count = cache.get(key)
        if count is not None and count >= limit:
            started = cache.get(f"{key}:start") or time.time()
            retry_after = max(1, int(started + settings.LOGIN_FAILURE_WINDOW_SECONDS
                                     - time.time()))
            raise RateLimited(
                f"Too many failed logins. Try again in {retry_after} seconds.",
                retry_after=retry_after,
            )


def _record(cache, username: str, address: str | None) -> None:
    window = settings.LOGIN_FAILURE_WINDOW_SECONDS
    for key, _limit in _keys(username, address):
        if cache.add(key, 0, timeout=window):
            cache.set(f"{key}:start", time.time(), timeout=window)
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr: start a new window
            cache.set(key, 1, timeout=window)
            cache.set(f"{key}:start", time.time(), timeout=window)


def client_address(request) -> str | None:
    """The connecting address; X-Forwarded-For only when it comes from a trusted proxy
    (the rightmost address that is not itself a trusted proxy)."""
    if request is None:
        return None
    remote = request.META.get("REMOTE_ADDR")
    if not settings.TRUSTED_PROXIES or not is_trusted_proxy(remote):
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    for address in reversed([part for part in forwarded if part]):
        if not is_trusted_proxy(address):
            return address
    return remote


def is_trusted_proxy(address: str | None) -> bool:
    try:
        ip = ipaddress.ip_address(address or "")
    except ValueError:
        return False
    for proxy in settings.TRUSTED_PROXIES:
        try:
            if ip in ipaddress.ip_network(proxy, strict=False):
                return True
        except ValueError:
            continue
    return False
