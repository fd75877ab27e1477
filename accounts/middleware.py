"""Authenticates GraphQL requests by their Authorization header, never by cookie."""

import logging

from asgiref.sync import iscoroutinefunction, markcoroutinefunction, sync_to_async
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import DatabaseError

from config.error_responses import unavailable_response
from core.database import unavailable
from core.errors import Unauthenticated

logger = logging.getLogger("accounts.middleware")


def _authenticate_or_unavailable(request):
    """authenticate_header; None, or the JSON 503 when the database cannot answer the
    user lookup (never Django's HTML error page)."""
    try:
        authenticate_header(request)
    except DatabaseError as exc:
        down = unavailable(exc, by_key=True)
        if down is None:
            raise
        logger.warning("Database unavailable while authenticating: %s", exc)
        return unavailable_response(down)
    return None


def authenticate_header(request) -> None:
    """Set request.user from `Authorization: JWT|Bearer <token>` (anonymous otherwise)
    and request.auth_error to the Unauthenticated error of a refused token (None if no
    token was sent)."""
    from accounts.tokens import user_for_authorization

    user, error = AnonymousUser(), None
    header = request.META.get("HTTP_AUTHORIZATION", "")
    if header:
        try:
            user = user_for_authorization(header)
        except Unauthenticated as exc:
            error = exc
    request.user = user
    request.auth_error = error

    async def auser():
        return user

    request.auser = auser


class JWTAuthenticationMiddleware:
    """On settings.JWT_AUTH_PATHS, replace the session user with the header's user.

    Those paths are CSRF-exempt, so a session cookie must never authenticate them.
    """

    sync_capable = True
    async_capable = True

    def __init__(self, get_response):
        self.get_response = get_response
        self.is_async = iscoroutinefunction(get_response)
        if self.is_async:
            markcoroutinefunction(self)

    def _applies(self, request) -> bool:
        return request.path in settings.JWT_AUTH_PATHS

    def __call__(self, request):
        if self.is_async:
            return self.__acall__(request)
        if self._applies(request) and (failed := _authenticate_or_unavailable(request)):
            return failed
        return self.get_response(request)

    async def __acall__(self, request):
        if self._applies(request) and (
            failed := await sync_to_async(_authenticate_or_unavailable)(request)
        ):
            return failed
        return await self.get_response(request)
