"""Python's gql for the Inventory GraphQL API: HTTP with the requests transport, live
updates with the websockets transport, one refresh when the server answers TOKEN_EXPIRED.

    pip install "gql[requests,websockets]==4.4.0"
"""

import asyncio
import time
from collections.abc import AsyncIterator

from gql import Client, GraphQLRequest
from gql.transport.exceptions import TransportQueryError
from gql.transport.requests import RequestsHTTPTransport
from gql.transport.websockets import WebsocketsTransport
from requests.auth import AuthBase

TOKENS = "token refreshToken payload"


def error_reason(error: TransportQueryError) -> str | None:
    """extensions.reason of an UNAUTHENTICATED error: TOKEN_EXPIRED, TOKEN_INVALID, ..."""
    for item in error.errors or []:
        extensions = item.get("extensions") or {}
        if extensions.get("code") == "UNAUTHENTICATED":
            return extensions.get("reason")
    return None


class _JWT(AuthBase):
    """Reads the session's current token for every request, so a refresh applies at once."""

    def __init__(self, session: "Session") -> None:
        self.session = session

    def __call__(self, request):
        if self.session.token:
            request.headers["Authorization"] = f"JWT {self.session.token}"
        return request


class Session:
    def __init__(self, url: str) -> None:
        self.url = url  # e.g. http://127.0.0.1:8000/graphql/
        self.ws_url = "ws" + url.removeprefix("http")  # http→ws, https→wss
        self.token: str | None = None
        self.refresh_token: str | None = None
        self.expires_at = 0  # unix time, from the token's payload
        # One connected HTTP session (a requests.Session) for every query and mutation.
        self.client = Client(transport=RequestsHTTPTransport(url=url, auth=_JWT(self), timeout=30))
        self.http = self.client.connect_sync()

    def _keep(self, tokens: dict) -> None:
        self.token, self.refresh_token = tokens["token"], tokens["refreshToken"]
        self.expires_at = tokens["payload"]["exp"]

    def sign_in(self, username: str, password: str) -> dict:
        data = self.http.execute(GraphQLRequest(
            "mutation SignIn($username: String!, $password: String!) {"
            "  tokenAuth(username: $username, password: $password) {"
            f"   {TOKENS} user {{ id username }}"
            "} }",
            variable_values={"username": username, "password": password},
        ))
        self._keep(data["tokenAuth"])
        return data["tokenAuth"]["user"]

    def refresh(self) -> None:
        data = self.http.execute(GraphQLRequest(
            f"mutation Refresh($t: String!) {{ refreshToken(refreshToken: $t) {{ {TOKENS} }} }}",
            variable_values={"t": self.refresh_token},
        ))
        self._keep(data["refreshToken"])

    def sign_out(self) -> None:
        self.http.execute(GraphQLRequest(
            "mutation SignOut($t: String!) { revokeToken(refreshToken: $t) { revoked } }",
            variable_values={"t": self.refresh_token},
        ))
        self.token = self.refresh_token = None
        self.client.close_sync()

    def execute(self, document: str, **variables) -> dict:
        """Run a query or mutation; on TOKEN_EXPIRED refresh once and run it again."""
        request = GraphQLRequest(document, variable_values=variables)
        try:
            return self.http.execute(request)
        except TransportQueryError as error:
            if error_reason(error) != "TOKEN_EXPIRED" or not self.refresh_token:
                raise
        self.refresh()
        return self.http.execute(request)

    async def subscribe(self, document: str, **variables) -> AsyncIterator[dict]:
        """Yield each event of a subscription over graphql-transport-ws."""
        if self.expires_at - time.time() < 10:  # the token is checked once, at connection_init
            await asyncio.to_thread(self.refresh)
        transport = WebsocketsTransport(
            url=self.ws_url,
            init_payload={"authorization": f"JWT {self.token}"},
            subprotocols=[WebsocketsTransport.GRAPHQLWS_SUBPROTOCOL],
        )
        async with Client(transport=transport) as ws:
            async for event in ws.subscribe(GraphQLRequest(document, variable_values=variables)):
                yield event
