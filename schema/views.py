"""The GraphQL HTTP endpoint."""

from cross_web import HTTPException
from django.conf import settings
from django.http import HttpRequest, JsonResponse
from strawberry.django.views import GraphQLView as StrawberryGraphQLView


class GraphQLView(StrawberryGraphQLView):
    """Answers every failure as a GraphQL error body with a code, and uses 400
    when nothing could be executed (parse, validation, variable errors)."""

    def dispatch(self, request: HttpRequest, *args, **kwargs):
        try:
            return self.run(request=request)
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
