"""CSV exports over HTTP: GET /export/items.csv and GET /export/changes.csv.

Authenticated by the Authorization header (accounts.middleware, settings.JWT_AUTH_PATHS),
limited to the caller's scope, streamed a chunk of rows at a time: under ASGI through an
async iterator (Django would otherwise read a sync one whole into memory), under WSGI a
sync one.
"""

from collections.abc import Callable, Iterator

from asgiref.sync import sync_to_async
from django.core.handlers.asgi import ASGIRequest
from django.http import HttpRequest, JsonResponse, StreamingHttpResponse
from django.utils.dateparse import parse_datetime
from django.views.decorators.http import require_GET

from accounts import rules
from core.errors import InvalidInput, ServiceError, Unauthenticated
from stock import exports
from stock.csvformat import ITEM_COLUMNS, row_writer
from stock.reports import as_utc


def _error(exc: ServiceError, status: int) -> JsonResponse:
    """The error in the form /graphql/ answers it (code, fieldErrors, reason)."""
    from schema.errors import _service_extensions

    return JsonResponse(
        {"errors": [{"message": exc.message, "extensions": _service_extensions(exc)}]},
        status=status)


def _moment(request: HttpRequest, name: str):
    text = request.GET.get(name)
    if not text:
        return None
    try:
        moment = parse_datetime(text)
    except ValueError:
        moment = None
    if moment is None:
        raise InvalidInput.single(name, "Must be an ISO 8601 date and time.")
    return as_utc(moment)


def _flag(request: HttpRequest, name: str) -> bool | None:
    text = request.GET.get(name)
    if text is None or text == "":
        return None
    if text.lower() not in ("true", "false"):
        raise InvalidInput.single(name, "Must be true or false.")
    return text.lower() == "true"


def stream_csv(request: HttpRequest, header: list[str], chunks: Iterator[list[list]],
            filename: str) -> StreamingHttpResponse:
    line = row_writer()

    def lines() -> Iterator[str]:
        yield line(header)
        for chunk in chunks:
            yield "".join(line(row) for row in chunk)

    if isinstance(request, ASGIRequest):
        sync_lines = lines()
        next_line = sync_to_async(lambda: next(sync_lines, None))

        async def async_lines():
            while (text := await next_line()) is not None:
                yield text

        content = async_lines()
    else:
        content = lines()
    response = StreamingHttpResponse(content, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _export(build: Callable[[HttpRequest], tuple[list[str], Iterator, str]]):
    @require_GET
    def view(request: HttpRequest):
        if not rules.is_active_user(request.user):
            return _error(getattr(request, "auth_error", None) or Unauthenticated(), 401)
        try:
            header, chunks, filename = build(request)
        except InvalidInput as exc:
            return _error(exc, 400)
        return stream_csv(request, header, chunks, filename)

    return view


def _items(request: HttpRequest):
    items = exports.export_items_queryset(
        request.user, category=request.GET.get("category"), search=request.GET.get("search"),
        low_stock=_flag(request, "lowStock"),
    )
    return list(ITEM_COLUMNS), exports.item_chunks(items), "items.csv"


def _changes(request: HttpRequest):
    changes = exports.export_changes_queryset(
        request.user, start=_moment(request, "from"), end=_moment(request, "to"),
        item=request.GET.get("item"),
    )
    return list(exports.CHANGE_COLUMNS), exports.change_chunks(changes), "changes.csv"


export_items = _export(_items)
export_changes = _export(_changes)
