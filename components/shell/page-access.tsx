import "server-only";
import type { ReactElement } from "react";
import { Forbidden } from "@/components/auth/forbidden";
import { requirePageUser } from "@/lib/auth/page";
import type { Role, SessionUser } from "@/lib/auth/types";
import { getDb, type Db } from "@/lib/db/client";
import { PageShell } from "./page-shell";

export type PageAccessResult =
  | { user: SessionUser; db: Db; denied: null }
  | { user: SessionUser; db?: undefined; denied: ReactElement };

/**
 * How every protected page starts: no session → /signin; a role too low → `denied` is the page to
 * render instead (audited); otherwise the signed-in user and the database the page's services take.
 *   const { user, db, denied } = await pageAccess("supervisor", "/audit");
 *   if (denied) return denied;
 */
export async function pageAccess(role: Role, path: string): Promise<PageAccessResult> {
  const access = await requirePageUser(role, path);
  if (access.allowed) return { user: access.user, db: await getDb(), denied: null };
  return {
    user: access.user,
    denied: (
      <PageShell user={access.user}>
        <Forbidden needed={access.needed} />
      </PageShell>
    ),
  };
}
