import { stringifyDocument } from "@urql/core";
import { describe, expect, it } from "vitest";
import { ResumeTracker, type Resumable } from "../src/api/live";
import { StockChangesSubscription } from "../src/operations";

const live = (): Resumable => ({ query: stringifyDocument(StockChangesSubscription), operationName: "StockChanges", variables: {} });

describe("resuming stockChanges", () => {
  it("after a change, a reconnect asks for everything after the highest id seen", () => {
    const tracker = new ResumeTracker();
    const payload = live();
    expect(tracker.accept("7", payload)).toBe(true);
    expect(tracker.accept("12", payload)).toBe(true);
    expect(tracker.accept("9", payload)).toBe(true);
    expect(payload.operationName).toBe("StockChangesResume");
    expect(payload.query).toContain("afterId");
    expect(payload.variables).toEqual({ afterId: "12" });
  });

  it("drops a change delivered twice (replayed and live)", () => {
    const tracker = new ResumeTracker();
    expect(tracker.accept("5")).toBe(true);
    expect(tracker.accept("5")).toBe(false);
  });

  it("falls back to the live document when the server refuses a resume", () => {
    const tracker = new ResumeTracker();
    const original = live();
    const payload = { ...original };
    tracker.accept("3", payload);
    expect(tracker.refused(payload, original)).toBe(true);
    expect(payload).toEqual(original);
    tracker.accept("4", payload);
    expect(payload).toEqual(original); // no resume again on that server
    expect(tracker.refused(payload, original)).toBe(false);
  });
});
