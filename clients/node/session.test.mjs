// The documented session with Apollo Client 4, against the server in API_URL
// (e.g. http://127.0.0.1:8000/graphql/, demo data loaded). `node --test` runs it.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { gql } from "@apollo/client";
import { CombinedGraphQLErrors } from "@apollo/client/errors";
import { createInventoryClient, Session } from "./inventory.mjs";

const url = process.env.API_URL ?? "http://127.0.0.1:8000/graphql/";
const tokenSeconds = Number(process.env.ACCESS_TOKEN_SECONDS ?? 0); // the server's lifetime
const session = new Session(url);
const { client, wsClient } = createInventoryClient({ url, session });
const sku = `NODE-${Date.now()}`;
let itemId;

const CREATE = gql`
  mutation Create($input: CreateItemInput!) {
    createItem(input: $input) { id name quantity isLowStock }
  }
`;
const ADJUST = gql`
  mutation Adjust($input: AdjustStockInput!) {
    adjustStock(input: $input) { id oldQuantity newQuantity delta reason item { id quantity isLowStock } }
  }
`;
const ITEMS = gql`
  query Items($filters: ItemFilter, $ordering: [ItemOrder!], $pagination: OffsetPaginationInput) {
    items(filters: $filters, ordering: $ordering, pagination: $pagination) {
      totalCount pageInfo { offset limit } results { id name sku quantity price }
    }
  }
`;
const CHANGES = gql`
  subscription Changes($itemId: ID) {
    stockChanges(itemId: $itemId) { id itemName oldQuantity newQuantity delta reason username }
  }
`;

before(async () => {
  const user = await session.signIn("demo_owner", "demo-owner-pass-1");
  assert.equal(user.role, "OWNER");
});

after(async () => {
  await session.signOut();
  await wsClient.dispose();
  client.stop();
});

test("create an item, sell from it, and the cache follows by id", async () => {
  const created = await client.mutate({
    mutation: CREATE,
    variables: { input: { name: "Label printer", sku, price: "89.90", category: "Electronics", quantity: 4, lowStockThreshold: 2 } },
  });
  itemId = created.data.createItem.id;
  assert.equal(created.data.createItem.quantity, 4);

  const sold = await client.mutate({
    mutation: ADJUST,
    variables: { input: { itemId, delta: -3, reason: "SOLD", note: "order 1042", expectedQuantity: 4, idempotencyKey: `order-${sku}` } },
  });
  assert.deepEqual([sold.data.adjustStock.oldQuantity, sold.data.adjustStock.newQuantity], [4, 1]);
  // The item was normalized under its id: the cached item has the new quantity.
  const cached = client.cache.readFragment({
    id: client.cache.identify({ __typename: "InventoryItem", id: itemId }),
    fragment: gql`fragment Stock on InventoryItem { quantity isLowStock }`,
  });
  assert.deepEqual({ ...cached }, { __typename: "InventoryItem", quantity: 1, isLowStock: true });
});

test("list items with filters, ordering and a page", async () => {
  const { data } = await client.query({
    query: ITEMS,
    variables: { filters: { search: sku }, ordering: [{ quantity: "ASC" }, { name: "ASC" }], pagination: { offset: 0, limit: 10 } },
    fetchPolicy: "network-only",
  });
  assert.equal(data.items.totalCount, 1);
  assert.deepEqual(data.items.pageInfo, { __typename: "OffsetPaginationInfo", offset: 0, limit: 10 });
  assert.equal(data.items.results[0].id, itemId);
});

test("a subscription receives the change a mutation makes", async () => {
  const received = new Promise((resolve, reject) => {
    const subscription = client.subscribe({ query: CHANGES, variables: { itemId } }).subscribe({
      next: ({ data }) => {
        subscription.unsubscribe();
        resolve(data.stockChanges);
      },
      error: reject,
    });
  });
  await new Promise((resolve) => wsClient.on("connected", resolve));
  // The subscription is live once the server has processed it; until an event arrives,
  // receive another delivery every half second (at most 20).
  let event;
  for (let attempt = 0; attempt < 20 && !event; attempt += 1) {
    await client.mutate({ mutation: ADJUST, variables: { input: { itemId, delta: 5, reason: "RECEIVED" } } });
    event = await Promise.race([received, new Promise((resolve) => setTimeout(resolve, 500))]);
  }
  assert.ok(event, "no stockChanges event arrived");
  assert.deepEqual([event.delta, event.reason, event.username], [5, "RECEIVED", "demo_owner"]);
});

test("an expired access token is refreshed once and the operation sent again", { skip: !tokenSeconds && "ACCESS_TOKEN_SECONDS not set" }, async () => {
  const before = session.token;
  await new Promise((resolve) => setTimeout(resolve, (tokenSeconds + 1.5) * 1000));
  const { data } = await client.query({ query: gql`query Me { me { id username } }`, fetchPolicy: "network-only" });
  assert.equal(data.me.username, "demo_owner");
  assert.notEqual(session.token, before);
});

test("a validation error reaches the caller with its message and code", async () => {
  await assert.rejects(
    client.query({ query: gql`query Typo { items { totalCount resultz { id } } }`, fetchPolicy: "network-only" }),
    (error) => {
      assert.ok(CombinedGraphQLErrors.is(error), `${error.name}: ${error.message}`);
      assert.match(error.errors[0].message, /resultz/);
      assert.equal(error.errors[0].extensions.code, "BAD_USER_INPUT");
      return true;
    },
  );
});
