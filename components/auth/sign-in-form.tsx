"use client";

import { useActionState } from "react";
import { signInWithPasswordAction, type SignInState } from "@/lib/auth/actions";

const inputClass =
  "mt-1 block w-full rounded-md border border-slate-600 bg-slate-900 px-3 py-2 text-slate-100 " +
  "placeholder:text-slate-500 focus:border-sky-400 focus:outline-none focus:ring-2 focus:ring-sky-400/40";

export function SignInForm({ next, initialError }: { next: string; initialError: string | null }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInWithPasswordAction, {
    error: initialError,
  });
  return (
    <form action={action} className="space-y-4" aria-describedby={state.error ? "signin-error" : undefined}>
      <input type="hidden" name="next" value={next} />
      {state.error && (
        <p id="signin-error" role="alert" className="rounded-md border border-red-700 bg-red-950/60 px-3 py-2 text-sm text-red-100">
          {state.error}
        </p>
      )}
      <div>
        <label htmlFor="email" className="block text-sm font-medium text-slate-200">
          E-mail
        </label>
        <input id="email" name="email" type="email" autoComplete="username" required autoFocus className={inputClass} />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium text-slate-200">
          Password
        </label>
        <input id="password" name="password" type="password" autoComplete="current-password" required className={inputClass} />
      </div>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-sky-600 px-4 py-2 font-semibold text-white hover:bg-sky-500 focus:outline-none focus:ring-2 focus:ring-sky-300 disabled:opacity-60"
      >
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
