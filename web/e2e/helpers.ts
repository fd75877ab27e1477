import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { expect } from "vitest";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
export const SHOTS = resolve(import.meta.dirname, "../screenshots");
mkdirSync(SHOTS, { recursive: true });

export const OWNER = { username: "demo_owner", password: "demo-owner-pass-1" };
export const WORKER = { username: "demo_worker", password: "demo-worker-pass-1" };

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
}

/** A context whose pages fail the test on any CSP violation or uncaught error. */
export async function newContext(browser: Browser, options: Parameters<Browser["newContext"]>[0] = {}) {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1200, height: 900 }, ...options });
  const problems: string[] = [];
  context.on("page", (page) => watch(page, problems));
  return { context, problems };
}

export function watch(page: Page, problems: string[]) {
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy|Refused to/.test(m.text())) problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(String(e)));
}

export async function signIn(page: Page, base: string, who: { username: string; password: string }) {
  await page.goto(`${base}/app/`);
  await page.getByLabel("Username").fill(who.username);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Items", level: 1 }).waitFor();
}

/** axe-core in the page (evaluated, so the page's CSP stays as it is): no serious issue. */
export async function axe(page: Page, screen: string) {
  await page.evaluate(`${AXE}\n;0`);
  const violations = (await page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (opts: object) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } };
    const result = await w.axe.run({ resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  })) as { id: string; impact: string }[];
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious, `${screen}: ${JSON.stringify(serious)}`).toEqual([]);
}

export async function shot(page: Page, name: string) {
  await page.screenshot({ path: resolve(SHOTS, `${name}.png`), fullPage: false });
}

/** GraphQL straight to the server (not through the browser), as another client would. */
export async function api<T = Record<string, unknown>>(base: string, query: string, variables: object = {}, token?: string): Promise<T> {
  const response = await fetch(`${base}/graphql/`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(token ? { Authorization: `JWT ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const tokens = new Map<string, { token: string; at: number }>();

/** A token for `who`, signed in again when the cached one is near its (short) expiry. */
export async function tokenFor(base: string, who: { username: string; password: string }): Promise<string> {
  const cached = tokens.get(who.username);
  if (cached && Date.now() - cached.at < 8000) return cached.token;
  const data = await api<{ tokenAuth: { token: string } }>(
    base,
    "mutation($u: String!, $p: String!) { tokenAuth(username: $u, password: $p) { token } }",
    { u: who.username, p: who.password },
  );
  tokens.set(who.username, { token: data.tokenAuth.token, at: Date.now() });
  return data.tokenAuth.token;
}

export type { Browser, BrowserContext, Page };
