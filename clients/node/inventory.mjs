// Apollo Client 4 for the Inventory GraphQL API: tokens from tokenAuth sent on every
// request, one refresh when the server answers TOKEN_EXPIRED, subscriptions over
// graphql-ws. Runs on Node 20 as it is; in a browser, leave out `ws` (see docs/clients.md).
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from "@apollo/client";
import { CombinedGraphQLErrors } from "@apollo/client/errors";
import { SetContextLink } from "@apollo/client/link/context";
import { ErrorLink } from "@apollo/client/link/error";
import { GraphQLWsLink } from "@apollo/client/link/subscriptions";
import { getMainDefinition } from "@apollo/client/utilities";
import { createClient } from "graphql-ws";
import { from, switchMap } from "rxjs";
import WebSocket from "ws";

const TOKENS = "token refreshToken payload";

// The tokens of one signed-in user. Token calls go straight to the server with fetch,
// outside the Apollo link chain, so a refresh never loops through itself.
export class Session {
  constructor(url) {
    this.url = url;
    this.token = null;
    this.refreshToken = null;
    this.expiresAt = 0; // unix seconds, from the token's payload
    this.pending = null; // one refresh at a time, shared by every caller
  }

  async call(query, variables) {
    const response = await fetch(this.url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json" },
      body: JSON.stringify({ query, variables }),
    });
    const body = await response.json();
    if (body.errors) {
      const [error] = body.errors;
      throw Object.assign(new Error(error.message), { extensions: error.extensions });
    }
    return body.data;
  }

  keep({ token, refreshToken, payload }) {
    Object.assign(this, { token, refreshToken, expiresAt: payload.exp });
  }

  async signIn(username, password) {
    const data = await this.call(
      `mutation SignIn($username: String!, $password: String!) {
         tokenAuth(username: $username, password: $password) { ${TOKENS} user { id username role } }
       }`,
      { username, password },
    );
    this.keep(data.tokenAuth);
    return data.tokenAuth.user;
  }

  refresh() {
    this.pending ??= this.call(
      `mutation Refresh($refreshToken: String!) { refreshToken(refreshToken: $refreshToken) { ${TOKENS} } }`,
      { refreshToken: this.refreshToken },
    )
      .then((data) => this.keep(data.refreshToken))
      .catch((error) => {
        this.token = this.refreshToken = null; // revoked or expired: sign in again
        throw error;
      })
      .finally(() => {
        this.pending = null;
      });
    return this.pending;
  }

  // For a websocket's connection_init: a token that is not about to expire.
  async freshToken() {
    if (this.expiresAt - Date.now() / 1000 < 10) await this.refresh();
    return this.token;
  }

  async signOut() {
    if (this.refreshToken) {
      await this.call(`mutation SignOut($t: String!) { revokeToken(refreshToken: $t) { revoked } }`, {
        t: this.refreshToken,
      });
    }
    this.token = this.refreshToken = null;
  }
}

const isExpired = (error) =>
  CombinedGraphQLErrors.is(error) &&
  error.errors.some((e) => e.extensions?.code === "UNAUTHENTICATED" && e.extensions?.reason === "TOKEN_EXPIRED");

export function createInventoryClient({ url, session, wsUrl = url.replace(/^http/, "ws") }) {
  const auth = new SetContextLink(({ headers }) => ({
    headers: { ...headers, ...(session.token && { authorization: `JWT ${session.token}` }) },
  }));
  // On TOKEN_EXPIRED: refresh once, then send the same operation again (through `auth`).
  const refreshOnExpiry = new ErrorLink(({ error, operation, forward }) => {
    if (isExpired(error) && session.refreshToken) {
      return from(session.refresh()).pipe(switchMap(() => forward(operation)));
    }
  });
  const http = ApolloLink.from([refreshOnExpiry, auth, new HttpLink({ uri: url })]);

  const wsClient = createClient({
    url: wsUrl,
    webSocketImpl: WebSocket, // Node only: browsers have WebSocket built in
    connectionParams: async () => ({ authorization: `JWT ${await session.freshToken()}` }),
  });
  const isSubscription = ({ query }) => {
    const definition = getMainDefinition(query);
    return definition.kind === "OperationDefinition" && definition.operation === "subscription";
  };

  const client = new ApolloClient({
    link: ApolloLink.split(isSubscription, new GraphQLWsLink(wsClient), http),
    cache: new InMemoryCache(),
  });
  return { client, wsClient };
}
