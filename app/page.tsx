import { ActivityReporter } from "@/components/auth/activity-reporter";
import { Console } from "@/components/console/console";
import { AppHeader } from "@/components/shell/app-header";
import { pageAccess } from "@/components/shell/page-access";
import { getConfig } from "@/lib/config/env";
import { requestTheme } from "@/lib/server/theme";
import { ConsoleProviders } from "./console-providers";

export const dynamic = "force-dynamic";
export const metadata = { title: "Console · Dispatcher Map" };

/** The live console at `/`: a telecommunicator (or higher) only; everything live happens in the browser. */
export default async function ConsolePage() {
  const { user, denied } = await pageAccess("telecommunicator", "/");
  if (denied) return denied;
  const config = getConfig();
  const theme = await requestTheme();
  return (
    <div className="flex h-screen flex-col overflow-hidden">
      <AppHeader user={user} current="/" />
      <div className="min-h-0 flex-1">
        <ConsoleProviders>
          <Console displayConfidence={config.displayConfidence} mapStyleUrl={config.mapStyleUrl} initialTheme={theme} />
        </ConsoleProviders>
      </div>
      <ActivityReporter />
    </div>
  );
}
