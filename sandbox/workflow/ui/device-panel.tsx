"use client";

import { useState } from "react";
import { BAD_CASES, SAMPLE_PHONES, SAMPLE_PLACES, type BadCase, type SampleFlow } from "../samples";
import { useTrigger, type TriggerOutcome } from "./use-trigger";

const FLOWS: { value: SampleFlow; label: string }[] = [
  { value: "data_connect", label: "Data Connect (company_dataconnect_v1)" },
  { value: "voice", label: "Connect to 9-1-1 (company_connect_911_v1)" },
  { value: "alert", label: "Alert (alert_create_location_update)" },
];

const input = "w-full rounded border border-slate-300 px-2 py-1 text-sm";

function Outcome({ outcome }: { outcome: TriggerOutcome | { error: string } | null }) {
  if (!outcome) return null;
  if ("error" in outcome) return <p role="status" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">{outcome.error}</p>;
  const { status, answer } = outcome;
  const ok = answer.code === 0;
  return (
    <div role="status" aria-label="Trigger answer" className={`rounded border px-3 py-2 text-sm ${ok ? "border-green-300 bg-green-50 text-green-900" : "border-amber-300 bg-amber-50 text-amber-950"}`}>
      <p className="font-semibold">
        HTTP {status} · code {answer.code ?? "—"}
      </p>
      <p>{answer.message ?? "The gateway refused the token."}</p>
      {answer.id ? <p className="font-mono text-xs break-all">id {answer.id}</p> : null}
    </div>
  );
}

/**
 * A device or app starting an emergency through RapidSOS Emergency WorkFlow: one trigger with a
 * callflow, a phone number and a location (document 002). A second trigger for the same number
 * moves the call (or the alert).
 */
export function DevicePanel() {
  const [flow, setFlow] = useState<SampleFlow>("data_connect");
  const [phone, setPhone] = useState(SAMPLE_PHONES.data_connect);
  const [place, setPlace] = useState(SAMPLE_PLACES.data_connect);
  const [bad, setBad] = useState<BadCase>("ten_digit_phone");
  const { fire, sending, outcome } = useTrigger();

  const pick = (next: SampleFlow) => {
    setFlow(next);
    setPhone(SAMPLE_PHONES[next]);
    setPlace(SAMPLE_PLACES[next]);
  };
  const num = (key: keyof typeof place) => (e: React.ChangeEvent<HTMLInputElement>) => setPlace({ ...place, [key]: Number(e.target.value) });

  return (
    <section aria-labelledby="device-panel-title" className="space-y-3 rounded-lg border border-slate-300 bg-white p-4">
      <h2 id="device-panel-title" className="text-lg font-semibold">Device or app</h2>
      <p className="text-sm text-slate-600">Start an emergency the way a connected device or app does: POST /v1/rem/trigger.</p>
      <form
        className="space-y-2"
        onSubmit={(e) => {
          e.preventDefault();
          void fire({ sample: flow, phone, ...place });
        }}
      >
        <label className="block text-sm">
          Callflow
          <select className={input} value={flow} onChange={(e) => pick(e.target.value as SampleFlow)}>
            {FLOWS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm">
          Phone number
          <input className={input} value={phone} onChange={(e) => setPhone(e.target.value)} />
        </label>
        <div className="grid grid-cols-3 gap-2">
          <label className="block text-sm">
            Latitude
            <input className={input} type="number" step="any" value={place.latitude} onChange={num("latitude")} />
          </label>
          <label className="block text-sm">
            Longitude
            <input className={input} type="number" step="any" value={place.longitude} onChange={num("longitude")} />
          </label>
          <label className="block text-sm">
            Uncertainty (m)
            <input className={input} type="number" step="any" value={place.uncertainty} onChange={num("uncertainty")} />
          </label>
        </div>
        <button type="submit" disabled={sending} className="rounded bg-[#12284c] px-3 py-1.5 text-sm font-semibold text-white disabled:opacity-50">
          {sending ? "Sending…" : "Send trigger"}
        </button>
      </form>
      <div className="flex items-end gap-2 border-t border-slate-200 pt-2">
        <label className="block flex-1 text-sm">
          Deliberately bad trigger
          <select className={input} value={bad} onChange={(e) => setBad(e.target.value as BadCase)}>
            {BAD_CASES.map((c) => (
              <option key={c} value={c}>
                {c.replaceAll("_", " ")}
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={sending} onClick={() => void fire({ bad })} className="rounded border border-slate-400 px-3 py-1.5 text-sm disabled:opacity-50">
          Send bad trigger
        </button>
      </div>
      <Outcome outcome={outcome} />
    </section>
  );
}
