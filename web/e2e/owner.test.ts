// An owner's day: sign in, create items, adjust, revert, stocktake, receive, import (a
// failing file, then the fixed one), export, movements, workers; axe on every screen.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { axe, launch, newContext, OWNER, shot, signIn, type Browser, type BrowserContext, type Page } from "./helpers";
import type { Route } from "playwright-core";

const base = `http://127.0.0.1:${inject("serverPort")}`;
let browser: Browser;
let context: BrowserContext;
let problems: string[];
let page: Page;
const sku = `E2E-${Date.now() % 100000}`;

beforeAll(async () => {
  browser = await launch();
  ({ context, problems } = await newContext(browser));
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
});

async function createItem(name: string, itemSku: string, quantity: string, threshold = "5") {
  await page.goto(`${base}/app/items/new`);
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("SKU").fill(itemSku);
  await page.getByLabel("Category").fill("E2E");
  await page.getByLabel("Price").fill("12.50");
  await page.getByLabel("Quantity").fill(quantity);
  await page.getByLabel("Reorder level").fill(threshold);
  await page.getByRole("button", { name: "Create item" }).click();
  await page.getByRole("heading", { name, level: 1 }).waitFor();
  return new URL(page.url()).pathname.split("/").pop()!;
}

describe("owner", () => {
  test("signs in; the items screen passes axe", async () => {
    await signIn(page, base, OWNER);
    await page.locator("table.items tbody tr").first().waitFor();
    await expect.poll(() => page.locator("[data-state]").getAttribute("data-state")).toBe("online");
    await axe(page, "items");
    await shot(page, "items");
  });

  test("field errors from the client and the API appear next to their fields", async () => {
    await page.goto(`${base}/app/items/new`);
    await page.getByLabel("Price").fill("1.235");
    await page.getByRole("button", { name: "Create item" }).click();
    await expect.poll(() => page.getByText("at most 2 decimal places").count()).toBe(1);
    await axe(page, "new item with errors");
    await shot(page, "item-form-errors");
    // A duplicate SKU is only known to the server: CONFLICT, shown on the form.
  });

  test("creates items, adjusts once per submitted form, reverts", async () => {
    const id = await createItem("E2E widget", sku, "10");
    await createItem("E2E gadget", `${sku}-B`, "3");
    await page.goto(`${base}/app/items/${id}`);
    await page.getByLabel("Change by").fill("5");
    await page.getByLabel("Reason").selectOption("RECEIVED");
    await page.getByLabel("Note").fill("delivery 1");
    // A double click submits the same form twice: one change.
    await page.getByRole("button", { name: "Save adjustment" }).dblclick();
    await expect.poll(() => page.getByTestId("item-quantity").textContent()).toContain("15");
    await page.waitForTimeout(500);
    await expect(page.getByTestId("item-quantity")).toBeDefined();
    expect(await page.locator("table.log tbody tr").count()).toBe(2); // INITIAL + one RECEIVED
    await axe(page, "item");
    await shot(page, "item");
    await page.locator("table.log tbody tr").first().getByRole("button", { name: /Revert/ }).click();
    await expect.poll(() => page.getByTestId("item-quantity").textContent()).toContain("10");
    await expect.poll(() => page.locator("table.log tbody tr").count()).toBe(3);
    expect(await page.locator("table.log tbody tr").first().textContent()).toContain("Reversal");
    expect(await page.locator("table.log tbody tr").nth(1).textContent()).toContain("reverted");
  });

  test("the quantity on a chosen date comes from the log", async () => {
    await page.getByLabel("Date and time").fill("2000-01-01T00:00");
    await page.getByRole("button", { name: "Show" }).click();
    await expect.poll(() => page.getByTestId("quantity-at").textContent()).toMatch(/: 0$/);
  });

  test("the scan box opens an item by SKU + Enter", async () => {
    await page.goto(`${base}/app/`);
    await page.getByLabel("Scan or type a SKU").fill(sku.toLowerCase());
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "E2E widget", level: 1 }).waitFor();
  });

  test("runs a stocktake of two items at once", async () => {
    await page.goto(`${base}/app/stocktake`);
    // A scanner types the next SKU while the first is still being looked up (its answer
    // slowed down here), and sends it once that answer is in: neither scan is lost.
    const slow = async (route: Route) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await route.continue();
    };
    await page.route("**/graphql/", slow);
    const scan = page.getByLabel("Scan a SKU or search");
    await scan.fill(sku);
    await page.keyboard.press("Enter");
    await scan.fill(`${sku}-B`);
    await page.getByLabel("Counted for E2E widget").waitFor();
    await page.unroute("**/graphql/", slow);
    await page.keyboard.press("Enter");
    await page.getByLabel("Counted for E2E gadget").waitFor();
    await page.getByLabel("Counted for E2E widget").fill("8");
    await page.getByLabel("Counted for E2E gadget").fill("3");
    await axe(page, "stocktake");
    await shot(page, "stocktake");
    await page.getByRole("button", { name: "Save stocktake" }).click();
    await page.getByText("Stocktake saved: 1 corrected, 1 unchanged.").waitFor();
  });

  test("receives a delivery of many lines", async () => {
    await page.goto(`${base}/app/receiving`);
    for (const s of [sku, `${sku}-B`, `${sku}-B`]) {
      await page.getByLabel("Scan a SKU or search").fill(s);
      await page.keyboard.press("Enter");
      await page.waitForTimeout(150);
    }
    await expect.poll(() => page.getByLabel("Change for E2E gadget").inputValue()).toBe("2");
    await axe(page, "receiving");
    await page.getByRole("button", { name: "Save all lines" }).click();
    await page.getByText("Saved 2 lines.").waitFor();
  });

  test("imports: a failing line is shown and nothing applied; the fixed file imports", async () => {
    await page.goto(`${base}/app/import`);
    const bad = `name,category,price,sku,quantity\nImported A,E2E,1.50,${sku}-I1,4\nImported B,E2E,not-a-price,${sku}-I2,2\n`;
    await page.getByLabel("CSV file").setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
    await page.getByRole("button", { name: "Check file (dry run)" }).click();
    const errors = page.locator("table.errors tbody tr");
    await errors.first().waitFor();
    expect(await errors.first().textContent()).toMatch(/^3price/);
    expect(await page.getByRole("button", { name: "Import", exact: true }).isDisabled()).toBe(true);
    await axe(page, "import");
    await shot(page, "import-preview");
    const good = bad.replace("not-a-price", "2.25");
    await page.getByLabel("CSV file").setInputFiles({ name: "good.csv", mimeType: "text/csv", buffer: Buffer.from(good) });
    await page.getByRole("button", { name: "Check file (dry run)" }).click();
    await page.getByText("2 to create, 0 to update, 0 unchanged; no errors.").waitFor();
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await page.getByText("Imported: 2 created, 0 updated, 0 unchanged.").waitFor();
  });

  test("exports the current filter as CSV", async () => {
    await page.goto(`${base}/app/?q=${sku}`);
    await page.locator("table.items tbody tr").first().waitFor();
    await expect.poll(() => page.locator("table.items tbody tr").count()).toBe(4);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export CSV" }).click()]);
    const text = readFileSync((await download.path())!, "utf8");
    const lines = text.trim().split(/\r?\n/);
    expect(lines[0].toLowerCase()).toContain("sku");
    expect(lines).toHaveLength(5);
    expect(text).toContain(`${sku}-I2`);
  });

  test("filters, sorting and paging live in the URL (back and forward work)", async () => {
    await page.goto(`${base}/app/`);
    await page.getByLabel("Category").selectOption("E2E");
    await expect.poll(() => page.url()).toContain("category=E2E");
    await page.getByRole("button", { name: "Quantity" }).click();
    await expect.poll(() => page.url()).toContain("sort=quantity");
    await expect.poll(() => page.locator("table.items tbody tr").count()).toBe(4);
    const first = await page.locator("table.items tbody tr").first().textContent();
    await page.goBack();
    await expect.poll(() => page.url()).not.toContain("sort=");
    await page.goForward();
    await expect.poll(() => page.locator("table.items tbody tr").first().textContent()).toBe(first);
    await page.reload(); // a shared link: signed in again from the refresh token
    await expect.poll(() => page.locator("table.items tbody tr").first().textContent()).toBe(first);
  });

  test("movements: totals and a chart for a period", async () => {
    await page.goto(`${base}/app/movements?by=CATEGORY`);
    await page.locator("table.totals tbody tr").first().waitFor();
    await page.locator(".chart canvas").waitFor();
    await shot(page, "movements");
    expect(await page.locator("table.totals tbody").textContent()).toContain("E2E");
    await axe(page, "movements");
  });

  test("workers: create, deactivate, reactivate", async () => {
    await page.goto(`${base}/app/workers`);
    const name = `e2e_worker_${Date.now() % 100000}`;
    await page.getByLabel("Username").fill(name);
    await page.getByLabel("Email").fill(`${name}@example.com`);
    await page.getByLabel("Password").fill("a-long-pass-phrase-42");
    await page.getByRole("button", { name: "Create worker" }).click();
    const row = page.locator("tr", { hasText: name });
    await row.waitFor();
    await row.getByRole("button", { name: /Deactivate/ }).click();
    await expect.poll(() => row.textContent()).toContain("deactivated");
    await row.getByRole("button", { name: /Reactivate/ }).click();
    await expect.poll(() => row.textContent()).toContain("active");
    await axe(page, "workers");
    await shot(page, "workers");
  });

  test("phone-sized: the item page keeps large +/− targets", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${base}/app/?q=${sku}`);
    await page.getByRole("link", { name: "E2E widget" }).click();
    const box = await page.getByRole("button", { name: "One more" }).boundingBox();
    expect(box!.width).toBeGreaterThanOrEqual(44);
    expect(box!.height).toBeGreaterThanOrEqual(44);
    await axe(page, "item (phone)");
    await shot(page, "item-phone");
    await page.setViewportSize({ width: 1200, height: 900 });
  });

  test("signs out: the refresh token is gone and the app asks to sign in", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("button", { name: "Sign in" }).waitFor();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    await axe(page, "sign in");
    await shot(page, "sign-in");
    expect(problems).toEqual([]);
  });
});
