import "server-only";
import type { ReactElement } from "react";
import { Forbidden } from "@/components/auth/forbidden";
import { requirePageUser } from "@/lib/auth/page";
import type { Role, SessionUser } from "@/lib/auth/types";
import { PageShell } from "./page-shell";

export type PageAccessResult = { user: SessionUser; denied: null } | { user: SessionUser; denied: ReactElement };

/**
 * How every protected page starts: no session → /signin; a role too low → `denied` is the page to
 * render instead (audited); otherwise the signed-in user.
 *   const { user, denied } = await pageAccess("supervisor", "/audit");
 *   if (denied) return denied;
 */
export async function pageAccess(role: Role, path: string): Promise<PageAccessResult> {
  const access = await requirePageUser(role, path);
  if (access.allowed) return { user: access.user, denied: null };
  return {
    user: access.user,
    denied: (
      <PageShell user={access.user}>
        <Forbidden needed={access.needed} />
      </PageShell>
    ),
  };
}
