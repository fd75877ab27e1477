import type { CombinedError } from "@urql/core";
import type { FieldErrors } from "./validation";

/** `extensions.fieldErrors` of the first error that has them (keys: camelCase input fields). */
export function fieldErrorsOf(error: CombinedError | undefined): FieldErrors {
  for (const e of error?.graphQLErrors ?? []) {
    const fields = e.extensions?.fieldErrors as FieldErrors | undefined;
    if (fields) return fields;
  }
  return {};
}

/** The API's own message, or a plain word on the network. */
export function messageOf(error: CombinedError | undefined): string | null {
  if (!error) return null;
  if (error.graphQLErrors.length) return error.graphQLErrors.map((e) => e.message).join(" ");
  return "The server could not be reached. Try again.";
}

