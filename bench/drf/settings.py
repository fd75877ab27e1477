"""The product's settings plus the DRF reference's apps and URLs (bench only)."""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.drf.urls"
INSTALLED_APPS = [*INSTALLED_APPS, "rest_framework", "django_filters"]  # noqa: F405

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework_simplejwt.authentication.JWTAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend",
                                "rest_framework.filters.OrderingFilter"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.LimitOffsetPagination",
    "PAGE_SIZE": 20,
    "UNAUTHENTICATED_USER": None,
}
SIMPLE_JWT = {
    "SIGNING_KEY": SECRET_KEY,  # noqa: F405
    "ALGORITHM": "HS256",
    "AUTH_HEADER_TYPES": ("JWT", "Bearer"),
    "ACCESS_TOKEN_LIFETIME": timedelta(days=1),  # noqa: F405
}
