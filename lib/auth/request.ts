import type { RequestMeta } from "@/lib/server/http";
import type { SessionUser } from "./types";

/**
 * Who is behind this request, or null. Placeholder until accounts land: nobody is signed in,
 * so every protected route answers 401.
 */
export async function authenticateRequest(
  _req: Request,
  _meta: RequestMeta,
): Promise<SessionUser | null> {
  return null;
}
