// The cache as live events arrive: stockChanges results written through Graphcache.
import { Client, makeResult, type Exchange, type Operation, type OperationResult } from "@urql/core";
import { cacheExchange } from "@urql/exchange-graphcache";
import { describe, expect, it } from "vitest";
import { filter, makeSubject, merge, mergeMap, fromValue, pipe, share, type Subject } from "wonka";
import { cacheConfig } from "../src/api/cache";
import { ItemQuery, ItemsQuery, StockChangesSubscription } from "../src/operations";

const item = (id: string, quantity: number) => ({
  __typename: "InventoryItem",
  id,
  name: `Item ${id}`,
  sku: `SKU-${id}`,
  category: "C",
  quantity,
  price: "1.00",
  lowStockThreshold: 5,
  isLowStock: quantity < 5,
  lastUpdated: "2026-12-01T00:00:00Z",
});

const change = (id: string, itemId: string, oldQuantity: number, newQuantity: number, reason = "SOLD") => ({
  __typename: "ItemChange",
  id,
  itemName: `Item ${itemId}`,
  username: "w",
  oldQuantity,
  newQuantity,
  delta: newQuantity - oldQuantity,
  reason,
  note: "",
  timestamp: "2026-12-01T00:00:00Z",
  item: reason === "DELETED" ? null : { __typename: "InventoryItem", id: itemId, quantity: newQuantity, isLowStock: newQuantity < 5, lastUpdated: "2026-12-01T01:00:00Z" },
  reverts: null,
  revertedBy: null,
});

/** A fake API: answers queries from `data`, counts them, and streams `events` to subscriptions. */
function fakeApi(data: { items: ReturnType<typeof item>[]; changes: ReturnType<typeof change>[] }) {
  const events: Subject<object> = makeSubject();
  // A change's item is the item as it is now, as the real API answers it.
  const current = (c: ReturnType<typeof change>) => {
    const now = data.items.find((i) => i.id === c.item?.id);
    return now && c.item ? { ...c, item: { ...c.item, quantity: now.quantity, isLowStock: now.isLowStock } } : c;
  };
  const asked: string[] = [];
  const exchange: Exchange = () => (ops$) => {
    const shared = pipe(ops$, share);
    const queries = pipe(
      shared,
      filter((op: Operation) => op.kind === "query"),
      mergeMap((op: Operation) => {
        const name = op.query.definitions.find((d) => d.kind === "OperationDefinition")?.name?.value ?? "";
        asked.push(name);
        const body =
          name === "Items"
            ? { items: { __typename: "ItemPage", totalCount: data.items.length, pageInfo: { __typename: "OffsetPaginationInfo", offset: 0, limit: 20 }, results: data.items } }
            : { item: { ...data.items[0], description: "", dateAdded: "2026-12-01T00:00:00Z", owner: { __typename: "User", id: "o", username: "o" }, changes: data.changes.map(current) }, itemChanges: { __typename: "ItemChangePage", totalCount: data.changes.length } };
        return fromValue(makeResult(op, { data: body }) as OperationResult);
      }),
    );
    const subscriptions = pipe(
      shared,
      filter((op: Operation) => op.kind === "subscription"),
      mergeMap((op: Operation) => pipe(events.source, mergeMap((event) => fromValue(makeResult(op, { data: { stockChanges: event } }) as OperationResult)))),
    );
    return merge([queries, subscriptions]);
  };
  return { events, asked, exchange };
}

function setup(data: Parameters<typeof fakeApi>[0]) {
  const api = fakeApi(data);
  const client = new Client({ url: "/graphql/", exchanges: [cacheExchange(cacheConfig), api.exchange] });
  const latest: Record<string, unknown> = {};
  client.query(ItemsQuery, {}).subscribe((r) => (latest.items = r.data));
  client.query(ItemQuery, { id: "1" }).subscribe((r) => (latest.item = r.data));
  client.subscription(StockChangesSubscription, {}).subscribe(() => {});
  return { ...api, latest, client };
}

const tick = () => new Promise((r) => setTimeout(r, 20));

describe("cache updates from stockChanges", () => {
  it("a change updates the item's quantity in every list and page that shows it", async () => {
    const data = { items: [item("1", 10), item("2", 7)], changes: [change("100", "1", 0, 10, "INITIAL")] };
    const { events, latest } = setup(data);
    await tick();
    expect((latest.items as { items: { results: { quantity: number }[] } }).items.results[0].quantity).toBe(10);
    data.items[0] = item("1", 3); // what the server now answers too
    events.next(change("101", "1", 10, 3));
    await tick();
    const items = latest.items as { items: { results: { quantity: number; isLowStock: boolean }[] } };
    expect(items.items.results[0]).toMatchObject({ quantity: 3, isLowStock: true });
    expect((latest.item as { item: { quantity: number } }).item.quantity).toBe(3);
  });

  it("a change refetches the item's change log (so the new entry shows)", async () => {
    const data = { items: [item("1", 10)], changes: [change("100", "1", 0, 10, "INITIAL")] };
    const { events, asked, latest } = setup(data);
    await tick();
    const before = asked.filter((n) => n === "Item").length;
    data.changes = [change("101", "1", 10, 9), ...data.changes];
    events.next(change("101", "1", 10, 9));
    await tick();
    expect(asked.filter((n) => n === "Item").length).toBe(before + 1);
    expect((latest.item as { item: { changes: { id: string }[] } }).item.changes.map((c) => c.id)).toEqual(["101", "100"]);
  });

  it("a new item (INITIAL) refetches the lists; a plain change does not", async () => {
    const data = { items: [item("1", 10)], changes: [] };
    const { events, asked } = setup(data);
    await tick();
    const lists = () => asked.filter((n) => n === "Items").length;
    const before = lists();
    events.next(change("102", "1", 10, 8));
    await tick();
    expect(lists()).toBe(before);
    data.items = [item("3", 4), ...data.items];
    events.next(change("103", "3", 0, 4, "INITIAL"));
    await tick();
    expect(lists()).toBe(before + 1);
  });
});
