import { useState, type FormEvent } from "react";
import { useMutation } from "urql";
import { messageOf } from "../errors";
import { FormError } from "../components/Field";
import type { ImportItemsMutation as Result } from "../gql/graphql";
import { ImportItemsMutation } from "../operations";

type Outcome = Result["importItems"];

export function ImportScreen() {
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Outcome | null>(null);
  const [applied, setApplied] = useState<Outcome | null>(null);
  const [state, run] = useMutation(ImportItemsMutation);

  async function go(dryRun: boolean) {
    if (!file) return;
    const result = await run({ input: { file, dryRun } });
    const outcome = result.data?.importItems ?? null;
    if (dryRun) setPreview(outcome);
    else {
      setApplied(outcome);
      if (outcome?.applied) setPreview(null);
      else setPreview(outcome);
    }
  }

  function check(event: FormEvent) {
    event.preventDefault();
    setApplied(null);
    void go(true);
  }

  const clean = preview && preview.errorCount === 0;
  return (
    <section>
      <h1>Import items</h1>
      <p>
        A CSV file with a header row: <code>name</code>, <code>category</code>, <code>price</code> (required), <code>sku</code>,{" "}
        <code>quantity</code>, <code>description</code>, <code>lowStockThreshold</code>. A row whose SKU you already have updates
        that item. Nothing is applied while any line has an error.
      </p>
      <form className="card" onSubmit={check}>
        <div className="field">
          <label htmlFor="csv">CSV file</label>
          <input
            id="csv"
            type="file"
            accept=".csv,text/csv,text/plain"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setPreview(null);
              setApplied(null);
            }}
          />
        </div>
        <button type="submit" disabled={!file || state.fetching}>
          Check file (dry run)
        </button>{" "}
        <button type="button" className="primary" disabled={!clean || state.fetching} onClick={() => void go(false)}>
          Import
        </button>
        <FormError message={messageOf(state.error)} />
      </form>
      {preview && <Summary outcome={preview} title={preview.dryRun ? "Preview" : "Not imported"} />}
      {applied?.applied && (
        <p role="status" className="success">
          Imported: {applied.created} created, {applied.updated} updated, {applied.unchanged} unchanged.
        </p>
      )}
    </section>
  );
}

function Summary({ outcome, title }: { outcome: Outcome; title: string }) {
  return (
    <div className="card" role="region" aria-label={title}>
      <h2>{title}</h2>
      <p role="status">
        {outcome.created} to create, {outcome.updated} to update, {outcome.unchanged} unchanged;{" "}
        {outcome.errorCount ? `${outcome.errorCount} error${outcome.errorCount === 1 ? "" : "s"} — fix the file and check again.` : "no errors."}
      </p>
      {outcome.errors.length > 0 && (
        <table className="errors">
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Column</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {outcome.errors.map((e, i) => (
              <tr key={i}>
                <td>{e.line}</td>
                <td>{e.field ?? "—"}</td>
                <td>{e.messages.join(" ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
