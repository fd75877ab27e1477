// Two people at once: the worker sees the owner's changes arrive live, gets low-stock
// alerts, cannot reach the owner's screens, and misses nothing across a dropped connection.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { api, axe, launch, newContext, OWNER, shot, signIn, tokenFor, WORKER, type Browser, type Page } from "./helpers";
import { Proxy } from "./proxy";
import { ROOT } from "./setup";

const server = `http://127.0.0.1:${inject("serverPort")}`;
let browser: Browser;
let proxy: Proxy;
let viaProxy: string;
let owner: Page;
let worker: Page;
let problems: string[];
let itemId: string;
const sent: string[] = [];
const received: string[] = [];

const ADJUST = `mutation($input: AdjustStockInput!) { adjustStock(input: $input) { id newQuantity } }`;

beforeAll(async () => {
  proxy = new Proxy(inject("serverPort"));
  viaProxy = `http://127.0.0.1:${await proxy.start()}`;
  browser = await launch();
  const ownerSide = await newContext(browser);
  const workerSide = await newContext(browser);
  problems = workerSide.problems;
  owner = await ownerSide.context.newPage();
  worker = await workerSide.context.newPage();
  worker.on("websocket", (ws) => {
    ws.on("framesent", (f) => sent.push(String(f.payload)));
    ws.on("framereceived", (f) => received.push(String(f.payload)));
  });
  const created = await api<{ createItem: { id: string } }>(
    server,
    `mutation { createItem(input: {name: "Live item", sku: "LIVE-1", category: "Live", price: "3.00", quantity: 20, lowStockThreshold: 5}) { id } }`,
    {},
    await tokenFor(server, OWNER),
  );
  itemId = created.createItem.id;
  await signIn(owner, server, OWNER);
  await signIn(worker, viaProxy, WORKER);
});
afterAll(async () => {
  await browser?.close();
  await proxy?.close();
});

const quantityCell = (page: Page) => page.locator(`tr[data-item-id="${itemId}"] [data-testid="quantity"]`);

describe("live", () => {
  test("the worker's table shows the owner's adjustment without a reload", async () => {
    await worker.goto(`${viaProxy}/app/?category=Live`);
    await expect.poll(() => quantityCell(worker).textContent()).toBe("20");
    await expect.poll(() => worker.locator("[data-state]").getAttribute("data-state")).toBe("online");
    await owner.goto(`${server}/app/items/${itemId}`);
    await owner.getByLabel("Change by").fill("-4");
    await owner.getByLabel("Reason").selectOption("SOLD");
    await owner.getByRole("button", { name: "Save adjustment" }).click();
    await expect.poll(() => quantityCell(worker).textContent(), { timeout: 10_000 }).toBe("16");
  });

  test("a drop below the reorder level is a notification", async () => {
    await api(server, ADJUST, { input: { itemId, delta: -13, reason: "SOLD" } }, await tokenFor(server, OWNER));
    const notice = worker.getByRole("log", { name: "Notifications" }).getByText("Low stock: Live item has 3 left");
    await notice.waitFor({ timeout: 10_000 });
    await expect.poll(() => quantityCell(worker).textContent()).toContain("3");
    await axe(worker, "items (worker, with a notification)");
    await shot(worker, "worker-live-alert");
  });

  test("the worker sees no owner-only screen or control", async () => {
    const nav = worker.getByRole("navigation", { name: "Main" });
    expect(await nav.getByRole("link").allTextContents()).toEqual(["Items", "Stocktake", "Receiving", "Movements"]);
    expect(await worker.getByRole("link", { name: "New item" }).count()).toBe(0);
    for (const path of ["/app/workers", "/app/import", "/app/items/new", `/app/items/${itemId}/edit`]) {
      await worker.goto(`${viaProxy}${path}`);
      await worker.getByRole("heading", { name: "Owners only" }).waitFor();
    }
    await axe(worker, "owners only");
    await worker.goto(`${viaProxy}/app/items/${itemId}`);
    await worker.getByRole("heading", { name: "Live item" }).waitFor();
    expect(await worker.getByRole("button", { name: "Delete" }).count()).toBe(0);
    expect(await worker.getByRole("link", { name: "Edit" }).count()).toBe(0);
    expect(await worker.getByRole("button", { name: "Save adjustment" }).count()).toBe(1);
  });

  test("a dropped connection resumes and misses no change", async () => {
    // The item page, live and current.
    await api(server, ADJUST, { input: { itemId, delta: 1, reason: "RETURNED", note: "before the drop" } }, await tokenFor(server, OWNER));
    await worker.getByRole("cell", { name: "before the drop" }).waitFor({ timeout: 10_000 });
    await expect.poll(() => worker.locator("[data-state]").getAttribute("data-state")).toBe("online");

    proxy.cut();
    await expect.poll(() => worker.locator("[data-state]").getAttribute("data-state")).not.toBe("online");
    await shot(worker, "connection-lost");
    const during = await api<{ adjustStock: { id: string } }>(
      server,
      ADJUST,
      { input: { itemId, delta: 7, reason: "RECEIVED", note: "during the drop" } },
      await tokenFor(server, OWNER),
    );
    await new Promise((r) => setTimeout(r, 1500));
    proxy.restore();

    await expect.poll(() => worker.locator("[data-state]").getAttribute("data-state"), { timeout: 20_000 }).toBe("online");
    await worker.getByRole("cell", { name: "during the drop" }).waitFor({ timeout: 10_000 });
    await expect.poll(() => worker.getByTestId("item-quantity").textContent()).toContain("11");
    // The app asked to resume after the last change it had seen ...
    expect(sent.some((f) => f.includes('"afterId"') && f.includes("StockChangesResume"))).toBe(true);
    const schema = readFileSync(resolve(ROOT, "schema.graphql"), "utf8");
    if (/stockChanges\([^:]*?\bitemId: ID[^)]*?\bafterId: ID/s.test(schema.replace(/"""[\s\S]*?"""/g, ""))) {
      // ... and the server replayed the change made while it was away.
      expect(received.some((f) => f.includes(`"id":"${during.adjustStock.id}"`) && f.includes('"next"'))).toBe(true);
    } else {
      // ... and, on a server without afterId, refetched what it shows instead.
      expect(received.some((f) => f.includes('"error"'))).toBe(true);
    }
    expect(problems).toEqual([]);
  });
});
