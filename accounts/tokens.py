"""JWT access tokens and refresh tokens, over django-graphql-jwt's shortcuts.

Import only after django.setup(): graphql_jwt reads settings at import.
"""

from dataclasses import dataclass
from datetime import datetime

import jwt
from django.contrib.auth import authenticate
from django.db import transaction
from django.utils import timezone
from graphql_jwt.exceptions import JSONWebTokenError
from graphql_jwt.refresh_token.utils import get_refresh_token_model
from graphql_jwt.settings import jwt_settings
from graphql_jwt.shortcuts import create_refresh_token, get_token
from graphql_jwt.utils import get_payload, get_user_by_payload

from accounts import throttle
from accounts.models import User
from core.errors import Unauthenticated


@dataclass(frozen=True)
class TokenPair:
    token: str
    refresh_token: str
    refresh_expires_in: int  # unix time
    payload: dict
    user: User


def _issue(user: User) -> TokenPair:
    token = get_token(user)
    refresh = create_refresh_token(user)
    expires = refresh.created + jwt_settings.JWT_REFRESH_EXPIRATION_DELTA
    return TokenPair(
        token=token,
        refresh_token=refresh.get_token(),
        refresh_expires_in=int(expires.timestamp()),
        payload=get_payload(token),
        user=user,
    )


def token_obtain(
    *, username: str, password: str, address: str | None = None, request=None
) -> TokenPair:
    """Log in with a username (any case) and password; only active users succeed.
    Failures are counted per username and address (accounts.throttle)."""
    throttle.check_login_allowed(username, address)
    user = authenticate(request, username=username, password=password)
    if user is None:
        throttle.record_login_failure(username, address)
        raise Unauthenticated("Please enter valid credentials.")
    return _issue(user)


def user_for_access_token(token: str) -> User:
    """The active user an access token belongs to, or Unauthenticated with the reason.

    Never raises anything else, whatever the token holds.
    """
    return _verify(token)[0]


def _verify(token: str) -> tuple[User, dict]:
    """The token's active user and its claims (see user_for_access_token)."""
    try:
        payload = get_payload(token)
        username = payload.get("username")
        issued_at = payload.get("origIat")
        if not isinstance(username, str) or not isinstance(issued_at, int):
            raise Unauthenticated("Invalid token.")
        user = get_user_by_payload(payload)
    except JSONWebTokenError as exc:
        raise Unauthenticated(str(exc)) from None
    except (jwt.PyJWTError, ValueError, TypeError, AttributeError, OverflowError):
        raise Unauthenticated("Invalid token.") from None
    if user is None:
        raise Unauthenticated("Invalid token.")
    # A token issued before the account existed belongs to an earlier user of that name.
    if issued_at < int(user.date_joined.timestamp()):
        raise Unauthenticated("Invalid token.")
    return user, payload


_PREFIXES = {"jwt", "bearer"}


def user_for_authorization(header: str | None) -> User:
    """The user of an `Authorization: JWT|Bearer <token>` value, or Unauthenticated."""
    if not header:
        raise Unauthenticated("Authentication required.")
    parts = header.split() if isinstance(header, str) else []
    if len(parts) != 2 or parts[0].lower() not in _PREFIXES:
        raise Unauthenticated(
            "The Authorization header must be 'JWT <token>' or 'Bearer <token>'."
        )
    return user_for_access_token(parts[1])


def token_verify(*, token: str) -> dict:
    """The payload of a valid access token of an active user."""
    return _verify(token)[1]


def _live_refresh_token(token: str, *, lock: bool):
    RefreshToken = get_refresh_token_model()
    tokens = RefreshToken.objects.select_related("user")
    if lock:
        tokens = tokens.select_for_update(of=("self",))
    if not isinstance(token, str) or not token:
        raise Unauthenticated("Invalid refresh token.")
    refresh = tokens.filter(token=token, revoked__isnull=True).first()
    if refresh is None:
        raise Unauthenticated("Invalid refresh token.")
    return refresh


def token_refresh(*, refresh_token: str) -> TokenPair:
    """Rotate: revoke the given refresh token, issue a new pair. Checks the user is active."""
    with transaction.atomic():
        refresh = _live_refresh_token(refresh_token, lock=True)
        if refresh.is_expired():
            raise Unauthenticated("Refresh token is expired.")
        if not refresh.user.is_active:
            raise Unauthenticated("User is disabled.")
        refresh.revoke()
        return _issue(refresh.user)


def token_revoke(*, refresh_token: str) -> int:
    """Revoke a refresh token; returns the revocation time as unix time."""
    with transaction.atomic():
        refresh = _live_refresh_token(refresh_token, lock=True)
        refresh.revoke()
    revoked: datetime = refresh.revoked or timezone.now()
    return int(revoked.timestamp())
