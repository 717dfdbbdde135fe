"use client";

import { signOutAction } from "@/lib/auth/actions";
import { markSigningOut } from "@/lib/browser/api-client";

/**
 * Sign out. From the moment the form is sent, a poll that comes back 401 (the session is already
 * gone on the server) must not send the page to "Your session has ended": the sign-in page this
 * form leads to says "You have signed out."
 */
export function SignOutButton() {
  return (
    <form action={signOutAction} onSubmit={markSigningOut}>
      <button
        type="submit"
        className="rounded border border-line px-3 py-1 text-fg hover:bg-sunken focus:outline-none focus:ring-2 focus:ring-focus"
      >
        Sign out
      </button>
    </form>
  );
}
