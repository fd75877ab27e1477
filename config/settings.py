"""Django settings, read from the environment (see README: Configuration)."""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_float, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", False)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set SECRET_KEY to a long random string "
            "(for example: python -c \"import secrets; print(secrets.token_urlsafe(50))\"), "
            "or set DEBUG=true for local development."
        )
    SECRET_KEY = "insecure-development-key-only-used-with-debug-on-0123456789abcdef"

ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG else []
)

INSTALLED_APPS = [
    "daphne",  # runserver serves ASGI, websockets included
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "channels",
    "corsheaders",
    "strawberry_django",
    "accounts",
    "stock",
    "playground",
]

MIDDLEWARE = [
    "config.observability.ObservabilityMiddleware",  # request ids, request metrics
    "django.middleware.security.SecurityMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    # WhiteNoise (the admin's static files in production) plus the web app's assets.
    "config.webapp.AppWhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",  # no site-wide policy: only views that set one (/app/)
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "accounts.middleware.JWTAuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "config" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Database: SQLite in the project folder unless DATABASE_URL says otherwise.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
    )
}
# Fail fast when the database is gone (README: Failure behaviour): a connection attempt
# gives up after DB_CONNECT_TIMEOUT_SECONDS, a request waits at most DB_POOL_TIMEOUT_SECONDS
# for a pooled connection, a write waits at most DB_LOCK_TIMEOUT_MS for a row another
# request holds; each answers SERVICE_UNAVAILABLE with Retry-After, nothing applied.
DB_STATEMENT_TIMEOUT_MS = env_int("DB_STATEMENT_TIMEOUT_MS", 5000)
DB_LOCK_TIMEOUT_MS = env_int("DB_LOCK_TIMEOUT_MS", 2000)
DB_CONNECT_TIMEOUT_SECONDS = env_int("DB_CONNECT_TIMEOUT_SECONDS", 2)
DB_POOL_TIMEOUT_SECONDS = env_float("DB_POOL_TIMEOUT_SECONDS", 2.0)
# The pool retries a lost connection every DB_POOL_RECONNECT_DELAY_SECONDS (psycopg_pool
# would double its delay each time: 1, 2, 4, 8 s), so service resumes soon after the
# database does.
DB_POOL_RECONNECT_DELAY_SECONDS = env_float("DB_POOL_RECONNECT_DELAY_SECONDS", 0.5)
DB_RETRY_AFTER_SECONDS = env_int("DB_RETRY_AFTER_SECONDS", 2)
DB_LOCK_RETRY_AFTER_SECONDS = env_int("DB_LOCK_RETRY_AFTER_SECONDS", 1)
# At most this many requests of one process wait in the database for the same item's row
# at once; up to DB_ITEM_MAX_QUEUE more wait for their turn (without a statement running),
# and past both a write to that item answers SERVICE_UNAVAILABLE at once, so one hot item
# never takes every HTTP thread (stock.admission).
DB_ITEM_MAX_WAITERS = env_int("DB_ITEM_MAX_WAITERS", 3)
DB_ITEM_MAX_QUEUE = env_int("DB_ITEM_MAX_QUEUE", 5)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    # Every statement is bounded; a cancelled one answers QUERY_TOO_COMPLEX, not a 500.
    _options["options"] = (f"-c statement_timeout={DB_STATEMENT_TIMEOUT_MS}"
                           f" -c lock_timeout={DB_LOCK_TIMEOUT_MS}")
    _options["connect_timeout"] = DB_CONNECT_TIMEOUT_SECONDS
    if env_bool("DB_POOL", True):
        # psycopg 3's pool (Django 5.1+): requests borrow open connections. Under ASGI
        # each request runs in a thread of its own, so persistent per-thread connections
        # (CONN_MAX_AGE) would pile up until PostgreSQL refuses clients; a pool does not.
        _options["pool"] = {
            "min_size": env_int("DB_POOL_MIN_SIZE", 2),
            "max_size": env_int("DB_POOL_MAX_SIZE", 12),
            "timeout": DB_POOL_TIMEOUT_SECONDS,
        }
        # A pooled connection is checked as it is lent: after a database restart none
        # that died is used (one round trip per request; DB_POOL_CHECK=false saves it).
        DATABASES["default"]["CONN_HEALTH_CHECKS"] = env_bool("DB_POOL_CHECK", True)
        from core.pool import steady_pool_reconnects

        steady_pool_reconnects(DB_POOL_RECONNECT_DELAY_SECONDS)
    else:
        DATABASES["default"]["CONN_MAX_AGE"] = env_int("CONN_MAX_AGE", 0)
        DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

AUTH_USER_MODEL = "accounts.User"
# Only the model backend: JWT is read by accounts.middleware for the GraphQL
# endpoint, never by Django's authenticate() (see STACK_NOTES on the JWT backend).
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The GraphQL API.
SIGNUP_OPEN = env_bool("SIGNUP_OPEN", True)
GRAPHIQL = env_bool("GRAPHIQL", DEBUG)
GRAPHQL_INTROSPECTION = env_bool("GRAPHQL_INTROSPECTION", DEBUG)
# Paths where a request is authenticated by its Authorization header only, never by cookie.
JWT_AUTH_PATHS = ["/graphql/", "/graphql", "/export/items.csv", "/export/changes.csv"]

# Tokens (accounts.tokens): HS256 access tokens signed with JWT_SECRET_KEY (SECRET_KEY
# unless set, so the two can be rotated apart), refresh tokens stored hashed.
JWT_SECRET_KEY = env_str("JWT_SECRET_KEY", "") or SECRET_KEY
JWT_ALGORITHM = "HS256"
JWT_EXPIRATION_DELTA = timedelta(seconds=env_int("JWT_EXPIRATION_SECONDS", 300))
JWT_REFRESH_EXPIRATION_DELTA = timedelta(
    seconds=env_int("JWT_REFRESH_EXPIRATION_SECONDS", 7 * 24 * 3600)
)

# Limits (README: Security and limits).
GRAPHQL_MAX_DEPTH = env_int("GRAPHQL_MAX_DEPTH", 10)
GRAPHQL_MAX_ALIASES = env_int("GRAPHQL_MAX_ALIASES", 15)
GRAPHQL_MAX_TOKENS = env_int("GRAPHQL_MAX_TOKENS", 2000)
GRAPHQL_MAX_BODY_BYTES = env_int("GRAPHQL_MAX_BODY_BYTES", 1_048_576)
DATA_UPLOAD_MAX_MEMORY_SIZE = GRAPHQL_MAX_BODY_BYTES
# CSV imports (importItems, manage.py import_items): the file's size and data rows.
IMPORT_MAX_BYTES = env_int("IMPORT_MAX_BYTES", 10 * 1024 * 1024)
IMPORT_MAX_ROWS = env_int("IMPORT_MAX_ROWS", 100_000)

STRAWBERRY_DJANGO = {
    "PAGINATION_DEFAULT_LIMIT": 20,
    "PAGINATION_MAX_LIMIT": 100,
}

REDIS_URL = env_str("REDIS_URL")
# Redis calls of a request (login throttling, health) give up after REDIS_TIMEOUT_SECONDS.
REDIS_TIMEOUT_SECONDS = env_float("REDIS_TIMEOUT_SECONDS", 1.0)
# GET /healthz waits at most this long for each part (they are probed at once).
HEALTH_TIMEOUT_SECONDS = env_float("HEALTH_TIMEOUT_SECONDS", 1.5)


def _redis_options(*, read_timeout: float, for_asyncio: bool = False) -> dict:
    """Connection options for redis-py (pinned in requirements.txt): bounded connects and
    reads, a PING before reusing a connection idle for 10 s, and one immediate retry on a
    connection error, so a connection that died while Redis was away is never the
    failure a caller sees once Redis is back. The retry must be of the client's kind: a
    sync Retry on an asyncio connection returns the coroutine unawaited, retrying nothing."""
    from redis.asyncio.retry import Retry as AsyncRetry
    from redis.backoff import NoBackoff
    from redis.exceptions import ConnectionError as RedisConnectionError
    from redis.retry import Retry as SyncRetry

    Retry = AsyncRetry if for_asyncio else SyncRetry
    return {
        "socket_connect_timeout": REDIS_TIMEOUT_SECONDS,
        "socket_timeout": read_timeout,
        "socket_keepalive": True,
        "health_check_interval": 10,
        "retry": Retry(NoBackoff(), 1, supported_errors=(RedisConnectionError,)),
    }


# Threads of a server process answering HTTP requests (config.asgi); at most the
# database pool's size, so none waits for a connection. Above DB_ITEM_MAX_WAITERS +
# DB_ITEM_MAX_QUEUE, so threads stay free for other items while one is hot.
HTTP_THREADS = env_int("HTTP_THREADS", 12)

# The shared cache (login throttling): Redis across processes, else this process's memory.
# While Redis is unreachable, accounts.throttle counts in process memory.
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                          "LOCATION": REDIS_URL,
                          "OPTIONS": _redis_options(read_timeout=REDIS_TIMEOUT_SECONDS)}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Logins: failures counted per username and per client address.
LOGIN_MAX_FAILURES_PER_USERNAME = env_int("LOGIN_MAX_FAILURES_PER_USERNAME", 5)
LOGIN_MAX_FAILURES_PER_ADDRESS = env_int("LOGIN_MAX_FAILURES_PER_ADDRESS", 20)
LOGIN_FAILURE_WINDOW_SECONDS = env_int("LOGIN_FAILURE_WINDOW_SECONDS", 15 * 60)
# Proxies (IPs or networks) whose X-Forwarded-For is believed; none by default.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", [])

# Live events: in process without Redis (make run), across processes with it. A
# subscriber's channel holds at most CHANNEL_CAPACITY events; past that, Channels drops
# new ones for it (a subscriber that lags that far behind misses events).
_channel_config = {"capacity": env_int("CHANNEL_CAPACITY", 2000), "expiry": 60}
# Publishing a committed write's events waits at most this long (then they count as lost).
CHANNEL_PUBLISH_TIMEOUT_SECONDS = env_float("CHANNEL_PUBLISH_TIMEOUT_SECONDS", 1.0)
CHANNEL_SOCKET_TIMEOUT_SECONDS = env_float("CHANNEL_SOCKET_TIMEOUT_SECONDS", 15.0)
# redis-py 8's asyncio pool refuses a command past 100 connections in use instead of
# waiting ("Too many connections"): each subscription's group_add takes one, so a burst
# of subscribers to one process would be closed with 1011.
CHANNEL_REDIS_MAX_CONNECTIONS = env_int("CHANNEL_REDIS_MAX_CONNECTIONS", 5000)


def channel_layer_hosts(url: str) -> list[dict]:
    # A subscriber's read blocks in BZPOPMIN for 5 s (channels-redis); the socket
    # timeout must be longer, or every idle subscription drops.
    return [{"address": url, "max_connections": CHANNEL_REDIS_MAX_CONNECTIONS,
             **_redis_options(read_timeout=CHANNEL_SOCKET_TIMEOUT_SECONDS, for_asyncio=True)}]


if REDIS_URL:
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {"hosts": channel_layer_hosts(REDIS_URL), **_channel_config},
        }
    }
else:
    CHANNEL_LAYERS = {
        "default": {"BACKEND": "core.channel_layer.InProcessChannelLayer",
                    "CONFIG": _channel_config}
    }

# HTTPS: one switch for production behind TLS (see README: Deploy).
HTTPS = env_bool("HTTPS", False)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^metrics$"]
if env_bool("SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
# Single-page apps on other origins (django-cors-headers); none by default.
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS", [])
# Under DEBUG, a dev server of a browser app on this machine (any port) may call the API.
CORS_ALLOWED_ORIGIN_REGEXES = (
    [r"^https?://(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$"] if DEBUG else []
)
CORS_URLS_REGEX = r"^/graphql/?$"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# GET /metrics (config.metrics_view): off unless a bearer token or allowed networks are set.
METRICS_TOKEN = env_str("METRICS_TOKEN")
METRICS_ALLOWED_NETWORKS = env_list("METRICS_ALLOWED_NETWORKS", [])

# Logs: every line carries the request id; LOG_FORMAT=json writes one JSON object a line.
LOG_FORMAT = env_str("LOG_FORMAT", "plain").strip().lower()
if LOG_FORMAT not in {"plain", "json"}:
    raise ImproperlyConfigured(f"LOG_FORMAT must be plain or json, not {LOG_FORMAT!r}.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "config.observability.RequestIdFilter"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {"()": "pythonjsonlogger.json.JsonFormatter",
                 "fmt": "%(asctime)s %(levelname)s %(name)s %(request_id)s %(message)s",
                 "rename_fields": {"asctime": "time", "levelname": "level",
                                   "name": "logger"}},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT,
                             "filters": ["request_id"]}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # Replaces Django's default "django" handlers, which would print every line twice.
    "loggers": {"django": {"handlers": ["console"], "level": "INFO", "propagate": False}},
}
