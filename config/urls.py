from django.contrib import admin
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from config import webapp
from config.health import healthz
from schema.schema import schema
from schema.uploads import UploadingGraphQLView
from stock.views import export_changes, export_items

urlpatterns = [
    path("admin/", admin.site.urls),
    # Header-token clients only: JWTAuthenticationMiddleware ignores cookies here.
    # The view reads GraphQL multipart requests too, for importItems only (schema.uploads).
    path("graphql/", csrf_exempt(UploadingGraphQLView.as_view(schema=schema)), name="graphql"),
    path("export/items.csv", export_items, name="export-items"),
    path("export/changes.csv", export_changes, name="export-changes"),
    path("healthz", healthz, name="healthz"),
    *webapp.urlpatterns,
]
