import { useId, type InputHTMLAttributes } from "react";

interface Props extends InputHTMLAttributes<HTMLInputElement | HTMLTextAreaElement> {
  label: string;
  errors?: string[];
  multiline?: boolean;
  hint?: string;
}

/** A labelled input with its errors (client checks or the API's fieldErrors) beside it. */
export function Field({ label, errors, multiline, hint, ...input }: Props) {
  const id = useId();
  const describedBy = [errors?.length ? `${id}-error` : "", hint ? `${id}-hint` : ""].filter(Boolean).join(" ");
  const common = { id, "aria-invalid": errors?.length ? true : undefined, "aria-describedby": describedBy || undefined };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...(input as InputHTMLAttributes<HTMLTextAreaElement>)} {...common} />
      ) : (
        <input {...(input as InputHTMLAttributes<HTMLInputElement>)} {...common} />
      )}
      {hint && (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      )}
      {errors?.length ? (
        <span id={`${id}-error`} className="error" role="alert">
          {errors.join(" ")}
        </span>
      ) : null}
    </div>
  );
}

export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p className="error form-error" role="alert">
      {message}
    </p>
  );
}
