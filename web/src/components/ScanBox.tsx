import { useState, type FormEvent } from "react";
import { useClient } from "urql";
import { useLocation } from "wouter";
import { ItemsQuery } from "../operations";

/** Typing or a USB barcode scanner (keys + Enter): opens the item with that SKU. */
export function ScanBox() {
  const client = useClient();
  const [, navigate] = useLocation();
  const [sku, setSku] = useState("");
  const [message, setMessage] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const wanted = sku.trim();
    if (!wanted) return;
    const result = await client
      .query(ItemsQuery, { filters: { search: wanted }, pagination: { limit: 100 } }, { requestPolicy: "network-only" })
      .toPromise();
    const hit = result.data?.items.results.find((item) => item.sku?.toLowerCase() === wanted.toLowerCase());
    if (hit) {
      setSku("");
      setMessage(null);
      navigate(`/items/${hit.id}`);
    } else {
      setMessage(result.error ? result.error.message : `No item has the SKU “${wanted}”.`);
    }
  }

  return (
    <form className="scan" onSubmit={submit} role="search" aria-label="Scan a SKU">
      <label htmlFor="scan">Scan or type a SKU</label>
      <input id="scan" value={sku} onChange={(e) => setSku(e.target.value)} autoComplete="off" inputMode="text" />
      <button type="submit">Open</button>
      {message && (
        <span role="alert" className="error">
          {message}
        </span>
      )}
    </form>
  );
}
