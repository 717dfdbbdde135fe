import type { ReactNode } from "react";
import type { Setting } from "@/lib/admin/settings";

function Value({ setting }: { setting: Setting }) {
  if (setting.note === "secret") {
    const set = setting.value === "set" || /^\d+ configured/.test(setting.value);
    return (
      <span className={`inline-flex items-center gap-1.5 ${set ? "text-ok" : "text-warn"}`} data-secret={set ? "set" : "not-set"}>
        <span aria-hidden="true">{set ? "●" : "○"}</span>
        {setting.value}
      </span>
    );
  }
  return (
    <span className="wrap-anywhere text-fg">
      {setting.value}
      {setting.note === "sandbox" ? <span className="ml-2 rounded border border-accent/50 px-1 text-[10px] font-semibold tracking-wide text-accent uppercase">sandbox</span> : null}
    </span>
  );
}

/** Settings as label, value and the environment variable that sets it. */
export function SettingList({ settings, label }: { settings: Setting[]; label: string }) {
  return (
    <dl aria-label={label} className="divide-y divide-line/60">
      {settings.map((s) => (
        <div key={`${s.label}-${s.variable}`} className="grid grid-cols-[9rem_1fr] gap-x-3 gap-y-0.5 py-1.5 text-sm" data-variable={s.variable}>
          <dt className="text-muted">{s.label}</dt>
          <dd className="min-w-0">
            <Value setting={s} />
            <code className="block font-mono text-[11px] text-muted">{s.variable}</code>
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** A titled card on the settings page. */
export function SettingsCard({ title, headingId, aside, children }: { title: string; headingId: string; aside?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={headingId} className="flex flex-col rounded-lg border border-line bg-raised">
      <div className="flex items-center justify-between gap-2 border-b border-line px-4 py-2.5">
        <h2 id={headingId} className="text-sm font-semibold text-fg">
          {title}
        </h2>
        {aside}
      </div>
      <div className="flex flex-1 flex-col gap-3 px-4 py-3">{children}</div>
    </section>
  );
}
