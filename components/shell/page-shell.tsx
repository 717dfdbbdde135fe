import type { ReactNode } from "react";
import { ActivityReporter } from "@/components/auth/activity-reporter";
import type { SessionUser } from "@/lib/auth/types";
import { AppHeader } from "./app-header";

/** A signed-in page that is not the console: header, content, and the activity reporter. */
export function PageShell({ user, current, children }: { user: SessionUser; current?: string; children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <AppHeader user={user} current={current} />
      <main className="flex-1 px-4 py-6 md:px-8">{children}</main>
      <ActivityReporter />
    </div>
  );
}
