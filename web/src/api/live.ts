// The websocket (graphql-ws): authenticated at connection_init with a fresh access token,
// reconnecting forever with back-off, and resuming stockChanges after the last id seen.
import { createClient, type Client as WsClient, type SubscribePayload } from "graphql-ws";
import type { Session } from "./auth";

export type ConnectionState = "connecting" | "online" | "offline";

export class ConnectionStatus {
  state: ConnectionState = "connecting";
  private listeners = new Set<() => void>();
  set(state: ConnectionState) {
    if (state === this.state) return;
    this.state = state;
    this.listeners.forEach((listener) => listener());
  }
  subscribe(listener: () => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/**
 * Keeps a stockChanges subscription resumable: graphql-ws re-sends the same payload
 * object on every reconnect, so the payload's afterId is moved on as changes arrive,
 * and a change seen already (replayed and live) is dropped.
 */
export type Resumable = { -readonly [K in keyof SubscribePayload]: SubscribePayload[K] };

export class ResumeTracker {
  lastId: number | null = null;
  private seen = new Set<number>();

  track(payload: Resumable) {
    const variables = { ...(payload.variables ?? {}) } as Record<string, unknown>;
    if (this.lastId !== null) variables.afterId = String(this.lastId);
    payload.variables = variables;
  }

  /** Returns false for a change already delivered. */
  accept(id: string | number, payload?: Resumable): boolean {
    const n = Number(id);
    if (this.seen.has(n)) return false;
    this.seen.add(n);
    if (this.seen.size > 5000) this.seen.delete(this.seen.values().next().value as number);
    if (this.lastId === null || n > this.lastId) this.lastId = n;
    if (payload) payload.variables = { ...(payload.variables ?? {}), afterId: String(this.lastId) };
    return true;
  }
}

export function websocketUrl(location: Location = window.location): string {
  return `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/graphql/`;
}

export function createWsClient(session: Session, status: ConnectionStatus, onFatal: (reason: string) => void): WsClient {
  let fatal = false;
  return createClient({
    url: websocketUrl(),
    lazy: false,
    retryAttempts: Infinity,
    keepAlive: 10_000,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(500 * 2 ** retries, 5000))),
    connectionParams: async () => ({ authorization: `JWT ${await session.validToken()}` }),
    shouldRetry: (event) => {
      const close = event as CloseEvent;
      if (close?.code === 4403 && close.reason !== "TOKEN_EXPIRED") {
        fatal = true;
        onFatal(close.reason || "TOKEN_INVALID");
        return false;
      }
      return !fatal;
    },
    on: {
      connecting: () => status.set("connecting"),
      connected: () => status.set("online"),
      closed: () => status.set(fatal ? "offline" : "connecting"),
      error: () => status.set("offline"),
    },
  });
}
