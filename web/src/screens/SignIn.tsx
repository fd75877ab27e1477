import { useState, type FormEvent } from "react";
import { AuthFailure } from "../api/auth";
import { signIn } from "../api/http";
import { endReason, session } from "../app";
import { Field, FormError } from "../components/Field";

const ENDED: Record<string, string> = {
  TOKEN_REVOKED: "Your session was ended. Please sign in again.",
  TOKEN_INVALID: "Your session is no longer valid. Please sign in again.",
  ACCOUNT_INACTIVE: "This account has been deactivated.",
  AUTH_REQUIRED: "Please sign in.",
  TOKEN_EXPIRED: "Your session expired. Please sign in again.",
};

export function SignIn() {
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ended = endReason();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      session.start(await signIn(username.trim(), password));
    } catch (e) {
      setError(e instanceof AuthFailure ? e.message : "The server could not be reached. Try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" className="page signin">
      <h1>Stockroom</h1>
      <p>Sign in with your shop account.</p>
      {ended && ENDED[ended] && <p role="status">{ENDED[ended]}</p>}
      <form onSubmit={submit} aria-label="Sign in">
        <Field label="Username" name="username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.target.value)} />
        <Field label="Password" name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        <FormError message={error} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </button>
      </form>
    </main>
  );
}
