"use client";

import { useRef, type FormEvent } from "react";
import { ROLES } from "@/lib/auth/types";
import { RequestMessage } from "./request-message";
import { buttonClass, fieldClass, primaryButtonClass } from "./styles";
import { useAdminRequest } from "./use-admin-request";

/** New staff account: e-mail, name, role and a first password (12+ characters) the admin hands over. */
export function CreateUserForm() {
  const form = useRef<HTMLFormElement>(null);
  const { send, busy, message } = useAdminRequest();

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const ok = await send(
      "/api/admin/users",
      "POST",
      { email: data.get("email"), name: data.get("name"), role: data.get("role"), password: data.get("password") },
      `Account ${String(data.get("email"))} created.`,
    );
    if (ok) form.current?.reset();
  };

  return (
    <form ref={form} onSubmit={submit} aria-labelledby="create-user-title" className="rounded-lg border border-line bg-raised/60 p-4">
      <h2 id="create-user-title" className="text-base font-semibold">
        Add an account
      </h2>
      <div className="mt-3 flex flex-wrap items-end gap-3">
        <label className="flex flex-col text-sm text-fg">
          E-mail
          <input name="email" type="email" required autoComplete="off" className={`${fieldClass} mt-1 w-64`} />
        </label>
        <label className="flex flex-col text-sm text-fg">
          Name
          <input name="name" required autoComplete="off" className={`${fieldClass} mt-1 w-52`} />
        </label>
        <label className="flex flex-col text-sm text-fg">
          Role
          <select name="role" defaultValue="telecommunicator" className={`${fieldClass} mt-1`}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm text-fg">
          First password (12+ characters)
          <input name="password" type="password" required minLength={12} autoComplete="new-password" className={`${fieldClass} mt-1 w-56`} />
        </label>
        <button type="submit" disabled={busy} className={primaryButtonClass}>
          {busy ? "Adding…" : "Add account"}
        </button>
        <button type="reset" className={buttonClass}>
          Clear
        </button>
      </div>
      <div className="mt-2 min-h-5">
        <RequestMessage message={message} />
      </div>
    </form>
  );
}
