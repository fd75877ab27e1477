// Client-side checks mirroring API.md's validation rules, so most mistakes are named
// before a round trip; the server's fieldErrors are shown the same way.
export type FieldErrors = Record<string, string[]>;

export const MAX_INT = 2_147_483_647;
const PRICE = /^\d{1,10}(\.\d{1,2})?$/;

export interface ItemValues {
  name: string;
  sku: string;
  category: string;
  price: string;
  quantity: string;
  lowStockThreshold: string;
  description: string;
}

function add(errors: FieldErrors, field: string, message: string) {
  (errors[field] ??= []).push(message);
}

export function wholeNumber(text: string, { min = 0, max = MAX_INT } = {}): number | null {
  const trimmed = text.trim();
  if (!/^-?\d+$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return Number.isSafeInteger(n) && n >= min && n <= max ? n : null;
}

export function validateItem(values: ItemValues, { creating }: { creating: boolean }): FieldErrors {
  const errors: FieldErrors = {};
  const name = values.name.trim();
  if (!name) add(errors, "name", "Enter a name.");
  else if (name.length > 200) add(errors, "name", "At most 200 characters.");
  const category = values.category.trim();
  if (!category) add(errors, "category", "Enter a category.");
  else if (category.length > 100) add(errors, "category", "At most 100 characters.");
  if (values.description.length > 5000) add(errors, "description", "At most 5,000 characters.");
  const price = values.price.trim();
  if (!PRICE.test(price)) add(errors, "price", "A price like 12.50: at most 2 decimal places.");
  else if (Number(price) > 9_999_999_999.99) add(errors, "price", "At most 9,999,999,999.99.");
  if (creating || values.quantity.trim() !== "") {
    if (wholeNumber(values.quantity) === null) add(errors, "quantity", "A whole number from 0 to 2,147,483,647.");
  }
  if (wholeNumber(values.lowStockThreshold) === null)
    add(errors, "lowStockThreshold", "A whole number from 0 to 2,147,483,647.");
  if (Object.values(values).join("").includes("\0")) add(errors, "name", "Text may not hold NUL characters.");
  return errors;
}

export function validateAdjust(delta: string, note: string): FieldErrors {
  const errors: FieldErrors = {};
  const n = wholeNumber(delta, { min: -MAX_INT, max: MAX_INT });
  if (n === null) add(errors, "delta", "A whole number, positive to add, negative to take away.");
  else if (n === 0) add(errors, "delta", "The change cannot be 0.");
  if (note.length > 5000) add(errors, "note", "At most 5,000 characters.");
  return errors;
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0;
}
