import { useState } from "react";

/**
 * One idempotency key per submitted form: the same content submitted again (a double
 * click, a retry after a network error) reuses its key, so the API applies it once;
 * other content, or a new form after a success, gets a new key.
 */
export class FormKey {
  private last: { content: string; key: string } | null = null;
  constructor(private make: () => string = () => crypto.randomUUID()) {}

  for(content: unknown): string {
    const text = JSON.stringify(content);
    if (!this.last || this.last.content !== text) this.last = { content: text, key: this.make() };
    return this.last.key;
  }

  reset() {
    this.last = null;
  }
}

export function useFormKey(): FormKey {
  const [key] = useState(() => new FormKey());
  return key;
}
