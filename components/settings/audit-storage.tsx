import type { AuditArchive } from "@/lib/audit/retention";
import { SettingsCard } from "./setting-list";

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

/** How much the audit trail takes, how long it is kept, and the files its retention job wrote. */
export function AuditStorage({ size, retentionDays, archives }: { size: { bytes: number; rows: number }; retentionDays: number; archives: AuditArchive[] }) {
  return (
    <SettingsCard title="Audit trail storage" headingId="audit-storage">
      <dl className="grid grid-cols-[9rem_1fr] gap-x-3 gap-y-1.5 text-sm" aria-label="Audit trail storage">
        <dt className="text-muted">Table size</dt>
        <dd className="text-fg" data-testid="audit-table-size" data-bytes={size.bytes}>
          {mb(size.bytes)} · {size.rows.toLocaleString("en-US")} rows
        </dd>
        <dt className="text-muted">Retention</dt>
        <dd className="text-fg">
          {retentionDays} days, then exported to a file below and purged
          <code className="block font-mono text-[11px] text-muted">AUDIT_RETENTION_DAYS</code>
        </dd>
      </dl>
      <h3 className="mt-3 text-sm font-semibold">Exported before purging</h3>
      {archives.length === 0 ? (
        <p className="text-sm text-muted">Nothing has reached the retention age yet.</p>
      ) : (
        <ul className="text-sm">
          {archives.map((a) => (
            <li key={a.name}>
              <a className="text-accent underline" href={`/api/admin/audit-archives/${encodeURIComponent(a.name)}`} download>
                {a.name}
              </a>{" "}
              <span className="text-muted">({mb(a.bytes)})</span>
            </li>
          ))}
        </ul>
      )}
    </SettingsCard>
  );
}
