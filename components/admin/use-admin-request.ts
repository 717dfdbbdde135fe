"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { apiFetch, errorDetail, SessionEndedError } from "@/components/auth/session-ended";

export interface AdminRequest {
  send: (url: string, method: "POST" | "PATCH", body?: unknown, done?: string) => Promise<boolean>;
  busy: boolean;
  message: { kind: "ok" | "error"; text: string } | null;
}

/** One admin API call at a time: sends JSON, shows the API's own error, refreshes the list on success. */
export function useAdminRequest(): AdminRequest {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<AdminRequest["message"]>(null);
  const [, startTransition] = useTransition();

  const send: AdminRequest["send"] = async (url, method, body, done = "Saved.") => {
    setBusy(true);
    setMessage(null);
    try {
      const res = await apiFetch(url, {
        method,
        headers: { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!res.ok) {
        setMessage({ kind: "error", text: await errorDetail(res) });
        return false;
      }
      setMessage({ kind: "ok", text: done });
      startTransition(() => router.refresh());
      return true;
    } catch (err) {
      if (!(err instanceof SessionEndedError)) setMessage({ kind: "error", text: "The server could not be reached." });
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { send, busy, message };
}
