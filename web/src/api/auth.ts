// The session: the access token lives in this object only (memory); the refresh
// token in sessionStorage (see README: "Where the refresh token lives").

export const REFRESH_KEY = "stockroom.refreshToken";

export interface RefreshStore {
  load(): string | null;
  save(refreshToken: string | null): void;
}

export const sessionRefreshStore: RefreshStore = {
  load: () => sessionStorage.getItem(REFRESH_KEY),
  save: (value) => (value ? sessionStorage.setItem(REFRESH_KEY, value) : sessionStorage.removeItem(REFRESH_KEY)),
};

export interface TokenPair {
  token: string;
  refreshToken: string;
}

/** Exchanges a refresh token for a new pair (the API revokes the old one: rotation). */
export type Refresher = (refreshToken: string) => Promise<TokenPair>;

/** Why a session ended: an `extensions.reason` of the API, or the user's own sign-out. */
export type EndReason = string;

export class AuthFailure extends Error {
  constructor(public reason: string, message = reason) {
    super(message);
  }
}

/** Seconds since the epoch at which a JWT expires, or null when it cannot be read. */
export function tokenExpiry(token: string): number | null {
  try {
    const part = token.split(".")[1];
    const json = atob(part.replace(/-/g, "+").replace(/_/g, "/"));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === "number" ? exp : null;
  } catch {
    return null;
  }
}

export class Session {
  private access: string | null = null;
  private inFlight: Promise<string> | null = null;
  private listeners = new Set<() => void>();

  constructor(
    private refresher: Refresher,
    private store: RefreshStore,
    private now: () => number = () => Date.now() / 1000,
  ) {}

  get token(): string | null {
    return this.access;
  }

  /** True while a refresh token is kept, even before the first access token of a reload. */
  get signedIn(): boolean {
    return this.access !== null || this.store.load() !== null;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit() {
    this.listeners.forEach((listener) => listener());
  }

  start(pair: TokenPair) {
    this.access = pair.token;
    this.store.save(pair.refreshToken);
    this.emit();
  }

  /** Ends the session; `revoke` (when given) tells the API to revoke the refresh token. */
  end(revoke?: (refreshToken: string) => Promise<unknown>) {
    const refreshToken = this.store.load();
    this.access = null;
    this.inFlight = null;
    this.store.save(null);
    if (refreshToken && revoke) revoke(refreshToken).catch(() => undefined);
    this.emit();
  }

  /** True when the access token is missing or expires within `margin` seconds. */
  expired(margin = 5): boolean {
    if (!this.access) return true;
    const exp = tokenExpiry(this.access);
    return exp !== null && exp - margin <= this.now();
  }

  /**
   * Gets a new access token with the refresh token. Callers that arrive while a refresh
   * is running share it: one refresh in flight, so a rotated token is never used twice.
   */
  refresh(): Promise<string> {
    if (this.inFlight) return this.inFlight;
    const refreshToken = this.store.load();
    if (!refreshToken) return Promise.reject(new AuthFailure("AUTH_REQUIRED"));
    const run = this.refresher(refreshToken).then(
      (pair) => {
        if (this.inFlight === run) {
          this.access = pair.token;
          this.store.save(pair.refreshToken);
          this.inFlight = null;
        }
        return pair.token;
      },
      (error: unknown) => {
        if (this.inFlight === run) this.inFlight = null;
        throw error;
      },
    );
    this.inFlight = run;
    return run;
  }

  /** An access token good for a few more seconds, refreshing first when needed. */
  async validToken(): Promise<string> {
    if (!this.expired() && this.access) return this.access;
    return this.refresh();
  }
}
