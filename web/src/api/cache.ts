// Graphcache: how mutations and live events change what is already on screen.
import type { Cache, CacheExchangeOpts } from "@urql/exchange-graphcache";

type Entity = { __typename: string; id: string };

/** Invalidates every cached variant (all arguments) of one field of an entity or of Query. */
export function invalidateField(cache: Cache, entity: Entity | "Query", fieldName: string) {
  for (const field of cache.inspectFields(entity)) {
    if (field.fieldName === fieldName) cache.invalidate(entity, field.fieldName, field.arguments ?? undefined);
  }
}

interface ChangeLike {
  reason?: string | null;
  item?: { __typename?: string; id: string } | null;
}

/** A change of an item (from a mutation or stockChanges): refetch what it makes stale. */
export function applyChange(cache: Cache, change: ChangeLike | null | undefined) {
  if (!change) return;
  const item = change.item ? { __typename: "InventoryItem", id: change.item.id } : null;
  if (item) {
    invalidateField(cache, item, "changes");
    invalidateField(cache, item, "quantityAt");
  }
  invalidateField(cache, "Query", "itemChanges");
  invalidateField(cache, "Query", "stockMovements");
  invalidateField(cache, "Query", "categories");
  // Creation and deletion change which rows a list holds; other changes only their values,
  // which normalisation has already written into the item's entity. A low-stock filter
  // may gain or lose rows on any change.
  if (change.reason === "INITIAL" || change.reason === "DELETED" || !item) {
    invalidateField(cache, "Query", "items");
  } else {
    for (const field of cache.inspectFields("Query")) {
      const filters = (field.arguments as { filters?: { lowStock?: unknown } } | null)?.filters;
      if (field.fieldName === "items" && filters?.lowStock !== undefined) {
        cache.invalidate("Query", "items", field.arguments ?? undefined);
      }
    }
  }
  if (change.reason === "DELETED" && item) cache.invalidate(item);
}

type Result = Record<string, unknown>;

export const cacheConfig: CacheExchangeOpts = {
  keys: {
    CategorySummary: (data) => String(data.name),
    ItemPage: () => null,
    ItemChangePage: () => null,
    UserPage: () => null,
    MovementPage: () => null,
    Movement: () => null,
    ReasonTotal: () => null,
    OffsetPaginationInfo: () => null,
    TokenPayload: () => null,
    VerifyPayload: () => null,
    RevokePayload: () => null,
    DeletePayload: () => null,
    CountResult: () => null,
    ImportResult: () => null,
    ImportRowError: () => null,
  },
  updates: {
    Mutation: {
      createItem: (_result, _args, cache) => {
        invalidateField(cache, "Query", "items");
        invalidateField(cache, "Query", "categories");
      },
      updateItem: (result, _args, cache) => applyChange(cache, { reason: "COUNT_CORRECTION", item: (result as Result).updateItem as Entity }),
      deleteItem: (result, _args, cache) => {
        const id = ((result as Result).deleteItem as { deletedId?: string } | null)?.deletedId;
        if (id) applyChange(cache, { reason: "DELETED", item: { id } });
      },
      adjustStock: (result, _args, cache) => applyChange(cache, (result as Result).adjustStock as ChangeLike),
      revertChange: (result, _args, cache) => applyChange(cache, (result as Result).revertChange as ChangeLike),
      adjustStockBatch: (result, _args, cache) =>
        ((result as Result).adjustStockBatch as ChangeLike[] | null)?.forEach((c) => applyChange(cache, c)),
      countStock: (result, _args, cache) =>
        ((result as Result).countStock as { changes: ChangeLike[] } | null)?.changes.forEach((c) => applyChange(cache, c)),
      importItems: (result, _args, cache) => {
        if (((result as Result).importItems as { applied?: boolean } | null)?.applied) {
          invalidateField(cache, "Query", "items");
          invalidateField(cache, "Query", "categories");
        }
      },
      createUser: (_result, _args, cache) => invalidateField(cache, "Query", "users"),
    },
    Subscription: {
      stockChanges: (result, _args, cache) => applyChange(cache, (result as Result).stockChanges as ChangeLike),
    },
  },
};
