"""Django's last answer for an exception nothing else caught: on the API's paths JSON
with INTERNAL_SERVER_ERROR (the contract: never an HTML error page), elsewhere Django's."""

from django.conf import settings
from django.http import JsonResponse
from django.views.defaults import server_error as html_server_error

from schema.errors import INTERNAL_MESSAGE


def server_error(request):
    if request.path not in settings.JWT_AUTH_PATHS:
        return html_server_error(request)
    return JsonResponse({"data": None, "errors": [
        {"message": INTERNAL_MESSAGE, "extensions": {"code": "INTERNAL_SERVER_ERROR"}}]},
        status=500)
