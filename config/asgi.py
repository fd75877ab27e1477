"""ASGI entry point: HTTP through Django (middleware, JWT, the view), websockets at
/graphql/ through strawberry's consumer, behind an Origin check.

A browser always sends Origin, and it must be an allowed host (no cross-site socket
riding on a page). A client that sends none (Node, Python, mobile) is no browser; its
socket is authenticated by its token alone."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django_asgi_app = get_asgi_application()

# Imported after Django is set up.
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import OriginValidator  # noqa: E402
from django.conf import settings  # noqa: E402
from django.urls import path  # noqa: E402

from schema.schema import schema  # noqa: E402
from schema.websocket import GraphQLConsumer  # noqa: E402


class OriginAllowedOrAbsent(OriginValidator):
    """Channels' AllowedHostsOriginValidator, but a missing Origin is let through."""

    def valid_origin(self, parsed_origin):
        return parsed_origin is None or self.validate_origin(parsed_origin)


def allowed_origin_hosts() -> list[str]:
    hosts = list(settings.ALLOWED_HOSTS)
    if settings.DEBUG and not hosts:
        hosts = ["localhost", "127.0.0.1", "[::1]"]
    return hosts


consumer = GraphQLConsumer.as_asgi(schema=schema)
websocket_urls = [path("graphql/", consumer), path("graphql", consumer)]

application = ProtocolTypeRouter({
    "http": django_asgi_app,
    "websocket": OriginAllowedOrAbsent(URLRouter(websocket_urls), allowed_origin_hosts()),
})
