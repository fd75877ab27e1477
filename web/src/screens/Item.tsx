import { useState, type FormEvent } from "react";
import { useClient, useMutation, useQuery } from "urql";
import { Link, useLocation, useSearch } from "wouter";
import { fieldErrorsOf, messageOf } from "../errors";
import { useFormKey } from "../idempotency";
import { useApp } from "../app";
import { dateTime } from "../format";
import { Field, FormError } from "../components/Field";
import type { ChangeFieldsFragment, StockChangeReason } from "../gql/graphql";
import { AdjustStockMutation, DeleteItemMutation, ItemQuery, QuantityAtQuery, RevertChangeMutation } from "../operations";
import { hasErrors, validateAdjust, type FieldErrors } from "../validation";
import { CHOOSABLE, NOT_REVERTIBLE, REASON_LABELS } from "./reasons";

const LOG_PAGE = 10;

export function ItemScreen({ id }: { id: string }) {
  const search = useSearch();
  const [, navigate] = useLocation();
  const page = Math.max(1, Number(new URLSearchParams(search).get("log")) || 1);
  const [{ data, error, fetching }] = useQuery({
    query: ItemQuery,
    variables: { id, changes: { offset: (page - 1) * LOG_PAGE, limit: LOG_PAGE } },
  });
  const { isOwner } = useApp();
  const [deleting, deleteItem] = useMutation(DeleteItemMutation);
  const item = data?.item;
  if (error && !data) return <p role="alert">{error.message}</p>;
  if (!item) {
    return fetching || !data ? (
      <p aria-busy="true">Loading…</p>
    ) : (
      <section>
        <h1>Item not found</h1>
        <p>
          It does not exist or is not yours. <Link href="/">Back to items</Link>
        </p>
      </section>
    );
  }
  const totalChanges = data.itemChanges.totalCount;
  const pages = Math.max(1, Math.ceil(totalChanges / LOG_PAGE));

  async function remove() {
    if (!window.confirm(`Delete ${item!.name}? Its change log is kept.`)) return;
    const result = await deleteItem({ id });
    if (!result.error) navigate("/");
  }

  return (
    <section>
      <div className="heading-row">
        <h1>{item.name}</h1>
        {isOwner && (
          <span className="actions">
            <Link href={`/items/${id}/edit`} className="button">
              Edit
            </Link>
            <button type="button" className="danger" onClick={remove} disabled={deleting.fetching}>
              Delete
            </button>
          </span>
        )}
      </div>
      <FormError message={messageOf(deleting.error)} />
      <dl className="facts">
        <dt>Quantity</dt>
        <dd className="big" data-testid="item-quantity">
          {item.quantity}
          {item.isLowStock && <span className="badge">low stock</span>}
        </dd>
        <dt>SKU</dt>
        <dd>{item.sku ?? "—"}</dd>
        <dt>Category</dt>
        <dd>{item.category}</dd>
        <dt>Price</dt>
        <dd>{item.price}</dd>
        <dt>Reorder level</dt>
        <dd>{item.lowStockThreshold}</dd>
        <dt>Description</dt>
        <dd>{item.description || "—"}</dd>
        <dt>Owner</dt>
        <dd>{item.owner.username}</dd>
      </dl>
      <AdjustForm itemId={id} quantity={item.quantity} />
      <QuantityAt itemId={id} />
      <h2>Change log</h2>
      <ChangeLog changes={item.changes} />
      <nav className="pager" aria-label="Change log pages">
        <button type="button" disabled={page <= 1} onClick={() => navigate(`/items/${id}${page > 2 ? `?log=${page - 1}` : ""}`)}>
          Newer
        </button>
        <span>
          Page {page} of {pages}
        </span>
        <button type="button" disabled={page >= pages} onClick={() => navigate(`/items/${id}?log=${page + 1}`)}>
          Older
        </button>
      </nav>
    </section>
  );
}

function AdjustForm({ itemId, quantity }: { itemId: string; quantity: number }) {
  const [delta, setDelta] = useState("1");
  const [reason, setReason] = useState<StockChangeReason>("RECEIVED");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const formKey = useFormKey();
  const [state, adjust] = useMutation(AdjustStockMutation);
  const [done, setDone] = useState<string | null>(null);

  const step = (by: number) => {
    const next = (Number(delta) || 0) + by;
    setDelta(String(next));
    setReason(next < 0 ? "SOLD" : reason === "SOLD" ? "RECEIVED" : reason);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = validateAdjust(delta, note);
    setErrors(found);
    setDone(null);
    if (hasErrors(found) || state.fetching) return;
    // The key belongs to this form's content: a double submit or a retry applies once.
    const input = { itemId, delta: Number(delta), reason, note };
    const result = await adjust({ input: { ...input, idempotencyKey: formKey.for(input) } });
    if (result.error) {
      setErrors(fieldErrorsOf(result.error));
      return;
    }
    setDone(`Recorded: ${result.data!.adjustStock.oldQuantity} → ${result.data!.adjustStock.newQuantity}.`);
    setDelta("1");
    setNote("");
    formKey.reset();
  }

  return (
    <form className="card adjust" onSubmit={submit} aria-labelledby="adjust-title">
      <h2 id="adjust-title">Adjust stock</h2>
      <div className="stepper">
        <button type="button" className="step" aria-label="One less" onClick={() => step(-1)}>
          −
        </button>
        <Field
          label="Change by"
          name="delta"
          inputMode="numeric"
          value={delta}
          errors={errors.delta}
          onChange={(e) => setDelta(e.target.value)}
          hint={`Now ${quantity}; after: ${quantity + (Number(delta) || 0)}`}
        />
        <button type="button" className="step" aria-label="One more" onClick={() => step(1)}>
          +
        </button>
      </div>
      <div className="field">
        <label htmlFor="reason">Reason</label>
        <select id="reason" value={reason} onChange={(e) => setReason(e.target.value as StockChangeReason)}>
          {CHOOSABLE.map((r) => (
            <option key={r} value={r}>
              {REASON_LABELS[r]}
            </option>
          ))}
        </select>
        {errors.reason && <span className="error">{errors.reason.join(" ")}</span>}
      </div>
      <Field label="Note" name="note" value={note} errors={errors.note} onChange={(e) => setNote(e.target.value)} />
      <FormError message={hasErrors(fieldErrorsOf(state.error)) ? null : messageOf(state.error)} />
      {done && <p role="status">{done}</p>}
      <button type="submit" className="primary" disabled={state.fetching}>
        Save adjustment
      </button>
    </form>
  );
}

function ChangeLog({ changes }: { changes: ChangeFieldsFragment[] }) {
  const [state, revert] = useMutation(RevertChangeMutation);
  const [failed, setFailed] = useState<string | null>(null);
  async function undo(change: ChangeFieldsFragment) {
    setFailed(null);
    const result = await revert({ id: change.id, note: `revert #${change.id}` });
    if (result.error) setFailed(messageOf(result.error));
  }
  return (
    <>
      <FormError message={failed} />
      <div className="table-wrap">
        <table className="log">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Reason</th>
              <th scope="col" className="num">
                Change
              </th>
              <th scope="col" className="num">
                Quantity
              </th>
              <th scope="col">Note</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {changes.map((c) => (
              <tr key={c.id} data-change-id={c.id}>
                <td>{dateTime(c.timestamp)}</td>
                <td>{c.username}</td>
                <td>{REASON_LABELS[c.reason]}</td>
                <td className="num">{c.delta > 0 ? `+${c.delta}` : c.delta}</td>
                <td className="num">
                  {c.oldQuantity} → {c.newQuantity}
                </td>
                <td>{c.note}</td>
                <td>
                  {c.revertedBy ? (
                    <span className="muted">reverted</span>
                  ) : NOT_REVERTIBLE.includes(c.reason) ? null : (
                    <button type="button" onClick={() => undo(c)} disabled={state.fetching}>
                      Revert<span className="sr-only"> change {c.id}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function QuantityAt({ itemId }: { itemId: string }) {
  const client = useClient();
  const [when, setWhen] = useState("");
  const [answer, setAnswer] = useState<string | null>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!when) return;
    const at = new Date(when).toISOString();
    const result = await client.query(QuantityAtQuery, { id: itemId, at }, { requestPolicy: "network-only" }).toPromise();
    setAnswer(result.error ? messageOf(result.error) : `On ${dateTime(at)}: ${result.data?.item?.quantityAt}`);
  }
  return (
    <form className="card inline" onSubmit={submit} aria-labelledby="at-title">
      <h2 id="at-title">Quantity on a date</h2>
      <Field label="Date and time" type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} required />
      <button type="submit">Show</button>
      {answer && (
        <p role="status" data-testid="quantity-at">
          {answer}
        </p>
      )}
    </form>
  );
}
