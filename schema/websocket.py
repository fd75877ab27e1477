"""The websocket endpoint: graphql-transport-ws only, authenticated at connection_init."""

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
    without a valid token the socket is closed with 4403."""

    def __init__(self, schema) -> None:
        super().__init__(
            schema=schema,
            subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,),
            connection_init_wait_timeout=datetime.timedelta(seconds=10),
        )

    async def on_ws_connect(self, context):
        header = _authorization(context.get("connection_params"))
        try:
            user = await sync_to_async(user_for_authorization)(header)
        except Unauthenticated:
            raise ConnectionRejectionError() from None
        self.scope["user"] = user
        return UNSET
