import { describe, expect, it } from "vitest";
import { FormKey } from "../src/idempotency";
import { exportPath, readParams, toVariables, writeParams } from "../src/screens/itemsParams";
import { validateAdjust, validateItem, type ItemValues } from "../src/validation";

const good: ItemValues = { name: "Mouse", sku: "", category: "Electronics", price: "12.50", quantity: "3", lowStockThreshold: "5", description: "" };

describe("item form validation", () => {
  it("accepts a valid item", () => {
    expect(validateItem(good, { creating: true })).toEqual({});
  });
  it.each([
    ["1.235", "price"],
    ["-1", "price"],
    ["abc", "price"],
    ["NaN", "price"],
    ["10000000000.00", "price"],
  ])("refuses the price %s", (price, field) => {
    expect(Object.keys(validateItem({ ...good, price }, { creating: true }))).toEqual([field]);
  });
  it("accepts prices with 0–2 places", () => {
    for (const price of ["0", "1.5", "9999999999.99"]) expect(validateItem({ ...good, price }, { creating: true })).toEqual({});
  });
  it("names the fields that are wrong", () => {
    const errors = validateItem({ ...good, name: "  ", category: "x".repeat(101), quantity: "2147483648", lowStockThreshold: "1.5" }, { creating: true });
    expect(Object.keys(errors).sort()).toEqual(["category", "lowStockThreshold", "name", "quantity"]);
  });
  it("an edit may leave the quantity out", () => {
    expect(validateItem({ ...good, quantity: "" }, { creating: false })).toEqual({});
    expect(validateItem({ ...good, quantity: "" }, { creating: true })).toHaveProperty("quantity");
  });
  it("an adjustment is a whole number other than 0", () => {
    expect(validateAdjust("0", "")).toHaveProperty("delta");
    expect(validateAdjust("1.5", "")).toHaveProperty("delta");
    expect(validateAdjust("-3", "")).toEqual({});
  });
});

describe("idempotency key per submitted form", () => {
  it("the same content keeps its key; other content or a new form gets a new one", () => {
    let n = 0;
    const key = new FormKey(() => `k${++n}`);
    const a = key.for({ delta: 1 });
    expect(key.for({ delta: 1 })).toBe(a);
    expect(key.for({ delta: 2 })).not.toBe(a);
    key.reset();
    expect(key.for({ delta: 2 })).toBe("k3");
  });
});

describe("the items table's URL", () => {
  it("round-trips filters, sorting and paging", () => {
    const search = "?q=cable&category=Office&low=1&sort=-price&page=3&size=50";
    expect(writeParams(readParams(search))).toBe(search);
    expect(toVariables(readParams(search))).toEqual({
      filters: { search: "cable", category: { exact: "Office" }, lowStock: true },
      ordering: [{ price: "DESC" }],
      pagination: { offset: 100, limit: 50 },
    });
    expect(exportPath(readParams(search))).toBe("/export/items.csv?category=Office&search=cable&lowStock=true");
  });
  it("ignores what it does not know", () => {
    expect(readParams("?sort=password&page=-2&size=7")).toMatchObject({ sort: null, page: 1, size: 20 });
  });
});
