// The playground at /graphql/: GraphiQL from this package's pinned npm builds, nothing
// loaded from elsewhere. Queries and mutations go over HTTP with the headers editor's
// headers; subscriptions over the same host's websocket (graphql-transport-ws), with the
// editor's Authorization header sent in connection_init as {"authorization": ...}.
import { GraphiQL } from "graphiql";
import "graphiql/style.css";
import { getOperationAST, parse } from "graphql";
import { createClient } from "graphql-ws";
import React from "react";
import { createRoot } from "react-dom/client";

const root = document.getElementById("graphiql");
const endpoint = new URL(root.dataset.endpoint, window.location.href);
const socketUrl = new URL(endpoint);
socketUrl.protocol = endpoint.protocol === "https:" ? "wss:" : "ws:";

function authorizationOf(headers) {
  const name = Object.keys(headers || {}).find((key) => key.toLowerCase() === "authorization");
  return name ? String(headers[name]) : null;
}

function isSubscription(query, operationName) {
  try {
    const operation = getOperationAST(parse(query), operationName || undefined);
    return operation?.operation === "subscription";
  } catch {
    return false; // the server answers a document that does not parse
  }
}

// One socket per Authorization value: changing the header opens a fresh, signed-in socket.
const sockets = new Map();
function socketFor(authorization) {
  const key = authorization || "";
  if (!sockets.has(key)) {
    for (const [other, client] of sockets) {
      client.dispose();
      sockets.delete(other);
    }
    sockets.set(key, createClient({
      url: socketUrl.href,
      lazy: true,
      connectionParams: authorization ? { authorization } : {},
    }));
  }
  return sockets.get(key);
}

async function fetcher(params, options) {
  const headers = options?.headers || {};
  if (isSubscription(params.query, params.operationName)) {
    return socketFor(authorizationOf(headers)).iterate({
      query: params.query,
      variables: params.variables || undefined,
      operationName: params.operationName || undefined,
    });
  }
  const response = await fetch(endpoint, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      Accept: "application/graphql-response+json, application/json;q=0.9",
      ...headers,
    },
    body: JSON.stringify(params),
  });
  return response.json();
}

const defaultQuery = `# Sign in: run tokenAuth (a demo login is printed by \`make run\`), then put
#   {"Authorization": "JWT <token>"}
# in the Headers tab below. Subscriptions use the same header.
mutation SignIn {
  tokenAuth(username: "demo_owner", password: "demo-owner-pass-1") { token refreshToken }
}

query LowStock {
  items(filters: {lowStock: true}) { totalCount results { id name quantity } }
}

subscription Changes {
  stockChanges { id itemName oldQuantity newQuantity reason username }
}
`;

createRoot(root).render(
  <GraphiQL fetcher={fetcher} defaultQuery={defaultQuery} defaultEditorToolsVisibility="headers" />,
);
