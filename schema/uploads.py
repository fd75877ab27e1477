"""GraphQL multipart requests (file uploads), accepted for importItems only.

A multipart body may be as large as IMPORT_MAX_BYTES (plus room for its form fields),
checked from Content-Length before anything is read and again while the file streams
in (a body without Content-Length cannot slip past). Any other operation sent as
multipart is refused with HTTP 415 before it runs, so no other resolver ever sees a file.
Every other request goes through GraphQLView unchanged.
"""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.files.uploadhandler import FileUploadHandler
from django.http import HttpRequest
from graphql import FieldNode, GraphQLError, OperationDefinitionNode, OperationType, parse
from strawberry.file_uploads.utils import replace_placeholders_with_files

from schema.media_types import JSON
from schema.views import GraphQLView, RequestError, decode_json, request_data

UPLOAD_FIELDS = frozenset({"importItems"})
FORM_FIELDS_BYTES = 64 * 1024  # the operations and map fields, and the part headers


def _is_multipart(request: HttpRequest) -> bool:
    return request.method == "POST" and request.content_type == "multipart/form-data"


class _FileSizeLimit(FileUploadHandler):
    """Refuses the request once the uploaded files pass the limit (first handler)."""

    def __init__(self, request, limit: int) -> None:
        super().__init__(request)
        self.limit = limit
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > self.limit:
            raise RequestDataTooBig()
        return raw_data

    def file_complete(self, file_size):
        return None  # the next handlers build the file


def _is_upload_operation(data) -> bool:
    if not isinstance(data, dict) or not isinstance(data.get("query"), str):
        return False
    try:
        document = parse(data["query"])
    except GraphQLError:
        return False
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    name = data.get("operationName")
    if name:
        operations = [op for op in operations if op.name and op.name.value == name]
    if len(operations) != 1 or operations[0].operation != OperationType.MUTATION:
        return False
    selections = operations[0].selection_set.selections
    return bool(selections) and all(
        isinstance(s, FieldNode) and s.name.value in UPLOAD_FIELDS for s in selections
    )


class UploadingGraphQLView(GraphQLView):
    """The GraphQL view, also reading GraphQL multipart requests for UPLOAD_FIELDS."""

    def max_body_bytes(self, request: HttpRequest) -> int:
        if _is_multipart(request):
            return settings.IMPORT_MAX_BYTES + FORM_FIELDS_BYTES
        return super().max_body_bytes(request)

    def dispatch(self, request: HttpRequest, *args, **kwargs):
        if _is_multipart(request):
            request.upload_handlers.insert(0, _FileSizeLimit(request, settings.IMPORT_MAX_BYTES))
        return super().dispatch(request, *args, **kwargs)

    def _parse_request(self, request: HttpRequest):
        if not _is_multipart(request):
            return super()._parse_request(request)
        refused = RequestError(
            415, "multipart/form-data (a GraphQL multipart request) is accepted for "
                 f"importItems only; send other operations as {JSON}.",
            headers={"Accept-Post": f"{JSON}; charset=utf-8, multipart/form-data"})
        if "operations" not in request.POST:
            raise refused
        operations = decode_json(request.POST["operations"])
        files_map = decode_json(request.POST.get("map", "{}"))
        if not isinstance(operations, dict) or not isinstance(files_map, dict):
            raise RequestError(400, "A GraphQL multipart request needs an operations object "
                                    "and a map object.")
        if not _is_upload_operation(operations):
            raise refused
        try:
            data = replace_placeholders_with_files(operations, files_map, request.FILES)
        except (KeyError, IndexError, TypeError, AttributeError):
            raise RequestError(400, "File(s) missing in form data, or a map path that "
                                    "names no variable.") from None
        return request_data(data)
