"use client";

import { useCallback, useEffect, useState } from "react";

/** The sandbox's stand-in for a monitoring company's console: create alerts, move them, chat, cancel. */
interface Row {
  alert_id: string;
  emergency_type: { display_name: string };
  status: { name: string; display_name: string };
  disposition: { display_name: string } | null;
  decline_reason: string | null;
  location: { geodetic: { latitude: number; longitude: number } | null; civic: { street_1: string | null } | null };
  supplemental_only: boolean;
}

const TEMPLATES = ["fire", "burglary", "mpers", "crash", "civic-unknown", "supplemental", "outside"] as const;
const button = "rounded border border-line px-2 py-1 text-sm hover:bg-hover disabled:opacity-50";

async function control(path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`/sandbox/control/${path}`, body === undefined ? {} : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return { status: res.status, json: await res.json().catch(() => null) };
}

export function CentralStationApp() {
  const [rows, setRows] = useState<Row[]>([]);
  const [template, setTemplate] = useState<(typeof TEMPLATES)[number]>("fire");
  const [sla, setSla] = useState(120);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [chat, setChat] = useState<Record<string, string>>({});

  const refresh = useCallback(async () => {
    const r = await control("alerts");
    if (r.status === 200) setRows(((r.json as { alerts: Row[] }).alerts ?? []).slice().reverse());
  }, []);
  useEffect(() => {
    void refresh();
    const t = setInterval(() => void refresh(), 2000);
    return () => clearInterval(t);
  }, [refresh]);

  async function create() {
    const r = await control("alerts", { template, slaSeconds: sla });
    const body = r.json as { alert_id?: string; detail?: string };
    setOutcome(`POST /v1/alerts answered ${r.status}${body?.alert_id ? `: ${body.alert_id}` : body?.detail ? `: ${body.detail}` : ""}`);
    void refresh();
  }

  return (
    <main className="mx-auto flex max-w-4xl flex-col gap-4 p-6 text-sm">
      <header>
        <h1 className="text-xl font-semibold">Keystone Monitoring — central station (sandbox)</h1>
        <p className="text-muted">Creates alerts through the sandbox&apos;s RapidSOS Alerts partner API. The ECC (this app&apos;s console) sees them within a second.</p>
      </header>
      <section aria-label="New alert" className="flex flex-wrap items-end gap-3 rounded border border-line p-3">
        <label className="flex flex-col gap-1">
          Alert
          <select value={template} onChange={(e) => setTemplate(e.target.value as (typeof TEMPLATES)[number])} className="rounded border border-line bg-surface px-2 py-1">
            {TEMPLATES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          SLA (seconds)
          <input type="number" min={1} max={86400} value={sla} onChange={(e) => setSla(Number(e.target.value))} className="w-24 rounded border border-line bg-surface px-2 py-1" />
        </label>
        <button type="button" onClick={() => void create()} className={button}>
          Request dispatch
        </button>
        {outcome ? <p role="status">{outcome}</p> : null}
      </section>
      <table aria-label="Our alerts" className="w-full text-left">
        <thead className="text-xs text-muted uppercase">
          <tr>
            <th>Alert</th>
            <th>Status (as RapidSOS holds it)</th>
            <th>Actions</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => (
            <tr key={a.alert_id} data-alert-id={a.alert_id} className="border-t border-line align-top">
              <td className="py-1">
                <b>{a.emergency_type.display_name}</b> {a.location.civic?.street_1 ?? (a.location.geodetic ? `${a.location.geodetic.latitude.toFixed(4)}, ${a.location.geodetic.longitude.toFixed(4)}` : "")}
                <div className="font-mono text-xs text-muted">{a.alert_id}</div>
              </td>
              <td data-testid="central-status">
                {a.status.name}
                {a.disposition ? ` · ${a.disposition.display_name}` : ""}
                {a.decline_reason ? ` — “${a.decline_reason}”` : ""}
                {a.supplemental_only ? " (supplemental)" : ""}
              </td>
              <td className="flex flex-wrap gap-1">
                {a.location.geodetic ? (
                  <button
                    type="button"
                    className={button}
                    onClick={() => void control(`alerts/${a.alert_id}/location`, { latitude: a.location.geodetic!.latitude + 0.0004, longitude: a.location.geodetic!.longitude + 0.0006, uncertainty_radius: 12 }).then(refresh)}
                  >
                    Move
                  </button>
                ) : null}
                <button type="button" className={button} onClick={() => void control(`alerts/${a.alert_id}/status`, { status: "CANCELED", cancel_reason: "Canceled by the central station" }).then(refresh)}>
                  Cancel
                </button>
                <input aria-label="Chat message" value={chat[a.alert_id] ?? ""} onChange={(e) => setChat({ ...chat, [a.alert_id]: e.target.value })} className="w-40 rounded border border-line bg-surface px-1" />
                <button type="button" className={button} onClick={() => void control(`alerts/${a.alert_id}/chat`, { message: chat[a.alert_id] || "Keyholder on the way" }).then(refresh)}>
                  Chat
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
