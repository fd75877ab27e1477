// Stocktake (countStock) and receiving (adjustStockBatch): many lines, all or none.
import { useState, type FormEvent } from "react";
import { useClient, useMutation } from "urql";
import { fieldErrorsOf, messageOf } from "../errors";
import { Field, FormError } from "../components/Field";
import type { ItemFieldsFragment, StockChangeReason } from "../gql/graphql";
import { useFormKey } from "../idempotency";
import { AdjustStockBatchMutation, CountStockMutation, ItemsQuery } from "../operations";
import { wholeNumber, MAX_INT, type FieldErrors } from "../validation";
import { CHOOSABLE, REASON_LABELS } from "./reasons";

interface Line {
  item: ItemFieldsFragment;
  value: string;
}

type Mode = "count" | "receive";

export function BatchScreen({ mode }: { mode: Mode }) {
  const client = useClient();
  const [lines, setLines] = useState<Line[]>([]);
  const [lookup, setLookup] = useState("");
  const [found, setFound] = useState<ItemFieldsFragment[]>([]);
  const [note, setNote] = useState("");
  const [reason, setReason] = useState<StockChangeReason>("RECEIVED");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const formKey = useFormKey();
  const [countState, count] = useMutation(CountStockMutation);
  const [batchState, batch] = useMutation(AdjustStockBatchMutation);
  const busy = countState.fetching || batchState.fetching;
  const counting = mode === "count";
  const listName = counting ? "counts" : "lines";

  function addItem(item: ItemFieldsFragment) {
    setLines((current) => {
      const at = current.findIndex((l) => l.item.id === item.id);
      if (at >= 0) {
        // Scanning an item again counts one more of it.
        return current.map((l, i) => (i === at ? { ...l, value: String((wholeNumber(l.value, { min: -MAX_INT }) ?? 0) + 1) } : l));
      }
      return [...current, { item, value: "1" }];
    });
  }

  async function find(event: FormEvent) {
    event.preventDefault();
    const text = lookup.trim();
    if (!text) return;
    const result = await client.query(ItemsQuery, { filters: { search: text }, pagination: { limit: 10 } }, { requestPolicy: "network-only" }).toPromise();
    const items = result.data?.items.results ?? [];
    const exact = items.find((i) => i.sku?.toLowerCase() === text.toLowerCase());
    if (exact) {
      addItem(exact);
      // A scanner may have typed the next SKU while this one was looked up: keep it.
      setLookup((current) => (current.trim() === text ? "" : current));
      setFound([]);
    } else {
      setFound(items);
      setMessage(items.length ? null : `Nothing matches “${text}”.`);
    }
  }

  function validate(): FieldErrors {
    const out: FieldErrors = {};
    lines.forEach((line, i) => {
      const n = counting ? wholeNumber(line.value) : wholeNumber(line.value, { min: -MAX_INT });
      if (n === null) out[`${listName}.${i}.${counting ? "quantity" : "delta"}`] = ["A whole number."];
      else if (!counting && n === 0) out[`${listName}.${i}.delta`] = ["Cannot be 0."];
    });
    return out;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    setMessage(null);
    const problems = validate();
    setErrors(problems);
    if (Object.keys(problems).length || !lines.length || busy) return;
    let error;
    if (counting) {
      const input = { counts: lines.map((l) => ({ itemId: l.item.id, quantity: Number(l.value) })), note };
      const result = await count({ input: { ...input, idempotencyKey: formKey.for(input) } });
      error = result.error;
      if (result.data) setDone(`Stocktake saved: ${result.data.countStock.changes.length} corrected, ${result.data.countStock.unchanged} unchanged.`);
    } else {
      const input = { lines: lines.map((l) => ({ itemId: l.item.id, delta: Number(l.value) })), reason, note };
      const result = await batch({ input: { ...input, idempotencyKey: formKey.for(input) } });
      error = result.error;
      if (result.data) setDone(`Saved ${result.data.adjustStockBatch.length} lines.`);
    }
    if (error) {
      const fields = fieldErrorsOf(error);
      setErrors(fields);
      setMessage(messageOf(error));
      return;
    }
    formKey.reset();
    setLines([]);
    setNote("");
  }

  const lineError = (i: number) => errors[`${listName}.${i}.${counting ? "quantity" : "delta"}`] ?? errors[`${listName}.${i}.itemId`];

  return (
    <section>
      <h1>{counting ? "Stocktake" : "Receiving"}</h1>
      <p>
        {counting
          ? "Count the shelves: scan each item (again for every piece) or type the counted quantity. Every line is saved together."
          : "Book a delivery or a sales order of many lines at once: all lines apply, or none."}
      </p>
      <form className="scan" onSubmit={find} role="search" aria-label="Add an item">
        <label htmlFor="lookup">Scan a SKU or search</label>
        <input id="lookup" value={lookup} onChange={(e) => setLookup(e.target.value)} autoComplete="off" />
        <button type="submit">Add</button>
      </form>
      {found.length > 0 && (
        <ul className="found" aria-label="Matching items">
          {found.map((item) => (
            <li key={item.id}>
              <button
                type="button"
                onClick={() => {
                  addItem(item);
                  setFound([]);
                  setLookup("");
                }}
              >
                Add {item.name} {item.sku ? `(${item.sku})` : ""}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submit} className="card" aria-label={counting ? "Counts" : "Lines"}>
        <div className="table-wrap">
          <table className="lines">
            <thead>
              <tr>
                <th scope="col">Item</th>
                <th scope="col" className="num">
                  In stock
                </th>
                <th scope="col">{counting ? "Counted" : "Change (+ in, − out)"}</th>
                <th scope="col">
                  <span className="sr-only">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {lines.map((line, i) => (
                <tr key={line.item.id}>
                  <td>{line.item.name}</td>
                  <td className="num">{line.item.quantity}</td>
                  <td>
                    <Field
                      label={`${counting ? "Counted" : "Change"} for ${line.item.name}`}
                      inputMode="numeric"
                      value={line.value}
                      errors={lineError(i)}
                      onChange={(e) => setLines(lines.map((l, j) => (j === i ? { ...l, value: e.target.value } : l)))}
                    />
                  </td>
                  <td>
                    <button type="button" onClick={() => setLines(lines.filter((_, j) => j !== i))}>
                      Remove<span className="sr-only"> {line.item.name}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {!lines.length && <p className="muted">No lines yet.</p>}
        {!counting && (
          <div className="field">
            <label htmlFor="batch-reason">Reason</label>
            <select id="batch-reason" value={reason} onChange={(e) => setReason(e.target.value as StockChangeReason)}>
              {CHOOSABLE.filter((r) => r !== "COUNT_CORRECTION").map((r) => (
                <option key={r} value={r}>
                  {REASON_LABELS[r]}
                </option>
              ))}
            </select>
          </div>
        )}
        <Field label="Note" value={note} errors={errors.note} onChange={(e) => setNote(e.target.value)} />
        <FormError message={message} />
        {done && <p role="status">{done}</p>}
        <button type="submit" className="primary" disabled={busy || !lines.length}>
          {counting ? "Save stocktake" : "Save all lines"}
        </button>
      </form>
    </section>
  );
}
