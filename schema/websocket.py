"""The websocket endpoint: graphql-transport-ws only, authenticated at connection_init.

The Origin rule is config.asgi's (OriginAllowedOrAbsent): strawberry's own Origin check
is opened up so that there is one rule, not two."""

import datetime

from asgiref.sync import sync_to_async
from strawberry.channels import GraphQLWSConsumer
from strawberry.exceptions import ConnectionRejectionError
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL
from strawberry.types.unset import UNSET

from accounts.tokens import user_for_authorization
from core.errors import Unauthenticated


def _authorization(params) -> str | None:
    if not isinstance(params, dict):
        return None
    for key, value in params.items():
        if isinstance(key, str) and key.lower() == "authorization" and isinstance(value, str):
            return value
    return None


class GraphQLConsumer(GraphQLWSConsumer):
    """connection_init carries {"authorization": "JWT <token>"} (Bearer works too);
    without a valid token the socket is closed with 4403 and the reason
    (AUTH_REQUIRED, TOKEN_EXPIRED, ...) as the close reason."""

    REJECTED = 4403

    def __init__(self, schema) -> None:
        super().__init__(
            schema=schema,
            subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,),
            connection_init_wait_timeout=datetime.timedelta(seconds=10),
            allowed_origins=("*",),
        )
        self.rejection_reason: str | None = None

    async def on_ws_connect(self, context):
        header = _authorization(context.get("connection_params"))
        try:
            user = await sync_to_async(user_for_authorization)(header)
        except Unauthenticated as exc:
            self.rejection_reason = exc.reason
            raise ConnectionRejectionError() from None
        self.scope["user"] = user
        return UNSET

    async def close(self, code=None, reason=None):
        # strawberry closes a rejected connection_init with a fixed "Forbidden".
        if code == self.REJECTED and self.rejection_reason:
            reason = self.rejection_reason
        await super().close(code=code, reason=reason)
