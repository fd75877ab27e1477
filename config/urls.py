from django.contrib import admin
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from config import webapp
from config.health import healthz
from schema.schema import schema
from schema.views import GraphQLView

urlpatterns = [
    path("admin/", admin.site.urls),
    # Header-token clients only: JWTAuthenticationMiddleware ignores cookies here.
    path("graphql/", csrf_exempt(GraphQLView.as_view(schema=schema)), name="graphql"),
    path("healthz", healthz, name="healthz"),
    *webapp.urlpatterns,
]
