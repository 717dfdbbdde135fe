import { SettingList, SettingsCard } from "@/components/settings/setting-list";
import { AuditStorage } from "@/components/settings/audit-storage";
import { UpstreamStatus } from "@/components/settings/upstream-status";
import { auditTableSize, listAuditArchives } from "@/lib/audit/retention";
import { PageShell } from "@/components/shell/page-shell";
import { settingsView } from "@/lib/admin/settings";
import { pageAccess } from "@/components/shell/page-access";
import { getConfig } from "@/lib/config/env";
import { upstreamHealth } from "@/lib/upstream/health";

export const dynamic = "force-dynamic";
export const metadata = { title: "Settings · Dispatcher Map" };

/** `/admin/settings`: what the app is connected to and how it is configured. Read-only; admins only. */
export default async function SettingsPage() {
  const { user, db, denied } = await pageAccess("admin", "/admin/settings");
  if (denied) return denied;
  const config = getConfig();
  const auditSize = await auditTableSize(db);
  const view = settingsView(getConfig());
  const health = upstreamHealth().snapshot();
  return (
    <PageShell user={user} current="/admin/settings">
      <div className="mx-auto flex max-w-6xl flex-col gap-5">
        <div className="flex flex-col gap-1">
          <h1 className="text-xl font-semibold">Connections &amp; settings</h1>
          <p className="text-sm text-muted">What this server is connected to and how it is configured, as it is running now.</p>
        </div>
        <div role="note" className="rounded-lg border border-line bg-raised px-4 py-3 text-sm text-fg" data-testid="config-notice">
          <strong>Read-only here.</strong> Configuration comes from environment variables (the name is under each value), read once when the app starts:
          to change one, set the variable and restart the app (every instance). The README&apos;s <em>Configuration</em> and <em>Pointing it at the real services</em>{" "}
          sections list them all. Secrets are never shown, only whether they are set.
        </div>
        <div
          className={`flex flex-wrap items-center gap-3 rounded-lg border px-4 py-2.5 text-sm ${view.sandbox.enabled ? "border-warn/60 bg-warn-bg text-warn" : "border-ok/50 text-ok"}`}
          data-testid="sandbox-state"
          data-sandbox={view.sandbox.enabled ? "on" : "off"}
        >
          <strong>Sandbox {view.sandbox.enabled ? "on" : "off"}.</strong>
          <span className="text-fg">
            {view.sandbox.enabled
              ? `Upstreams are the built-in simulator (seed ${view.sandbox.settings[1]?.value}); no real caller or device data. Setting RAPIDSOS_BASE_URL / AXON_BASE_URL (or SANDBOX=off) turns it off.`
              : "Upstreams are the real services configured below; the demo accounts and /sandbox/ do not exist."}
          </span>
        </div>
        <div className="grid gap-5 lg:grid-cols-2">
          {view.upstreams.map((u) => (
            <SettingsCard key={u.name} title={u.label} headingId={`upstream-${u.name}`}>
              <SettingList settings={u.settings} label={`${u.label} settings`} />
              <UpstreamStatus name={u.name} label={u.label} initial={health[u.name]} />
            </SettingsCard>
          ))}
        </div>
        <div className="grid gap-5 lg:grid-cols-2">
          {view.sections.map((s, i) => (
            <SettingsCard key={s.title} title={s.title} headingId={`settings-${i}`}>
              <SettingList settings={s.settings} label={s.title} />
            </SettingsCard>
          ))}
          <AuditStorage size={auditSize} retentionDays={config.auditRetentionDays} archives={listAuditArchives(config.dataDir)} />
        </div>
      </div>
    </PageShell>
  );
}
