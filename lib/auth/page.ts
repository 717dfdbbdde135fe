/**
 * The guard every protected server page calls first: no session → /signin (coming back here
 * afterwards); a role too low → the page renders <Forbidden /> instead of its content. A page
 * render is user activity, so it pushes the idle deadline back.
 */
import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { recordAccessDenied } from "./access-denied";
import { metaFromHeaders } from "./origin";
import { authenticateHeaders } from "./request";
import { hasRole, type Role, type SessionUser } from "./types";

export type PageAccess =
  | { allowed: true; user: SessionUser }
  | { allowed: false; user: SessionUser; needed: Role };

export async function requirePageUser(role: Role, path: string): Promise<PageAccess> {
  const h = new Headers(await headers());
  const meta = metaFromHeaders(h);
  const user = await authenticateHeaders(h, meta, { touch: true });
  if (!user) redirect(`/signin?next=${encodeURIComponent(path)}`);
  if (!hasRole(user.role, role)) {
    await recordAccessDenied(user, role, { method: "GET", url: path }, meta);
    return { allowed: false, user, needed: role };
  }
  return { allowed: true, user };
}

/** The signed-in user, if any, without counting as activity (the sign-in page uses it). */
export async function currentPageUser(): Promise<SessionUser | null> {
  const h = new Headers(await headers());
  return authenticateHeaders(h, metaFromHeaders(h));
}
