// Plain GraphQL-over-HTTP calls for the token mutations (outside the urql pipeline, so
// a refresh never waits on itself).
import { AuthFailure, type TokenPair } from "./auth";

export const GRAPHQL_PATH = "/graphql/";

interface GraphQLErrorLike {
  message: string;
  extensions?: { code?: string; reason?: string; fieldErrors?: Record<string, string[]> };
}

export async function postGraphQL<T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const headers: Record<string, string> = {
    "Content-Type": "application/json",
    Accept: "application/graphql-response+json, application/json;q=0.9",
  };
  if (token) headers.Authorization = `JWT ${token}`;
  const response = await fetch(GRAPHQL_PATH, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: T; errors?: GraphQLErrorLike[] };
  const error = body.errors?.[0];
  if (error) {
    const reason = error.extensions?.reason ?? error.extensions?.code ?? "ERROR";
    throw new AuthFailure(reason, error.message);
  }
  return body.data as T;
}

const PAIR = "token refreshToken";

export async function refreshTokens(refreshToken: string): Promise<TokenPair> {
  const data = await postGraphQL<{ refreshToken: TokenPair }>(
    `mutation Refresh($refreshToken: String!) { refreshToken(refreshToken: $refreshToken) { ${PAIR} } }`,
    { refreshToken },
  );
  return data.refreshToken;
}

export async function signIn(username: string, password: string): Promise<TokenPair> {
  const data = await postGraphQL<{ tokenAuth: TokenPair }>(
    `mutation SignIn($username: String!, $password: String!) { tokenAuth(username: $username, password: $password) { ${PAIR} } }`,
    { username, password },
  );
  return data.tokenAuth;
}

export function revokeRefreshToken(refreshToken: string) {
  return postGraphQL(`mutation Revoke($refreshToken: String!) { revokeToken(refreshToken: $refreshToken) { revoked } }`, {
    refreshToken,
  });
}
