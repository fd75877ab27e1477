"""The websocket endpoint: graphql-transport-ws only, authenticated at connection_init.

The Origin rule is config.asgi's (OriginAllowedOrAbsent): strawberry's own Origin check
is opened up so that there is one rule, not two."""

import datetime
import logging

from asgiref.sync import sync_to_async
from strawberry.channels import GraphQLWSConsumer
from strawberry.exceptions import ConnectionRejectionError
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL
from strawberry.types.unset import UNSET

from accounts.tokens import user_for_authorization
from core import metrics
from core.database import unavailable
from core.errors import Unauthenticated

logger = logging.getLogger("schema.websocket")

SERVER_FAILED = 1011


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

    async def __call__(self, scope, receive, send):
        """When the channel layer fails (Redis down: this socket's own channel cannot be
        read), close with 1011 instead of dropping the connection without a close
        frame; a socket opened meanwhile is refused the same way."""
        state = {"closed": False}

        async def tracking_send(message):
            if state["closed"]:
                return  # nothing may follow a close (e.g. 4403 after our 1011)
            if message.get("type") == "websocket.close":
                state["closed"] = True
            await send(message)

        try:
            await super().__call__(scope, receive, tracking_send)
        except Exception as exc:
            logger.error("Websocket failed; closing it with 1011",
                         exc_info=(type(exc), exc, exc.__traceback__))
            metrics.SUBSCRIPTIONS_FAILED.inc()
            if not state["closed"]:
                await send({"type": "websocket.close", "code": SERVER_FAILED})
            if self.run_task is not None and not self.run_task.done():
                self.run_task.cancel()

    async def on_ws_connect(self, context):
        header = _authorization(context.get("connection_params"))
        try:
            user = await sync_to_async(user_for_authorization)(header)
        except Unauthenticated as exc:
            self.rejection_reason = exc.reason
            raise ConnectionRejectionError() from None
        except Exception as exc:
            if unavailable(exc) is None:
                raise
            # The database cannot tell who this is: the server cannot go on (1011).
            logger.warning("Database unavailable at connection_init: %s", exc)
            await self.close(code=SERVER_FAILED)
            raise ConnectionRejectionError() from None
        self.scope["user"] = user
        return UNSET

    async def close(self, code=None, reason=None):
        # strawberry closes a rejected connection_init with a fixed "Forbidden".
        if code == self.REJECTED and self.rejection_reason:
            reason = self.rejection_reason
        await super().close(code=code, reason=reason)
