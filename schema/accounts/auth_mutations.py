"""The token mutations: thin wrappers over accounts.tokens."""

import strawberry
from strawberry.types import Info

from accounts import tokens
from accounts.throttle import client_address
from schema.accounts.types import RevokePayload, TokenPayload, VerifyPayload


def _payload(pair: tokens.TokenPair) -> TokenPayload:
    return TokenPayload(
        token=pair.token,
        refresh_token=pair.refresh_token,
        refresh_expires_in=pair.refresh_expires_in,
        payload=pair.payload,
        user=pair.user,
    )


@strawberry.type
class AuthMutations:
    @strawberry.mutation
    def token_auth(self, info: Info, username: str, password: str) -> TokenPayload:
        """Sign in with a username (any case) and password."""
        request = info.context.request
        pair = tokens.token_obtain(
            username=username, password=password, address=client_address(request),
            request=request,
        )
        return _payload(pair)

    @strawberry.mutation
    def refresh_token(self, refresh_token: str) -> TokenPayload:
        """Exchange a refresh token for a new pair; the given one is revoked."""
        return _payload(tokens.token_refresh(refresh_token=refresh_token))

    @strawberry.mutation
    def verify_token(self, token: str) -> VerifyPayload:
        """Check an access token: valid, unexpired, of an active user."""
        return VerifyPayload(payload=tokens.token_verify(token=token))

    @strawberry.mutation
    def revoke_token(self, refresh_token: str) -> RevokePayload:
        """Revoke a refresh token (sign out)."""
        return RevokePayload(revoked=tokens.token_revoke(refresh_token=refresh_token))
