"use server";
/** Server actions behind the sign-in form and the sign-out button. */
import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { OIDC_PROVIDER_ID, signIn, signOut } from "./auth";
import { authDb } from "./db";
import { SIGN_IN_FAILED, safeNextPath } from "./messages";
import { metaFromHeaders } from "./origin";
import { signOutSession } from "./sign-out";
import { checkSource, sourceKey } from "./source-throttle";
import { readSessionId } from "./token";

export interface SignInState {
  error: string | null;
}

export async function signInWithPasswordAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  const email = form.get("email");
  const password = form.get("password");
  if (typeof email !== "string" || typeof password !== "string" || email.trim() === "" || password === "") {
    return { error: "Enter your e-mail address and password." };
  }
  // A source that must wait is told how long; that says nothing about any account.
  const gate = await checkSource(await authDb(), sourceKey(metaFromHeaders(new Headers(await headers()))), new Date());
  if (!gate.allowed) return { error: `${SIGN_IN_FAILED} Wait ${gate.retryAfterSeconds} s before trying again.` };
  try {
    await signIn("credentials", { email, password, redirectTo: safeNextPath(form.get("next")) });
  } catch (err) {
    // A redirect (success) is thrown too and must pass through.
    if (err instanceof AuthError) return { error: SIGN_IN_FAILED };
    throw err;
  }
  return { error: null };
}

export async function signInWithOidcAction(form: FormData): Promise<void> {
  await signIn(OIDC_PROVIDER_ID, { redirectTo: safeNextPath(form.get("next")) });
}

export async function signOutAction(): Promise<void> {
  const h = new Headers(await headers());
  const sessionId = await readSessionId(h);
  if (sessionId) await signOutSession(await authDb(), sessionId, metaFromHeaders(h), new Date());
  await signOut({ redirectTo: "/signin?signedOut=1" });
}
