import "server-only";
import { headers } from "next/headers";
import { authDb } from "./db";
import { SIGN_IN_FAILED, sessionEndedMessage } from "./messages";
import { authPolicy } from "./policy";
import { sessionEndReason } from "./sessions";
import { readSessionId } from "./token";

type Search = Record<string, string | string[] | undefined>;

/**
 * What the sign-in page says above the form: why the last session ended (read from the session
 * the browser still holds a cookie for), or that a sign-in failed (one message for every reason).
 */
export async function signInNotice(search: Search): Promise<{ notice: string | null; error: string | null }> {
  const error = typeof search.error === "string" ? SIGN_IN_FAILED : null;
  if (search.signedOut !== undefined) return { notice: sessionEndedMessage("signout", authPolicy()), error };
  const sessionId = await readSessionId(new Headers(await headers()));
  if (sessionId) {
    const reason = await sessionEndReason(await authDb(), sessionId);
    if (reason && reason !== "signout") return { notice: sessionEndedMessage(reason, authPolicy()), error };
  }
  if (search.reason !== undefined) return { notice: sessionEndedMessage("ended", authPolicy()), error };
  return { notice: null, error };
}
