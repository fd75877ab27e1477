"""The GraphQL HTTP endpoint."""

from cross_web import HTTPException
from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, JsonResponse
from strawberry.django.views import GraphQLView as StrawberryGraphQLView


def _body_too_large(request: HttpRequest, limit: int) -> bool:
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return False
    return length > limit


class GraphQLView(StrawberryGraphQLView):
    """Answers every failure as a GraphQL error body with a code, and uses 400
    when nothing could be executed (parse, validation, variable errors)."""

    def max_body_bytes(self, request: HttpRequest) -> int:
        """The largest body accepted (a hook: schema.uploads allows files)."""
        return settings.GRAPHQL_MAX_BODY_BYTES

    def dispatch(self, request: HttpRequest, *args, **kwargs):
        limit = self.max_body_bytes(request)
        try:
            if _body_too_large(request, limit):
                raise RequestDataTooBig()
            return self.run(request=request)
        except RequestDataTooBig:
            return JsonResponse(
                {"data": None, "errors": [{
                    "message": f"The request body is larger than {limit} bytes.",
                    "extensions": {"code": "BAD_USER_INPUT", "limit": "bodyBytes",
                                   "maximum": limit}}]},
                status=413,
            )
        except HTTPException as exc:
            code = "BAD_USER_INPUT" if exc.status_code < 500 else "INTERNAL_SERVER_ERROR"
            return JsonResponse(
                {"data": None, "errors": [{"message": exc.reason, "extensions": {"code": code}}]},
                status=exc.status_code,
            )

    def should_render_graphql_ide(self, request) -> bool:
        return settings.GRAPHIQL and super().should_render_graphql_ide(request)

    def execute_operation(self, request, context, root_value, sub_response):
        result = super().execute_operation(request, context, root_value, sub_response)
        if (
            not isinstance(result, list)
            and result.data is None
            and result.errors
            and all(error.path is None for error in result.errors)
        ):
            sub_response.status_code = 400
        return result
