"""The GraphQL HTTP endpoint: GraphQL over HTTP (the specification's media types and
status codes; README: GraphQL over HTTP), every answer a JSON body with codes."""

import functools
import json
import re

import orjson
from cross_web import HTTPException
from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse
from strawberry.django.views import GraphQLView as StrawberryGraphQLView
from strawberry.exceptions import MissingQueryError
from strawberry.http import GraphQLRequestData
from strawberry.http.parse_content_type import parse_content_type
from strawberry.schema.exceptions import CannotGetOperationTypeError, InvalidOperationTypeError
from strawberry.types.graphql import OperationType

from playground.page import playground_response
from schema.encoding import OrjsonEncoding
from schema.media_types import GRAPHQL_RESPONSE_JSON, JSON, response_media_type
from schema.validation import (
    HostileInputError,
    hostile_input_error,
    value_problems,
    variables_problems,
)

SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE"


class RequestError(Exception):
    """A request answered without running it. well_formed: a GraphQL request that cannot
    be executed (its status then follows the media type: 400, or 200 for application/json)."""

    def __init__(self, status: int, message: str = "", *, error: dict | None = None,
                 headers: dict | None = None, well_formed: bool = False) -> None:
        super().__init__(message)
        self.status = status
        self.error = error or {"message": message, "extensions": {"code": "BAD_USER_INPUT"}}
        self.headers = headers or {}
        self.well_formed = well_formed


def _body_too_large(request: HttpRequest, limit: int) -> bool:
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return False
    return length > limit


def _refuse_constant(name: str):
    raise RequestError(400, f"The request body is not valid JSON ({name} is not a JSON value).")


_ORJSON_MAY_DIFFER = re.compile(rb"\\u[dD]|[0-9]{19}")


def decode_json(data: str | bytes):
    """Strict JSON: UTF-8 only, no NaN/Infinity; nesting that exhausts the parser is refused
    like any other bad body (what nests deeper than the limit is refused after).

    orjson reads a body first (a fifth of the time) unless it may read it otherwise:
    an escaped surrogate, or 19 digits in a row (orjson reads an integer past 64 bits as
    a float). What it refuses (NaN, 1e400, nesting past its limit, bad UTF-8) the
    standard library reads, so the answer and its error are the standard library's."""
    if isinstance(data, bytes) and not _ORJSON_MAY_DIFFER.search(data):
        try:
            return orjson.loads(data)
        except orjson.JSONDecodeError:
            pass
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError:
            raise RequestError(400, "The request body is not valid UTF-8.") from None
    try:
        return json.loads(data, parse_constant=_refuse_constant)
    except json.JSONDecodeError:
        raise RequestError(400, "The request body is not valid JSON.") from None
    except RecursionError:
        raise RequestError(400, "The request body is nested too deeply.") from None


def _hostile_problems(query: str, operation_name, variables, extensions) -> list:
    problems = [*value_problems(query, "query"), *variables_problems(variables)]
    if operation_name is not None:
        problems.extend(value_problems(operation_name, "operationName"))
    if extensions is not None:
        problems.extend(value_problems(extensions, "extensions"))
    return problems


def request_data(data) -> GraphQLRequestData:
    """The one operation a decoded body (or GET's parameters) asks for, or a 400."""
    if isinstance(data, list):
        raise RequestError(400, "Batched requests (a JSON array) are not supported: "
                                "send one operation per request.")
    if not isinstance(data, dict):
        raise RequestError(400, 'The request body must be a JSON object: {"query": "..."}.')
    query, variables = data.get("query"), data.get("variables")
    operation_name, extensions = data.get("operationName"), data.get("extensions")
    if query is None or query == "":
        raise RequestError(400, "No GraphQL query found in the request.")
    if not isinstance(query, str):
        raise RequestError(400, "The GraphQL operation's `query` must be a string.")
    for name, value, kind in (("variables", variables, dict), ("extensions", extensions, dict),
                              ("operationName", operation_name, str)):
        if not isinstance(value, kind | None):
            raise RequestError(400, f"The GraphQL operation's `{name}` must be "
                                    f"{'a string' if kind is str else 'an object'} or null.")
    if error := hostile_input_error(_hostile_problems(query, operation_name, variables,
                                                      extensions)):
        raise RequestError(400, error=error.formatted)
    return GraphQLRequestData(query=query, variables=variables,
                              operation_name=operation_name, extensions=extensions)


@functools.lru_cache(maxsize=256)  # clients send the same few Content-Type headers
def _is_json_utf8(header: str) -> bool:
    content_type, params = parse_content_type(header)
    return content_type.lower() == JSON and params.get("charset", "utf-8").lower() in (
        "utf-8", "utf8")


def websocket_url(request: HttpRequest) -> str:
    return f"{'wss' if request.is_secure() else 'ws'}://{request.get_host()}/graphql/"


def _retry_after(result) -> int | None:
    """The longest retryAfter among the result's SERVICE_UNAVAILABLE errors (None if none)."""
    waits = [
        int((error.extensions or {}).get("retryAfter") or 1)
        for error in result.errors or []
        if (error.extensions or {}).get("code") == SERVICE_UNAVAILABLE
    ]
    return max(waits) if waits else None


def _is_request_error(result) -> bool:
    """Nothing was executed: parse, validation or variable errors (no error has a path)."""
    return result.data is None and bool(result.errors) and all(
        error.path is None for error in result.errors)


class SubResponse(HttpResponse):
    """The response resolvers may set headers, cookies or a status on (the context's
    response), as strawberry's TemporalHttpResponse, without encoding an empty JSON
    body for it on every request: create_response copies all but the body."""

    status_code = None  # none set: the view's own

    def __init__(self) -> None:
        super().__init__(content_type=JSON)


class GraphQLView(OrjsonEncoding, StrawberryGraphQLView):
    """strawberry's Django view with the transport of GraphQL over HTTP: the response media
    type from Accept (406 if neither), 415 for other bodies, GET for queries only (405),
    400 for bodies that are no GraphQL request, request errors 400 without `data` under
    application/graphql-response+json (200 under application/json), and 503 with
    Retry-After when a service behind the API is unavailable.

    Django builds one view instance per request, so per-request state lives on self."""

    media_type = JSON
    request_failed = False  # nothing was executed (parse, validation, variable errors)

    def dispatch(self, request: HttpRequest, *args, **kwargs):
        try:
            if request.method not in ("GET", "POST"):
                raise RequestError(405, "GraphQL over HTTP takes GET (queries) and POST.",
                                   headers={"Allow": "GET, POST"})
            if self.should_render_graphql_ide(self.request_adapter_class(request)):
                return self.render_graphql_ide(request)
            media_type = response_media_type(request.META.get("HTTP_ACCEPT"))
            if media_type is None:
                raise RequestError(406, f"Accept {GRAPHQL_RESPONSE_JSON} or {JSON}.")
            self.media_type = media_type
            if _body_too_large(request, self.max_body_bytes(request)):
                raise RequestDataTooBig()
            return self.run(request=request)
        except RequestDataTooBig:
            limit = self.max_body_bytes(request)
            return self._error_response(RequestError(413, error={
                "message": f"The request body is larger than {limit} bytes.",
                "extensions": {"code": "BAD_USER_INPUT", "limit": "bodyBytes",
                               "maximum": limit}}))
        except RequestError as exc:
            return self._error_response(exc)
        except HTTPException as exc:
            code = "BAD_USER_INPUT" if exc.status_code < 500 else "INTERNAL_SERVER_ERROR"
            return self._error_response(RequestError(exc.status_code, error={
                "message": exc.reason, "extensions": {"code": code}}))

    def get_sub_response(self, request: HttpRequest) -> SubResponse:
        return SubResponse()

    def max_body_bytes(self, request: HttpRequest) -> int:
        """The largest body accepted (a hook: schema.uploads takes files)."""
        return settings.GRAPHQL_MAX_BODY_BYTES

    def _error_response(self, exc: RequestError) -> HttpResponse:
        status = exc.status
        if exc.well_formed:
            status = 400 if self.media_type == GRAPHQL_RESPONSE_JSON else 200
        body: dict = {"errors": [exc.error]}
        if self.media_type == JSON:
            body = {"data": None, **body}  # what clients of application/json read so far
        response = HttpResponse(self.encode_json(body), status=status,
                                content_type=f"{self.media_type}; charset=utf-8")
        for name, value in exc.headers.items():
            response[name] = value
        return response

    def should_render_graphql_ide(self, request) -> bool:
        return settings.GRAPHIQL and super().should_render_graphql_ide(request)

    def render_graphql_ide(self, request: HttpRequest) -> HttpResponse:
        return playground_response(request)

    def decode_json(self, data: str | bytes) -> object:
        return decode_json(data)  # also GET's `variables` and `extensions` parameters

    def _parse_request(self, request: HttpRequest) -> GraphQLRequestData:
        if request.method == "GET":
            return request_data(self.parse_query_params(request.GET.dict()))
        if not _is_json_utf8(request.META.get("CONTENT_TYPE", "")):
            raise RequestError(415, f"Send the request as {JSON} (UTF-8).",
                               headers={"Accept-Post": f"{JSON}; charset=utf-8"})
        return request_data(decode_json(request.body))

    def execute_operation(self, request, context, root_value, sub_response):
        """One operation (batching is refused); replaces strawberry's, which would take a
        subscription over POST and fail on bodies that are not JSON objects."""
        data = self._parse_request(request)
        allowed = {OperationType.QUERY}
        if request.method == "POST":
            allowed.add(OperationType.MUTATION)
        try:
            result = self.schema.execute_sync(
                data.query, root_value=root_value, variable_values=data.variables,
                context_value=context, operation_name=data.operation_name,
                allowed_operation_types=allowed, operation_extensions=data.extensions,
            )
        except InvalidOperationTypeError as exc:
            if exc.operation_type == OperationType.SUBSCRIPTION:
                raise RequestError(400, "Subscriptions run over the websocket endpoint "
                                        f"{websocket_url(request)} (graphql-transport-ws), "
                                        "not over HTTP.") from None
            raise RequestError(405, "Mutations are not allowed with GET: send them with POST.",
                               headers={"Allow": "POST"}) from None
        except CannotGetOperationTypeError as exc:
            raise RequestError(400, exc.as_http_error_reason(), well_formed=True) from None
        except MissingQueryError:
            raise RequestError(400, "No GraphQL query found in the request.") from None
        self._set_status(result, sub_response)
        return result

    def _set_status(self, result, sub_response) -> None:
        if (retry_after := _retry_after(result)) is not None:
            sub_response.status_code = 503
            sub_response["Retry-After"] = str(retry_after)
        elif _is_request_error(result):
            self.request_failed = True
            if (self.media_type == GRAPHQL_RESPONSE_JSON
                    or any(isinstance(error, HostileInputError) for error in result.errors)):
                sub_response.status_code = 400

    def process_result(self, request, result):
        response_data = super().process_result(request, result)
        if self.request_failed and self.media_type == GRAPHQL_RESPONSE_JSON:
            response_data.pop("data", None)
        return response_data

    def create_response(self, response_data, sub_response):
        response = super().create_response(response_data, sub_response)
        response["Content-Type"] = f"{self.media_type}; charset=utf-8"
        return response
