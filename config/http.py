"""HTTP for the ASGI server: Django's WSGI handler in a thread pool (a2wsgi).

Django's ASGI handler runs a sync view through several hops between the event loop and
threads per request (the request signals, each sync-only middleware and the layer below
it, the JWT middleware, the view), each with its own thread and context: about a third
of a small GraphQL request's CPU here (README: Performance). Every view and middleware
of ours is sync, so the whole of Django runs in ONE pool thread per request, as under a
WSGI server. Websockets stay on Channels (config.asgi).
"""

from a2wsgi import WSGIMiddleware
from django.conf import settings
from django.core.wsgi import get_wsgi_application


class ChunkedBodyLength:
    """Django's WSGI request reads CONTENT_LENGTH bytes of a body, and none without it:
    a body sent without Content-Length (chunked) is read here and its length set. Past
    GRAPHQL_MAX_BODY_BYTES reading stops; the length given then is over the limit, so
    the view answers 413 without reading the body."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or any(
                name == b"content-length" for name, _ in scope["headers"]):
            return await self.app(scope, receive, send)
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return None
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if not message.get("more_body", False) or size > settings.GRAPHQL_MAX_BODY_BYTES:
                break
        body = b"".join(chunks)
        scope = {**scope, "headers": [*scope["headers"], (b"content-length", str(size).encode())]}
        replayed = False

        async def replay():
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        return await self.app(scope, replay, send)


def http_application():
    return ChunkedBodyLength(WSGIMiddleware(get_wsgi_application(),
                                            workers=settings.HTTP_THREADS))
