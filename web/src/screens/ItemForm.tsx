import { useState, type FormEvent } from "react";
import { useMutation, useQuery } from "urql";
import { Link, useLocation } from "wouter";
import { fieldErrorsOf, messageOf } from "../errors";
import { Field, FormError } from "../components/Field";
import { CreateItemMutation, ItemQuery, UpdateItemMutation } from "../operations";
import { hasErrors, validateItem, type FieldErrors, type ItemValues } from "../validation";

const EMPTY: ItemValues = { name: "", sku: "", category: "", price: "", quantity: "0", lowStockThreshold: "5", description: "" };

function ItemFields({ values, errors, set, creating }: { values: ItemValues; errors: FieldErrors; set: (v: ItemValues) => void; creating: boolean }) {
  const bind = (field: keyof ItemValues) => ({
    name: field,
    value: values[field],
    errors: errors[field],
    onChange: (e: { target: { value: string } }) => set({ ...values, [field]: e.target.value }),
  });
  return (
    <>
      <Field label="Name" required {...bind("name")} />
      <Field label="SKU" {...bind("sku")} hint="Optional; unique among your items." />
      <Field label="Category" required {...bind("category")} />
      <Field label="Price" inputMode="decimal" required {...bind("price")} />
      <Field
        label={creating ? "Quantity" : "Quantity (logged as a count correction)"}
        inputMode="numeric"
        {...bind("quantity")}
      />
      <Field label="Reorder level" inputMode="numeric" {...bind("lowStockThreshold")} />
      <Field label="Description" multiline {...bind("description")} />
    </>
  );
}

function useItemSubmit(creating: boolean) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const check = (values: ItemValues) => {
    const found = validateItem(values, { creating });
    setErrors(found);
    setMessage(null);
    return !hasErrors(found);
  };
  const fail = (error: Parameters<typeof fieldErrorsOf>[0]) => {
    const fields = fieldErrorsOf(error);
    setErrors(fields);
    setMessage(hasErrors(fields) ? null : messageOf(error));
  };
  return { errors, message, check, fail };
}

export function ItemNew() {
  const [values, setValues] = useState(EMPTY);
  const [state, create] = useMutation(CreateItemMutation);
  const [, navigate] = useLocation();
  const form = useItemSubmit(true);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!form.check(values) || state.fetching) return;
    const result = await create({
      input: {
        name: values.name,
        sku: values.sku.trim() || null,
        category: values.category,
        price: values.price.trim(),
        quantity: Number(values.quantity),
        lowStockThreshold: Number(values.lowStockThreshold),
        description: values.description,
      },
    });
    if (result.error) form.fail(result.error);
    else navigate(`/items/${result.data!.createItem.id}`);
  }

  return (
    <section>
      <h1>New item</h1>
      <form className="card form" onSubmit={submit} noValidate>
        <ItemFields values={values} errors={form.errors} set={setValues} creating />
        <FormError message={form.message} />
        <button type="submit" className="primary" disabled={state.fetching}>
          Create item
        </button>{" "}
        <Link href="/">Cancel</Link>
      </form>
    </section>
  );
}

export function ItemEdit({ id }: { id: string }) {
  const [{ data }] = useQuery({ query: ItemQuery, variables: { id, changes: { limit: 1 } } });
  const item = data?.item;
  if (!data) return <p aria-busy="true">Loading…</p>;
  if (!item) return <h1>Item not found</h1>;
  return (
    <EditForm
      id={id}
      initial={{
        name: item.name,
        sku: item.sku ?? "",
        category: item.category,
        price: item.price,
        quantity: String(item.quantity),
        lowStockThreshold: String(item.lowStockThreshold),
        description: item.description,
      }}
    />
  );
}

function EditForm({ id, initial }: { id: string; initial: ItemValues }) {
  const [values, setValues] = useState(initial);
  const [state, update] = useMutation(UpdateItemMutation);
  const [, navigate] = useLocation();
  const form = useItemSubmit(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!form.check(values) || state.fetching) return;
    // Partial update: only what changed is sent.
    const input: Record<string, unknown> = {};
    if (values.name !== initial.name) input.name = values.name;
    if (values.sku !== initial.sku) input.sku = values.sku;
    if (values.category !== initial.category) input.category = values.category;
    if (values.price.trim() !== initial.price) input.price = values.price.trim();
    if (values.quantity !== initial.quantity) input.quantity = Number(values.quantity);
    if (values.lowStockThreshold !== initial.lowStockThreshold) input.lowStockThreshold = Number(values.lowStockThreshold);
    if (values.description !== initial.description) input.description = values.description;
    const result = await update({ id, input });
    if (result.error) form.fail(result.error);
    else navigate(`/items/${id}`);
  }

  return (
    <section>
      <h1>Edit {initial.name}</h1>
      <form className="card form" onSubmit={submit} noValidate>
        <ItemFields values={values} errors={form.errors} set={setValues} creating={false} />
        <FormError message={form.message} />
        <button type="submit" className="primary" disabled={state.fetching}>
          Save
        </button>{" "}
        <Link href={`/items/${id}`}>Cancel</Link>
      </form>
    </section>
  );
}
