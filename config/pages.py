"""What the server answers outside the API: a landing page at /, the repository's docs,
and a JSON 404 under /api/ (the REST API this project replaced)."""

from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from schema.views import websocket_url

DOCS = Path(settings.BASE_DIR) / "docs"
SERVED_DOCS = {"api.md", "clients.md", "from-rest.md"}
MIGRATION_PAGE = "/docs/from-rest.md"


@require_safe
def landing(request):
    return render(request, "landing.html", {
        "graphiql": settings.GRAPHIQL, "websocket_url": websocket_url(request)})


@require_safe
def doc(request, name: str):
    path = DOCS / name
    if name not in SERVED_DOCS or not path.is_file():
        raise Http404(name)
    return FileResponse(path.open("rb"), content_type="text/markdown; charset=utf-8")


@csrf_exempt
def rest_api_gone(request, rest: str = ""):
    """Every path and method under /api/: where the operation went."""
    return JsonResponse({
        "errors": [{
            "message": "There is no REST API here any more: every operation is GraphQL at "
                       f"/graphql/. {MIGRATION_PAGE} maps each former endpoint to its "
                       "query or mutation.",
            "extensions": {"code": "NOT_FOUND"},
        }],
        "graphql": "/graphql/",
        "migration": MIGRATION_PAGE,
    }, status=404)
