from django.contrib import admin
from django.urls import path, re_path
from django.views.decorators.csrf import csrf_exempt

from config import webapp
from config.health import healthz
from config.metrics_view import metrics_view
from config.pages import doc, landing, rest_api_gone
from schema.schema import schema
from schema.uploads import UploadingGraphQLView
from stock.views import export_changes, export_items

# The view reads GraphQL multipart requests too, for importItems only (schema.uploads).
graphql_view = csrf_exempt(UploadingGraphQLView.as_view(schema=schema))

handler500 = "config.error_responses.server_error"

urlpatterns = [
    path("admin/", admin.site.urls),
    # Header-token clients only: JWTAuthenticationMiddleware ignores cookies here.
    path("graphql/", graphql_view, name="graphql"),
    path("graphql", graphql_view),  # the same endpoint: many clients omit the slash
    path("export/items.csv", export_items, name="export-items"),
    path("export/changes.csv", export_changes, name="export-changes"),
    path("healthz", healthz, name="healthz"),
    path("metrics", metrics_view, name="metrics"),
    path("", landing, name="landing"),
    path("docs/<str:name>", doc, name="doc"),
    re_path(r"^api(?:/(?P<rest>.*))?$", rest_api_gone),
    *webapp.urlpatterns,
]
