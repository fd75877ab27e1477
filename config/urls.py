from django.contrib import admin
from django.urls import path, re_path
from django.views.decorators.csrf import csrf_exempt

from config.health import healthz
from config.metrics_view import metrics_view
from config.pages import doc, landing, rest_api_gone
from schema.schema import schema
from schema.views import GraphQLView

graphql_view = csrf_exempt(GraphQLView.as_view(schema=schema))

urlpatterns = [
    path("admin/", admin.site.urls),
    # Header-token clients only: JWTAuthenticationMiddleware ignores cookies here.
    path("graphql/", graphql_view, name="graphql"),
    path("graphql", graphql_view),  # the same endpoint: many clients omit the slash
    path("healthz", healthz, name="healthz"),
    path("metrics", metrics_view, name="metrics"),
    path("", landing, name="landing"),
    path("docs/<str:name>", doc, name="doc"),
    re_path(r"^api(?:/(?P<rest>.*))?$", rest_api_gone),
]
