"""HTTP through the ASGI application the server runs (config.asgi): Django's handler in a
thread per request, with the middleware, the JWT user and the limits of every request."""

import json

import pytest
from channels.testing import HttpCommunicator

from config.asgi import application
from tests.conftest import access_token

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]

ME = json.dumps({"query": "{ me { username } }"}).encode()
ITEMS = json.dumps({"query": "{ items { totalCount } }"}).encode()


async def _post(body: bytes, token: str | None = None, **extra_headers):
    headers = [(b"content-type", b"application/json"),
               (b"content-length", str(len(body)).encode()), (b"host", b"127.0.0.1")]
    if token:
        headers.append((b"authorization", f"JWT {token}".encode()))
    headers += [(k.encode(), v.encode()) for k, v in extra_headers.items()]
    response = await HttpCommunicator(application, "POST", "/graphql/", body=body,
                                      headers=headers).get_response(timeout=10)
    return response["status"], dict(response["headers"]), json.loads(response["body"])


async def test_a_query_is_answered_for_the_tokens_user(owner):
    status, headers, body = await _post(ME, access_token(owner))
    assert status == 200
    assert body == {"data": {"me": {"username": owner.username}}}
    assert headers[b"content-type"].startswith(b"application/json")
    assert headers[b"x-frame-options"] == b"DENY"  # the middleware ran


async def test_a_deactivated_user_is_refused_at_once(owner):
    token = access_token(owner)
    status, _, body = await _post(ITEMS, token)
    assert body == {"data": {"items": {"totalCount": 0}}}
    owner.is_active = False
    await owner.asave(update_fields=["is_active"])
    status, _, body = await _post(ITEMS, token)
    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_a_body_over_the_limit_is_refused(settings, owner):
    settings.GRAPHQL_MAX_BODY_BYTES = 100
    big = json.dumps({"query": "{ me { username } }", "variables": {"x": "y" * 200}}).encode()
    status, _, body = await _post(big, access_token(owner))
    assert status == 413
    assert body["errors"][0]["extensions"]["limit"] == "bodyBytes"


async def _post_chunked(chunks: list[bytes], token: str):
    """A body without Content-Length, in several messages (as a chunked request arrives)."""
    from asgiref.testing import ApplicationCommunicator

    scope = {"type": "http", "http_version": "1.1", "method": "POST", "path": "/graphql/",
             "raw_path": b"/graphql/", "query_string": b"", "root_path": "", "scheme": "http",
             "headers": [(b"content-type", b"application/json"), (b"host", b"127.0.0.1"),
                         (b"authorization", f"JWT {token}".encode())],
             "client": ("127.0.0.1", 5000), "server": ("127.0.0.1", 80)}
    communicator = ApplicationCommunicator(application, scope)
    for n, chunk in enumerate(chunks):
        await communicator.send_input({"type": "http.request", "body": chunk,
                                       "more_body": n < len(chunks) - 1})
    start = await communicator.receive_output(10)
    body = b""
    while True:
        message = await communicator.receive_output(10)
        body += message.get("body", b"")
        if not message.get("more_body"):
            break
    return start["status"], json.loads(body)


async def test_a_body_without_content_length_is_read_whole(owner):
    status, body = await _post_chunked([ME[:10], ME[10:20], ME[20:]], access_token(owner))
    assert status == 200
    assert body == {"data": {"me": {"username": owner.username}}}


async def test_a_body_without_content_length_over_the_limit_is_refused(settings, owner):
    settings.GRAPHQL_MAX_BODY_BYTES = 100
    status, body = await _post_chunked([b"{" + b" " * 60] * 5 + [b"}"], access_token(owner))
    assert status == 413
    assert body["errors"][0]["extensions"]["limit"] == "bodyBytes"


async def test_healthz_answers_while_every_http_thread_waits():
    """A probe has threads of its own: requests waiting (e.g. for a row lock) in every
    HTTP thread do not hold it up."""
    import asyncio
    import threading

    from config.http import WSGIBridge

    bridge = WSGIBridge(threads=1)
    real, release = bridge.wsgi, threading.Event()

    def waiting_app(environ, start_response):
        if environ["PATH_INFO"] == "/graphql/":
            release.wait(10)
        return real(environ, start_response)

    bridge.wsgi = waiting_app
    headers = [(b"host", b"127.0.0.1")]
    waiting = asyncio.ensure_future(HttpCommunicator(
        bridge, "POST", "/graphql/", body=ME, headers=[*headers, (
            b"content-type", b"application/json")]).get_response(timeout=15))
    try:
        await asyncio.sleep(0.2)
        health = await HttpCommunicator(bridge, "GET", "/healthz",
                                        headers=headers).get_response(timeout=5)
        assert health["status"] in (200, 503)  # answered (no Redis configured here)
        assert json.loads(health["body"])["database"] == "ok"
        assert not waiting.done()
    finally:
        release.set()
    assert (await waiting)["status"] == 200  # then answered (UNAUTHENTICATED: no token)

