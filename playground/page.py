"""The GraphiQL page, from the project's own static files (or how to build them)."""

from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

BUNDLE = "playground/graphiql.js"


def _built() -> bool:
    return bool(finders.find(BUNDLE)) or staticfiles_storage.exists(BUNDLE)


def playground_response(request: HttpRequest) -> HttpResponse:
    if not _built():
        return HttpResponse(render_to_string("playground/not_built.html"), status=503)
    response = HttpResponse(render_to_string("playground/graphiql.html", request=request))
    host = request.get_host()
    # Nothing but this server: scripts and styles from its static files, the API, its socket.
    response["Content-Security-Policy"] = (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; font-src 'self' data:; "
        f"connect-src 'self' ws://{host} wss://{host}; "
        "frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
    )
    return response
