// The urql client: normalized cache, token refresh on TOKEN_EXPIRED, HTTP and websocket.
import { Client, fetchExchange, subscriptionExchange, type CombinedError, type Operation } from "@urql/core";
import { authExchange } from "@urql/exchange-auth";
import { cacheExchange } from "@urql/exchange-graphcache";
import type { Client as WsClient } from "graphql-ws";
import type { Session } from "./auth";
import { cacheConfig } from "./cache";
import { GRAPHQL_PATH } from "./http";
import { ResumeTracker, subscribeResumable, type Resumable } from "./live";

export function reasons(error: CombinedError | undefined): string[] {
  return (error?.graphQLErrors ?? [])
    .filter((e) => e.extensions?.code === "UNAUTHENTICATED")
    .map((e) => String(e.extensions?.reason ?? "TOKEN_INVALID"));
}

/** The auth step: adds the header, refreshes once on TOKEN_EXPIRED, signs out on the rest. */
export function sessionAuth(session: Session, onSignOut: (reason: string) => void) {
  return authExchange(async (utils) => ({
    addAuthToOperation: (operation: Operation) =>
      session.token ? utils.appendHeaders(operation, { Authorization: `JWT ${session.token}` }) : operation,
    willAuthError: () => session.signedIn && session.expired(),
    didAuthError: (error) => {
      const found = reasons(error);
      if (found.some((r) => r !== "TOKEN_EXPIRED")) onSignOut(found.find((r) => r !== "TOKEN_EXPIRED")!);
      return found.includes("TOKEN_EXPIRED");
    },
    refreshAuth: async () => {
      try {
        await session.refresh();
      } catch (error) {
        onSignOut((error as { reason?: string }).reason ?? "TOKEN_INVALID");
      }
    },
  }));
}

export function createUrqlClient(
  session: Session,
  ws: WsClient,
  tracker: ResumeTracker,
  onSignOut: (reason: string) => void,
  onGap: () => void = () => {},
) {
  return new Client({
    url: GRAPHQL_PATH,
    preferGetMethod: false,
    requestPolicy: "cache-and-network",
    fetchOptions: { headers: { Accept: "application/graphql-response+json, application/json;q=0.9" } },
    exchanges: [
      cacheExchange(cacheConfig),
      sessionAuth(session, onSignOut),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const live: Resumable = { ...request, query: request.query ?? "" };
          return {
            subscribe(sink) {
              if (/\bstockChanges\b/.test(live.query)) {
                return { unsubscribe: subscribeResumable(ws, tracker, live, sink as never, onGap) };
              }
              return { unsubscribe: ws.subscribe(live, sink as never) };
            },
          };
        },
      }),
    ],
  });
}
