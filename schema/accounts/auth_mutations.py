"""The token mutations: thin wrappers over accounts.tokens."""

from typing import Annotated

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
    @strawberry.mutation(description=(
        "Sign in with a username (any case) and password: an access token and a refresh "
        "token. UNAUTHENTICATED (reason CREDENTIALS_INVALID) for wrong credentials or an "
        "inactive account; RATE_LIMITED after too many failed attempts."
    ))
    def token_auth(
        self, info: Info,
        username: Annotated[str, strawberry.argument(description="Any case.")],
        password: Annotated[str, strawberry.argument(description="Sent as typed.")],
    ) -> TokenPayload:
        request = info.context.request
        pair = tokens.token_obtain(
            username=username, password=password, address=client_address(request),
            request=request,
        )
        return _payload(pair)

    @strawberry.mutation(description=(
        "Exchange a refresh token for a new pair; the given one is revoked (using it again "
        "is UNAUTHENTICATED, reason TOKEN_REVOKED)."
    ))
    def refresh_token(
        self,
        refresh_token: Annotated[str, strawberry.argument(
            description="The refreshToken of the last TokenPayload.")],
    ) -> TokenPayload:
        return _payload(tokens.token_refresh(refresh_token=refresh_token))

    @strawberry.mutation(description=(
        "Check an access token: valid, unexpired, of an active user. Answers its claims, "
        "or UNAUTHENTICATED with the reason."
    ))
    def verify_token(
        self, token: Annotated[str, strawberry.argument(description="An access token.")],
    ) -> VerifyPayload:
        return VerifyPayload(payload=tokens.token_verify(token=token))

    @strawberry.mutation(description="Revoke a refresh token (sign out). Needs no access token.")
    def revoke_token(
        self,
        refresh_token: Annotated[str, strawberry.argument(description="The token to revoke.")],
    ) -> RevokePayload:
        return RevokePayload(revoked=tokens.token_revoke(refresh_token=refresh_token))
