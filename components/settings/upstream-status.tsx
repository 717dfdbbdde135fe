"use client";

import { useState } from "react";
import type { UpstreamTestResult } from "@/lib/admin/upstream-test";
import { formatUtc } from "@/lib/review/format";
import { ApiError, fetchJson } from "@/lib/browser/api-client";
import type { UpstreamName } from "@/lib/upstream/errors";
import type { UpstreamHealth } from "@/lib/upstream/health";

const when = (iso: string | null) => (iso ? `${formatUtc(Date.parse(iso))} UTC` : "never");

function HealthLine({ health }: { health: UpstreamHealth }) {
  const tone = health.ok === null ? "text-muted" : health.ok ? "text-ok" : "text-danger";
  return (
    <dl className="grid grid-cols-[9rem_1fr] gap-x-3 gap-y-1 text-sm" data-testid="upstream-health" data-ok={String(health.ok)}>
      <dt className="text-muted">Last call</dt>
      <dd className={`font-semibold ${tone}`}>
        {health.ok === null ? "not called yet" : health.ok ? "OK" : "failed"}
        {health.status !== null ? <span className="ml-2 font-normal text-muted">HTTP {health.status}</span> : null}
      </dd>
      <dt className="text-muted">When</dt>
      <dd className="font-mono text-xs text-fg">{when(health.at)}</dd>
      <dt className="text-muted">Detail</dt>
      <dd className="text-fg">{health.detail}</dd>
      <dt className="text-muted">Last OK</dt>
      <dd className="font-mono text-xs text-fg">{when(health.lastOkAt)}</dd>
    </dl>
  );
}

type State = { kind: "idle" } | { kind: "testing" } | { kind: "done"; result: UpstreamTestResult } | { kind: "error"; message: string };

/** The upstream's last call (from the health registry) and a button that tests it now. */
export function UpstreamStatus({ name, label, initial }: { name: UpstreamName; label: string; initial: UpstreamHealth }) {
  const [health, setHealth] = useState(initial);
  const [state, setState] = useState<State>({ kind: "idle" });

  async function test() {
    setState({ kind: "testing" });
    try {
      const result = await fetchJson<UpstreamTestResult>(`/api/admin/upstreams/${name}/test`, { method: "POST" });
      setHealth(result.health);
      setState({ kind: "done", result });
    } catch (err) {
      setState({ kind: "error", message: err instanceof ApiError ? err.detail : "The test could not be run." });
    }
  }

  return (
    <div className="flex flex-col gap-3 border-t border-line pt-3">
      <HealthLine health={health} />
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          onClick={test}
          disabled={state.kind === "testing"}
          aria-label={`Test connection to ${label}`}
          className="rounded-md bg-accent px-3 py-1.5 text-sm font-semibold text-accent-fg hover:opacity-90 focus:outline-none focus-visible:ring-2 focus-visible:ring-focus disabled:opacity-60"
        >
          {state.kind === "testing" ? "Testing…" : "Test connection"}
        </button>
        <span className="text-xs text-muted">A fresh token and one minimal request; recorded in the audit trail.</span>
      </div>
      <div aria-live="polite">
        {state.kind === "done" ? (
          <p
            role="status"
            data-testid="test-result"
            data-ok={String(state.result.ok)}
            className={`rounded-md border px-3 py-2 text-sm ${state.result.ok ? "border-ok/50 text-ok" : "border-danger/50 bg-danger-bg text-danger"}`}
          >
            <strong>{state.result.ok ? "Connected." : `Failed at the ${state.result.failedStep} step.`}</strong> {state.result.detail}{" "}
            <span className="text-muted">({state.result.durationMs} ms)</span>
          </p>
        ) : state.kind === "error" ? (
          <p role="alert" className="rounded-md border border-danger/50 bg-danger-bg px-3 py-2 text-sm text-danger">
            {state.message}
          </p>
        ) : null}
      </div>
    </div>
  );
}
