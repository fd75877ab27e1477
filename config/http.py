"""HTTP for the ASGI server: Django's WSGI handler run in a pool of HTTP_THREADS threads.

Django's ASGI handler runs a sync view through several hops between the event loop and
threads per request (the request signals, each sync-only middleware and the layer below
it, the JWT middleware, the view), each with its own thread and context: about a third
of a small GraphQL request's CPU here (README: Performance). Every view and middleware
of ours is sync, so the body is read on the loop, the whole of Django runs in ONE pool
thread (as under a WSGI server), and the response is sent from the loop. The thread is
entered through asgiref's sync_to_async, so async_to_sync in it (the Channels layer's
group_send of live events) runs on the server's loop, as under Django's ASGI handler,
not on a new loop per call. Websockets stay on Channels (config.asgi).

The body is spooled as Django's ASGI handler does (memory up to
FILE_UPLOAD_MAX_MEMORY_SIZE, then a temporary file), and given a CONTENT_LENGTH when the
client sent none (chunked). Reading stops past GRAPHQL_MAX_BODY_BYTES: the length is then
over the limit and the view answers 413. The response is collected in the thread (the
API answers JSON, WhiteNoise the admin's small static files: nothing streams).

/healthz and /metrics run in threads of their own: a load balancer's probe must answer
even when every HTTP thread waits (e.g. for a row lock another request holds).
"""

import tempfile
from concurrent.futures import ThreadPoolExecutor

from a2wsgi.wsgi import build_environ
from asgiref.sync import sync_to_async
from django.conf import settings
from django.core.wsgi import get_wsgi_application

from core.arrival import mark_arrival

OPERATIONS_PATHS = frozenset({"/healthz", "/metrics"})


class WSGIBridge:
    def __init__(self, threads: int) -> None:
        self.wsgi = get_wsgi_application()
        self.respond = self._responder(threads, "http")
        self.respond_operations = self._responder(2, "operations")

    def _responder(self, threads: int, name: str):
        executor = ThreadPoolExecutor(max_workers=threads, thread_name_prefix=name)
        return sync_to_async(self._respond, thread_sensitive=False, executor=executor)

    async def __call__(self, scope, receive, send) -> None:
        mark_arrival()  # the context is copied into the thread that answers
        body = tempfile.SpooledTemporaryFile(max_size=settings.FILE_UPLOAD_MAX_MEMORY_SIZE)
        try:
            size = 0
            while True:
                message = await receive()
                if message["type"] == "http.disconnect":
                    return
                chunk = message.get("body", b"")
                body.write(chunk)
                size += len(chunk)
                if not message.get("more_body", False) or size > settings.GRAPHQL_MAX_BODY_BYTES:
                    break
            body.seek(0)
            environ = build_environ(scope, body)
            environ.setdefault("CONTENT_LENGTH", str(size))
            respond = (self.respond_operations if scope["path"] in OPERATIONS_PATHS
                       else self.respond)
            status, headers, content = await respond(environ)
        finally:
            body.close()
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": content})

    def _respond(self, environ) -> tuple[int, list, bytes]:
        started = {}

        def start_response(status, headers, exc_info=None):
            started["status"] = int(status.split(" ", 1)[0])
            started["headers"] = [(name.lower().encode("latin1"), value.encode("latin1"))
                                  for name, value in headers]

        chunks = self.wsgi(environ, start_response)
        try:
            content = b"".join(chunks)
        finally:
            if hasattr(chunks, "close"):
                chunks.close()  # request_finished: the connection goes back to the pool
        return started["status"], started["headers"], content


def http_application() -> WSGIBridge:
    return WSGIBridge(settings.HTTP_THREADS)
