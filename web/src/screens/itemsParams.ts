// The items table's state, read from and written to the URL's query string.
import type { ItemFilter, ItemOrder } from "../gql/graphql";

export const PAGE_SIZES = [20, 50, 100];
export const SORT_KEYS = ["name", "category", "quantity", "price", "dateAdded", "lastUpdated"] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface ItemsParams {
  q: string;
  category: string;
  low: boolean;
  sort: SortKey | null;
  desc: boolean;
  page: number;
  size: number;
}

export function readParams(search: string): ItemsParams {
  const p = new URLSearchParams(search);
  const rawSort = p.get("sort") ?? "";
  const key = rawSort.replace(/^-/, "") as SortKey;
  const size = Number(p.get("size"));
  const page = Number(p.get("page"));
  return {
    q: p.get("q") ?? "",
    category: p.get("category") ?? "",
    low: p.get("low") === "1",
    sort: SORT_KEYS.includes(key) ? key : null,
    desc: rawSort.startsWith("-"),
    page: Number.isInteger(page) && page > 0 ? page : 1,
    size: PAGE_SIZES.includes(size) ? size : 20,
  };
}

export function writeParams(params: ItemsParams): string {
  const p = new URLSearchParams();
  if (params.q) p.set("q", params.q);
  if (params.category) p.set("category", params.category);
  if (params.low) p.set("low", "1");
  if (params.sort) p.set("sort", `${params.desc ? "-" : ""}${params.sort}`);
  if (params.page > 1) p.set("page", String(params.page));
  if (params.size !== 20) p.set("size", String(params.size));
  const text = p.toString();
  return text ? `?${text}` : "";
}

export function toVariables(params: ItemsParams) {
  const filters: ItemFilter = {};
  if (params.q) filters.search = params.q;
  if (params.category) filters.category = { exact: params.category };
  if (params.low) filters.lowStock = true;
  const ordering: ItemOrder[] = params.sort ? [{ [params.sort]: params.desc ? "DESC" : "ASC" } as unknown as ItemOrder] : [];
  return {
    filters,
    ordering,
    pagination: { offset: (params.page - 1) * params.size, limit: params.size },
  };
}

/** The export URL for the same filter (API.md: category, search, lowStock=true). */
export function exportPath(params: ItemsParams): string {
  const p = new URLSearchParams();
  if (params.category) p.set("category", params.category);
  if (params.q) p.set("search", params.q);
  if (params.low) p.set("lowStock", "true");
  const text = p.toString();
  return `/export/items.csv${text ? `?${text}` : ""}`;
}
