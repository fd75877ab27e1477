// The websocket (graphql-ws): authenticated at connection_init with a fresh access token,
// reconnecting forever with back-off, and resuming stockChanges after the last id seen.
import { stringifyDocument } from "@urql/core";
import { createClient, type Client as WsClient, type Sink, type SubscribePayload, type FormattedExecutionResult } from "graphql-ws";
import type { Session } from "./auth";
import { StockChangesResumeSubscription } from "../operations";

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

export type Resumable = { -readonly [K in keyof SubscribePayload]: SubscribePayload[K] };

const RESUME_QUERY = stringifyDocument(StockChangesResumeSubscription);

/**
 * Keeps a stockChanges subscription resumable. graphql-ws re-sends the same payload
 * object on every reconnect, so once a change has arrived the payload becomes the
 * resume document with afterId = the highest id seen; a change delivered twice (replay
 * and live) is dropped. A server that refuses the resume (no afterId) gets the live
 * document again and the app refetches what it shows (`onGap`).
 */
export class ResumeTracker {
  lastId: number | null = null;
  resumeSupported = true;
  private seen = new Set<number>();

  /** Returns false for a change already delivered. */
  accept(id: string | number, payload?: Resumable): boolean {
    const n = Number(id);
    if (this.seen.has(n)) return false;
    this.seen.add(n);
    if (this.seen.size > 5000) this.seen.delete(this.seen.values().next().value as number);
    if (this.lastId === null || n > this.lastId) this.lastId = n;
    if (payload && this.resumeSupported) {
      payload.query = RESUME_QUERY;
      payload.operationName = "StockChangesResume";
      payload.variables = { afterId: String(this.lastId) };
    }
    return true;
  }

  /** A refused resume: go back to the live document. Returns true when that applies. */
  refused(payload: Resumable, live: Resumable): boolean {
    if (payload.query !== RESUME_QUERY) return false;
    this.resumeSupported = false;
    Object.assign(payload, live);
    return true;
  }
}

/** Subscribes to stockChanges through `ws`, resumable across reconnects (see ResumeTracker). */
export function subscribeResumable(
  ws: WsClient,
  tracker: ResumeTracker,
  live: Resumable,
  sink: Sink<FormattedExecutionResult<Record<string, unknown>, unknown>>,
  onGap: () => void,
): () => void {
  const payload: Resumable = { ...live };
  let unsubscribe = () => {};
  const start = () => {
    unsubscribe = ws.subscribe(payload, {
      next(result) {
        const change = (result.data as { stockChanges?: { id: string } } | undefined)?.stockChanges;
        if (change && !tracker.accept(change.id, payload)) return;
        sink.next(result);
      },
      error(error) {
        if (tracker.refused(payload, live)) {
          onGap();
          start();
        } else sink.error(error);
      },
      complete: () => sink.complete(),
    });
  };
  start();
  return () => unsubscribe();
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
