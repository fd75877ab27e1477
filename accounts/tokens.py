"""JWT access tokens (PyJWT, HS256) and refresh tokens stored as SHA-256 hashes.

Access token claims: {username, exp, origIat, iat}; the payload clients see is
{username, exp, origIat}, the shape django-graphql-jwt gave, whose tokens stay valid.
Every failure is Unauthenticated with a reason a program can act on.
"""

import functools
import hashlib
import logging
import secrets
import time
from dataclasses import dataclass

import jwt
from django.conf import settings
from django.contrib.auth import authenticate
from django.db import transaction
from django.utils import timezone

from accounts import throttle
from accounts.models import RefreshToken, User
from accounts.selectors import user_by_username
from core.errors import Unauthenticated

logger = logging.getLogger("accounts.tokens")

PAYLOAD_CLAIMS = ("username", "exp", "origIat")
_PREFIXES = {"jwt", "bearer"}


@dataclass(frozen=True)
class TokenPair:
    token: str
    refresh_token: str
    refresh_expires_in: int  # unix time
    payload: dict
    user: User


def _invalid(message: str = "Invalid token.") -> Unauthenticated:
    return Unauthenticated(message, reason=Unauthenticated.TOKEN_INVALID)


def _inactive(message: str = "User is disabled.") -> Unauthenticated:
    return Unauthenticated(message, reason=Unauthenticated.ACCOUNT_INACTIVE)


def access_token_for(user: User) -> str:
    now = int(time.time())
    claims = {
        "username": user.get_username(),
        "exp": now + int(settings.JWT_EXPIRATION_DELTA.total_seconds()),
        "origIat": now,
        "iat": now,
    }
    return jwt.encode(claims, settings.JWT_SECRET_KEY, algorithm=settings.JWT_ALGORITHM)


def hash_refresh_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def _issue(user: User) -> TokenPair:
    token = access_token_for(user)
    refresh_text = secrets.token_urlsafe(32)
    refresh = RefreshToken.objects.create(user=user, token_hash=hash_refresh_token(refresh_text))
    return TokenPair(
        token=token,
        refresh_token=refresh_text,
        refresh_expires_in=int(refresh.expires.timestamp()),
        payload=_decode(token),
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
        raise Unauthenticated(
            "Please enter valid credentials.", reason=Unauthenticated.CREDENTIALS_INVALID
        )
    return _issue(user)


@functools.lru_cache(maxsize=4096)
def _verified_payload(token: str, secret: str, algorithm: str) -> dict:
    """The contract payload of a token whose signature and claims PyJWT accepted. Only
    what it accepts is kept (an error is raised, so never cached): the same token text
    signed with the same key verifies the same way on every request, and its expiry is
    checked on each use by _decode. A client sends its token with every request for
    minutes; checking the signature once saves ~0.1 ms a request."""
    try:
        claims = jwt.decode(token, secret, algorithms=[algorithm], options={"require": ["exp"]})
    except jwt.ExpiredSignatureError:
        raise Unauthenticated(
            "Signature has expired", reason=Unauthenticated.TOKEN_EXPIRED
        ) from None
    except jwt.DecodeError:
        raise _invalid("Error decoding signature") from None
    except (jwt.PyJWTError, ValueError, TypeError, AttributeError, OverflowError):
        raise _invalid() from None
    payload = {claim: claims.get(claim) for claim in PAYLOAD_CLAIMS}
    if not isinstance(payload["username"], str) or not payload["username"]:
        raise _invalid()
    if not isinstance(payload["origIat"], int) or isinstance(payload["origIat"], bool):
        raise _invalid()
    return payload


def _decode(token: str) -> dict:
    """The contract payload of a well-signed, unexpired access token (no user check);
    token is a str (_verify checks it)."""
    payload = _verified_payload(token, settings.JWT_SECRET_KEY, settings.JWT_ALGORITHM)
    # As PyJWT checks it (no leeway): expired from the second exp names on.
    if int(payload["exp"]) <= time.time():
        raise Unauthenticated("Signature has expired", reason=Unauthenticated.TOKEN_EXPIRED)
    return dict(payload)


def _verify(token: str) -> tuple[User, dict]:
    """The token's active user and its payload, or Unauthenticated with the reason."""
    if not isinstance(token, str) or not token:
        raise _invalid()
    payload = _decode(token)
    user = user_by_username(payload["username"])
    if user is None:
        raise _inactive("Invalid token.")
    if not user.is_active:
        raise _inactive()
    # A token issued before the account existed belongs to an earlier user of that name.
    if payload["origIat"] < int(user.date_joined.timestamp()):
        raise _inactive("Invalid token.")
    return user, payload


def user_for_access_token(token: str) -> User:
    """The active user an access token belongs to, or Unauthenticated with the reason.

    Never raises anything else, whatever the token holds.
    """
    return _verify(token)[0]


def user_for_authorization(header: str | None) -> User:
    """The user of an `Authorization: JWT|Bearer <token>` value, or Unauthenticated."""
    if not header:
        raise Unauthenticated("Authentication required.")
    parts = header.split() if isinstance(header, str) else []
    if len(parts) != 2 or parts[0].lower() not in _PREFIXES:
        raise _invalid("The Authorization header must be 'JWT <token>' or 'Bearer <token>'.")
    return user_for_access_token(parts[1])


def token_verify(*, token: str) -> dict:
    """The payload of a valid access token of an active user."""
    return _verify(token)[1]


def _stored(token: str, *, lock: bool) -> RefreshToken | None:
    if not isinstance(token, str) or not token:
        return None
    tokens = RefreshToken.objects.select_related("user")
    if lock:
        tokens = tokens.select_for_update(of=("self",))
    return tokens.filter(token_hash=hash_refresh_token(token)).first()


def _revoked(message: str = "Invalid refresh token.") -> Unauthenticated:
    return Unauthenticated(message, reason=Unauthenticated.TOKEN_REVOKED)


def revoke_refresh_tokens(user: User) -> int:
    """Revoke every live refresh token of user; returns how many."""
    return RefreshToken.objects.filter(user=user, revoked__isnull=True).update(
        revoked=timezone.now()
    )


def token_refresh(*, refresh_token: str) -> TokenPair:
    """Rotate: revoke the given refresh token and issue a new pair, in one transaction.

    A revoked token presented again (a stolen one replayed after rotation) revokes every
    refresh token of its user: whichever of thief and owner refreshed first, both must
    sign in again.
    """
    with transaction.atomic():
        refresh = _stored(refresh_token, lock=True)
        if refresh is None:
            raise _invalid("Invalid refresh token.")
        if refresh.revoked is None:
            if refresh.is_expired():
                raise Unauthenticated(
                    "Refresh token is expired.", reason=Unauthenticated.TOKEN_EXPIRED
                )
            if not refresh.user.is_active:
                raise _inactive()
            refresh.revoked = timezone.now()
            refresh.save(update_fields=["revoked"])
            return _issue(refresh.user)
    with transaction.atomic():
        revoked = revoke_refresh_tokens(refresh.user)
    logger.warning(
        "Revoked refresh token %s of user %s was used again: revoked its %d live refresh "
        "token(s)", refresh.pk, refresh.user_id, revoked,
    )
    raise _revoked()


def token_revoke(*, refresh_token: str) -> int:
    """Revoke a refresh token; returns the revocation time as unix time."""
    with transaction.atomic():
        refresh = _stored(refresh_token, lock=True)
        if refresh is None:
            raise _invalid("Invalid refresh token.")
        if refresh.revoked is not None:
            raise _revoked()
        refresh.revoked = timezone.now()
        refresh.save(update_fields=["revoked"])
    return int(refresh.revoked.timestamp())


def tokens_clear(*, expired_only: bool = False) -> int:
    """Delete expired refresh tokens, and revoked ones unless expired_only; returns how
    many. Revoked tokens kept until they expire still detect replays."""
    from django.db.models import Q

    cutoff = timezone.now() - settings.JWT_REFRESH_EXPIRATION_DELTA
    stale = Q(created__lte=cutoff)
    if not expired_only:
        stale |= Q(revoked__isnull=False)
    deleted, _ = RefreshToken.objects.filter(stale).delete()
    return deleted
