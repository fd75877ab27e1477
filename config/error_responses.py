"""The API's JSON answers for requests that failed before the GraphQL view could answer
them: a backing service down during the JWT middleware's user lookup (503), and Django's
last answer for an exception nothing else caught (handler500: on the API's paths JSON
with INTERNAL_SERVER_ERROR, as the contract says never an HTML error page; elsewhere
Django's page)."""

from django.conf import settings
from django.http import JsonResponse
from django.views.defaults import server_error as html_server_error

from core.errors import ServiceUnavailable
from schema.errors import INTERNAL_MESSAGE


def _api_error(message: str, extensions: dict, *, status: int) -> JsonResponse:
    return JsonResponse({"data": None, "errors": [
        {"message": message, "extensions": extensions}]}, status=status)


def unavailable_response(exc: ServiceUnavailable) -> JsonResponse:
    response = _api_error(exc.message, {"code": exc.code, "retryAfter": exc.retry_after},
                          status=503)
    response["Retry-After"] = str(exc.retry_after)
    return response


def server_error(request):
    if request.path not in settings.JWT_AUTH_PATHS:
        return html_server_error(request)
    return _api_error(INTERNAL_MESSAGE, {"code": "INTERNAL_SERVER_ERROR"}, status=500)
