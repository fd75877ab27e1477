import { Client, fetchExchange, gql } from "@urql/core";
import { describe, expect, it, vi } from "vitest";
import { Session, tokenExpiry, type RefreshStore, type TokenPair } from "../src/api/auth";
import { sessionAuth } from "../src/api/client";

const NOW = 1_900_000_000;

function jwt(exp: number, sub = "u"): string {
  const part = (o: object) => btoa(JSON.stringify(o)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
  return `${part({ alg: "HS256" })}.${part({ username: sub, exp })}.sig`;
}

function memoryStore(initial: string | null = null): RefreshStore & { value: string | null } {
  const store = {
    value: initial,
    load: () => store.value,
    save: (v: string | null) => {
      store.value = v;
    },
  };
  return store;
}

/** A server that rotates: each refresh token works once and yields the next one. */
function rotatingServer() {
  let generation = 0;
  const used = new Set<string>();
  const refresher = vi.fn(async (refreshToken: string): Promise<TokenPair> => {
    if (used.has(refreshToken)) throw Object.assign(new Error("revoked"), { reason: "TOKEN_REVOKED" });
    used.add(refreshToken);
    await new Promise((r) => setTimeout(r, 5));
    generation += 1;
    return { token: jwt(NOW + 300, `g${generation}`), refreshToken: `r${generation}` };
  });
  return refresher;
}

describe("Session", () => {
  it("reads a token's expiry", () => {
    expect(tokenExpiry(jwt(123))).toBe(123);
    expect(tokenExpiry("garbage")).toBeNull();
  });

  it("keeps the access token in memory and only the refresh token in the store", () => {
    const store = memoryStore();
    const session = new Session(rotatingServer(), store, () => NOW);
    session.start({ token: jwt(NOW + 300), refreshToken: "r0" });
    expect(session.token).toBe(jwt(NOW + 300));
    expect(store.value).toBe("r0");
  });

  it("runs one refresh at a time: concurrent callers share it", async () => {
    const refresher = rotatingServer();
    const session = new Session(refresher, memoryStore("r0"), () => NOW);
    const tokens = await Promise.all([session.refresh(), session.refresh(), session.validToken()]);
    expect(refresher).toHaveBeenCalledTimes(1);
    expect(new Set(tokens).size).toBe(1);
  });

  it("stores the rotated refresh token and uses it for the next refresh", async () => {
    const refresher = rotatingServer();
    const store = memoryStore("r0");
    const session = new Session(refresher, store, () => NOW);
    await session.refresh();
    expect(store.value).toBe("r1");
    await session.refresh();
    expect(refresher.mock.calls.map((c) => c[0])).toEqual(["r0", "r1"]);
    expect(store.value).toBe("r2");
  });

  it("a failed refresh rejects every waiter and does not stick", async () => {
    const refresher = vi.fn().mockRejectedValueOnce(new Error("down")).mockResolvedValueOnce({ token: jwt(NOW + 300), refreshToken: "r1" });
    const session = new Session(refresher, memoryStore("r0"), () => NOW);
    await expect(Promise.all([session.refresh(), session.refresh()])).rejects.toThrow("down");
    await expect(session.refresh()).resolves.toBe(jwt(NOW + 300));
  });

  it("refreshes before use when the access token is about to expire", async () => {
    const refresher = rotatingServer();
    const session = new Session(refresher, memoryStore(), () => NOW);
    session.start({ token: jwt(NOW + 2), refreshToken: "r0" });
    expect(session.expired()).toBe(true);
    await session.validToken();
    expect(refresher).toHaveBeenCalledTimes(1);
    session.start({ token: jwt(NOW + 300), refreshToken: "r9" });
    await session.validToken();
    expect(refresher).toHaveBeenCalledTimes(1);
  });

  it("ending the session forgets both tokens and revokes the refresh token", () => {
    const store = memoryStore();
    const session = new Session(rotatingServer(), store, () => NOW);
    session.start({ token: jwt(NOW + 300), refreshToken: "r0" });
    const revoke = vi.fn().mockResolvedValue({});
    session.end(revoke);
    expect(session.token).toBeNull();
    expect(store.value).toBeNull();
    expect(session.signedIn).toBe(false);
    expect(revoke).toHaveBeenCalledWith("r0");
  });
});

const QUERY = gql`
  query Q {
    me {
      id
    }
  }
`;

/** A GraphQL server stub: TOKEN_EXPIRED for `expiredToken`, the given reason for `badToken`. */
function server(valid: () => string, badToken: string | null = null, badReason = "TOKEN_REVOKED") {
  const seen: (string | null)[] = [];
  const fetch = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
    const auth = new Headers(init?.headers).get("authorization");
    seen.push(auth);
    const token = auth?.replace("JWT ", "");
    const error = (reason: string) => ({ errors: [{ message: "no", extensions: { code: "UNAUTHENTICATED", reason } }], data: null });
    const body = token === valid() ? { data: { me: { __typename: "User", id: "1" } } } : token === badToken ? error(badReason) : error("TOKEN_EXPIRED");
    return new Response(JSON.stringify(body), { headers: { "Content-Type": "application/json" } });
  });
  return { fetch, seen };
}

describe("the auth exchange", () => {
  it("on TOKEN_EXPIRED refreshes once and retries, also for requests in parallel", async () => {
    const refresher = rotatingServer();
    // The client's clock says the token is fine; only the server knows it has expired.
    const session = new Session(refresher, memoryStore(), () => NOW - 1000);
    session.start({ token: jwt(NOW), refreshToken: "r0" });
    const { fetch, seen } = server(() => session.token === jwt(NOW) ? "never" : session.token!);
    const signOut = vi.fn();
    const client = new Client({ url: "/graphql/", exchanges: [sessionAuth(session, signOut), fetchExchange], fetch, requestPolicy: "network-only" });
    const results = await Promise.all([client.query(QUERY, {}).toPromise(), client.query(QUERY, { x: 1 }).toPromise()]);
    expect(results.map((r) => r.data?.me?.id)).toEqual(["1", "1"]);
    expect(refresher).toHaveBeenCalledTimes(1);
    expect(seen.at(-1)).toBe(`JWT ${session.token}`);
    expect(signOut).not.toHaveBeenCalled();
  });

  it("signs out on any other UNAUTHENTICATED reason", async () => {
    const session = new Session(rotatingServer(), memoryStore(), () => NOW);
    session.start({ token: jwt(NOW + 300, "bad"), refreshToken: "r0" });
    const { fetch } = server(() => "never", jwt(NOW + 300, "bad"), "ACCOUNT_INACTIVE");
    const signOut = vi.fn();
    const client = new Client({ url: "/graphql/", exchanges: [sessionAuth(session, signOut), fetchExchange], fetch });
    const result = await client.query(QUERY, {}).toPromise();
    expect(result.error?.graphQLErrors[0].extensions.reason).toBe("ACCOUNT_INACTIVE");
    expect(signOut).toHaveBeenCalledWith("ACCOUNT_INACTIVE");
  });

  it("signs out when the refresh token itself is refused", async () => {
    const refresher = vi.fn().mockRejectedValue(Object.assign(new Error("revoked"), { reason: "TOKEN_REVOKED" }));
    const session = new Session(refresher, memoryStore(), () => NOW - 1000);
    session.start({ token: jwt(NOW), refreshToken: "r0" });
    const { fetch } = server(() => "never");
    const signOut = vi.fn();
    const client = new Client({ url: "/graphql/", exchanges: [sessionAuth(session, signOut), fetchExchange], fetch });
    await client.query(QUERY, {}).toPromise();
    expect(signOut).toHaveBeenCalledWith("TOKEN_REVOKED");
  });
});
