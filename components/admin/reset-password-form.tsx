"use client";

import { useId, useState } from "react";
import { buttonClass, fieldClass } from "./styles";

export function ResetPasswordForm({
  email,
  busy,
  onSubmit,
}: {
  email: string;
  busy: boolean;
  onSubmit: (password: string) => Promise<void>;
}) {
  const id = useId();
  const [password, setPassword] = useState("");
  return (
    <form
      className="flex flex-wrap items-center gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit(password).then(() => setPassword(""));
      }}
    >
      <label htmlFor={id} className="text-sm text-fg">
        New password for {email}
      </label>
      <input
        id={id}
        type="password"
        required
        minLength={12}
        autoComplete="new-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        className={fieldClass}
      />
      <button type="submit" disabled={busy} className={buttonClass}>
        Set password
      </button>
    </form>
  );
}
