"use client";

import { useCallback, useState } from "react";
import { ApiError, fetchJson } from "@/lib/browser/api-client";
import type { BadCase, SampleFlow } from "../samples";

export interface TriggerOutcome {
  /** HTTP status of POST /v1/rem/trigger, and its `{code, id, message}`. */
  status: number;
  answer: { code?: number; id?: string | null; message?: string; fault?: unknown };
}

export type TriggerRequest = { sample: SampleFlow; phone: string; latitude: number; longitude: number; uncertainty: number } | { bad: BadCase };

/** Fire a trigger through the sandbox control API, which calls the real endpoint with a real token. */
export function useTrigger() {
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<TriggerOutcome | { error: string } | null>(null);
  const fire = useCallback(async (request: TriggerRequest) => {
    setSending(true);
    setOutcome(null);
    try {
      const res = "bad" in request
        ? await fetchJson<TriggerOutcome>("/sandbox/control/workflow/bad", { method: "POST", json: { case: request.bad } })
        : await fetchJson<TriggerOutcome>("/sandbox/control/workflow/trigger", { method: "POST", json: request });
      setOutcome({ status: res.status, answer: res.answer });
    } catch (err) {
      setOutcome({ error: err instanceof ApiError ? err.detail : String(err) });
    } finally {
      setSending(false);
    }
  }, []);
  return { fire, sending, outcome };
}
