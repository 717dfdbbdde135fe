"use client";

import { useActionState } from "react";
import { signInWithPasswordAction, type SignInState } from "@/lib/auth/actions";

const inputClass =
  "mt-1 block w-full rounded-md border border-line bg-raised px-3 py-2 text-fg " +
  "placeholder:text-muted focus:border-focus focus:outline-none focus:ring-2 focus:ring-focus/40";

export function SignInForm({ next, initialError }: { next: string; initialError: string | null }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInWithPasswordAction, {
    error: initialError,
  });
  return (
    <form action={action} className="space-y-4" aria-describedby={state.error ? "signin-error" : undefined}>
      <input type="hidden" name="next" value={next} />
      {state.error && (
        <p id="signin-error" role="alert" className="rounded-md border border-danger bg-danger-bg px-3 py-2 text-sm text-fg">
          {state.error}
        </p>
      )}
      <div>
        <label htmlFor="email" className="block text-sm font-medium text-fg">
          E-mail
        </label>
        <input id="email" name="email" type="email" autoComplete="username" required autoFocus className={inputClass} />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium text-fg">
          Password
        </label>
        <input id="password" name="password" type="password" autoComplete="current-password" required className={inputClass} />
      </div>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-accent px-4 py-2 font-semibold text-accent-fg hover:opacity-90 focus:outline-none focus:ring-2 focus:ring-focus disabled:opacity-60"
      >
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
