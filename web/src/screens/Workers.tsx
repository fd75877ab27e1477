import { useState, type FormEvent } from "react";
import { useMutation, useQuery } from "urql";
import { fieldErrorsOf, messageOf } from "../errors";
import { Field, FormError } from "../components/Field";
import { CreateUserMutation, UpdateUserMutation, UsersQuery } from "../operations";
import type { FieldErrors } from "../validation";

export function WorkersScreen() {
  const [{ data, error }] = useQuery({ query: UsersQuery, variables: { pagination: { limit: 100 } } });
  const [toggling, update] = useMutation(UpdateUserMutation);
  return (
    <section>
      <h1>Workers</h1>
      {error && <p role="alert">{error.message}</p>}
      <FormError message={messageOf(toggling.error)} />
      <div className="table-wrap">
        <table>
          <caption>{data ? `${data.users.totalCount} workers` : "Loading…"}</caption>
          <thead>
            <tr>
              <th scope="col">Username</th>
              <th scope="col">Email</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data?.users.results.map((u) => (
              <tr key={u.id}>
                <td>{u.username}</td>
                <td>{u.email}</td>
                <td>{u.isActive ? "active" : "deactivated"}</td>
                <td>
                  <button type="button" disabled={toggling.fetching} onClick={() => update({ id: u.id, input: { isActive: !u.isActive } })}>
                    {u.isActive ? "Deactivate" : "Reactivate"}
                    <span className="sr-only"> {u.username}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <NewWorker />
    </section>
  );
}

function NewWorker() {
  const [values, setValues] = useState({ username: "", email: "", password: "" });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [state, create] = useMutation(CreateUserMutation);
  const [done, setDone] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    const result = await create({ input: { ...values, role: "WORKER" } });
    if (result.error) {
      setErrors(fieldErrorsOf(result.error));
      return;
    }
    setErrors({});
    setDone(`Created ${result.data!.createUser.username}.`);
    setValues({ username: "", email: "", password: "" });
  }

  const bind = (field: keyof typeof values) => ({
    value: values[field],
    errors: errors[field],
    onChange: (e: { target: { value: string } }) => setValues({ ...values, [field]: e.target.value }),
  });
  return (
    <form className="card form" onSubmit={submit} aria-labelledby="new-worker">
      <h2 id="new-worker">New worker</h2>
      <Field label="Username" autoComplete="off" required {...bind("username")} />
      <Field label="Email" type="email" required {...bind("email")} />
      <Field label="Password" type="password" autoComplete="new-password" required {...bind("password")} />
      <FormError message={Object.keys(fieldErrorsOf(state.error)).length ? null : messageOf(state.error)} />
      {done && <p role="status">{done}</p>}
      <button type="submit" className="primary" disabled={state.fetching}>
        Create worker
      </button>
    </form>
  );
}
