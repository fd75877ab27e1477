"""ASGI entry point: HTTP through Django (middleware, JWT, the view), websockets at
/graphql/ through strawberry's consumer, behind an Origin check."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django_asgi_app = get_asgi_application()

# Imported after Django is set up.
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402
from django.urls import path  # noqa: E402

from schema.schema import schema  # noqa: E402
from schema.websocket import GraphQLConsumer  # noqa: E402

consumer = GraphQLConsumer.as_asgi(schema=schema)
websocket_urls = [path("graphql/", consumer), path("graphql", consumer)]

application = ProtocolTypeRouter({
    "http": django_asgi_app,
    "websocket": AllowedHostsOriginValidator(URLRouter(websocket_urls)),
})
