import type { StockChangeReason } from "../gql/graphql";

export const REASON_LABELS: Record<StockChangeReason, string> = {
  INITIAL: "Initial",
  RECEIVED: "Received",
  SOLD: "Sold",
  RETURNED: "Returned",
  DAMAGED: "Damaged",
  COUNT_CORRECTION: "Count correction",
  DELETED: "Deleted",
  REVERSAL: "Reversal",
  OTHER: "Other",
};

/** Reasons a person may choose (INITIAL, DELETED and REVERSAL are the API's own). */
export const CHOOSABLE: StockChangeReason[] = ["RECEIVED", "SOLD", "RETURNED", "DAMAGED", "COUNT_CORRECTION", "OTHER"];
export const NOT_REVERTIBLE: StockChangeReason[] = ["INITIAL", "DELETED", "REVERSAL"];
