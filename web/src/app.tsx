// The signed-in shell: one session, one websocket, one urql client per sign-in.
import { createContext, useContext, useMemo, useState, useSyncExternalStore, type ReactNode } from "react";
import { Provider, useQuery, useSubscription } from "urql";
import { Session, sessionRefreshStore } from "./api/auth";
import { createUrqlClient } from "./api/client";
import { refreshTokens, revokeRefreshToken } from "./api/http";
import { ConnectionStatus, ResumeTracker, createWsClient } from "./api/live";
import type { MeQuery as MeResult } from "./gql/graphql";
import { LowStockSubscription, MeQuery, StockChangesSubscription } from "./operations";

export const session = new Session(refreshTokens, sessionRefreshStore);

export type Me = NonNullable<MeResult["me"]>;

interface Notice {
  id: number;
  text: string;
}

interface AppState {
  me: Me;
  isOwner: boolean;
  status: ConnectionStatus;
  signOut: () => void;
  notify: (text: string) => void;
}

const AppContext = createContext<AppState | null>(null);

export function useApp(): AppState {
  const state = useContext(AppContext);
  if (!state) throw new Error("useApp outside the signed-in app");
  return state;
}

export function useSessionSignedIn(): boolean {
  return useSyncExternalStore(
    (listener) => session.subscribe(listener),
    () => session.signedIn,
  );
}

export function useConnection(status: ConnectionStatus) {
  return useSyncExternalStore(
    (listener) => status.subscribe(listener),
    () => status.state,
  );
}

let endedBecause: string | null = null;
export function endReason() {
  return endedBecause;
}

let closeSocket = () => {};

export function signOut(reason: string | null = null) {
  endedBecause = reason;
  closeSocket();
  session.end(revokeRefreshToken);
}

export function SignedIn({ children }: { children: (notices: Notice[]) => ReactNode }) {
  const [wiring] = useState(() => {
    const status = new ConnectionStatus();
    const tracker = new ResumeTracker();
    const ws = createWsClient(session, status, (reason) => signOut(reason));
    closeSocket = () => void ws.dispose();
    return { status, ws, tracker };
  });
  // A reconnect that could not replay what was missed: a fresh cache refetches everything.
  const [epoch, setEpoch] = useState(0);
  const client = useMemo(
    () => createUrqlClient(session, wiring.ws, wiring.tracker, (reason) => signOut(reason), () => setEpoch(epoch + 1)),
    [wiring, epoch],
  );
  return (
    <Provider value={client}>
      <Shell status={wiring.status}>{children}</Shell>
    </Provider>
  );
}

function Shell({ status, children }: { status: ConnectionStatus; children: (notices: Notice[]) => ReactNode }) {
  const [{ data, error }] = useQuery({ query: MeQuery });
  const [notices, setNotices] = useState<Notice[]>([]);
  const notify = useMemo(() => {
    let next = 1;
    return (text: string) => {
      const id = next++;
      setNotices((list) => [...list.slice(-4), { id, text }]);
      setTimeout(() => setNotices((list) => list.filter((n) => n.id !== id)), 8000);
    };
  }, []);
  // Live: keeps the cache current (cacheConfig.updates.Subscription) and raises alerts.
  useSubscription({ query: StockChangesSubscription });
  useSubscription({ query: LowStockSubscription }, (_prev, event) => {
    const item = event.lowStockAlerts;
    notify(`Low stock: ${item.name} has ${item.quantity} left (reorder level ${item.lowStockThreshold}).`);
    return event;
  });
  const me = data?.me;
  const value = useMemo(
    () => (me ? { me, isOwner: me.role === "OWNER" || me.isSuperuser, status, signOut: () => signOut(), notify } : null),
    [me, status, notify],
  );
  if (error && !data) return <p role="alert" className="page">Could not load your account: {error.message}</p>;
  if (!value) return <p className="page" aria-busy="true">Loading…</p>;
  return <AppContext.Provider value={value}>{children(notices)}</AppContext.Provider>;
}
