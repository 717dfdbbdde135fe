import { createHash } from "node:crypto";

/** A short, one-way reference for a session: enough to correlate (audit rows, revocations), useless as a credential. */
export function sessionRef(sessionId: string): string {
  return createHash("sha256").update(sessionId).digest("hex").slice(0, 12);
}
