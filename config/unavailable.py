"""The JSON answer for a request that failed because a backing service did, before the
GraphQL view could answer it (e.g. the user lookup of accounts.middleware)."""

from django.http import JsonResponse

from core.errors import ServiceUnavailable


def unavailable_response(exc: ServiceUnavailable) -> JsonResponse:
    response = JsonResponse(
        {"data": None, "errors": [{"message": exc.message, "extensions": {
            "code": exc.code, "retryAfter": exc.retry_after}}]},
        status=503,
    )
    response["Retry-After"] = str(exc.retry_after)
    return response
