"use client";

import { useState } from "react";
import type { UserView } from "@/lib/auth/users";
import { ROLES, type Role } from "@/lib/auth/types";
import { RequestMessage } from "./request-message";
import { ResetPasswordForm } from "./reset-password-form";
import { buttonClass, fieldClass } from "./styles";
import { useAdminRequest } from "./use-admin-request";

/** The changes an admin can make to one account, each a single API call. */
export function UserActions({ user, isSelf }: { user: UserView; isSelf: boolean }) {
  const { send, busy, message } = useAdminRequest();
  const [resetting, setResetting] = useState(false);
  const base = `/api/admin/users/${user.id}`;
  const who = user.email;

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <label className="sr-only" htmlFor={`role-${user.id}`}>
          Role for {who}
        </label>
        <select
          id={`role-${user.id}`}
          value={user.role}
          disabled={busy}
          onChange={(e) => void send(base, "PATCH", { role: e.target.value as Role }, `${who} is now ${e.target.value}.`)}
          className={fieldClass}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={busy}
          className={buttonClass}
          aria-label={`${user.disabled ? "Enable" : "Disable"} ${who}`}
          onClick={() => {
            if (!user.disabled && isSelf && !window.confirm("Disable your own account? You will be signed out.")) return;
            void send(base, "PATCH", { disabled: !user.disabled }, `${who} ${user.disabled ? "enabled" : "disabled"}.`);
          }}
        >
          {user.disabled ? "Enable" : "Disable"}
        </button>
        {user.locked && (
          <button type="button" disabled={busy} className={buttonClass} aria-label={`Unlock ${who}`} onClick={() => void send(`${base}/unlock`, "POST", undefined, `${who} unlocked.`)}>
            Unlock
          </button>
        )}
        <button
          type="button"
          className={buttonClass}
          aria-expanded={resetting}
          aria-label={`Reset password for ${who}`}
          onClick={() => setResetting((v) => !v)}
        >
          Reset password
        </button>
      </div>
      {resetting && (
        <ResetPasswordForm
          email={who}
          busy={busy}
          onSubmit={async (password) => {
            const ok = await send(`${base}/password`, "POST", { password }, `New password set for ${who}; their sessions ended.`);
            if (ok) setResetting(false);
          }}
        />
      )}
      <RequestMessage message={message} />
    </div>
  );
}
