"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ApiError, fetchJson } from "@/lib/browser/api-client";

export interface AdminRequest {
  send: (url: string, method: "POST" | "PATCH" | "DELETE", body?: unknown, done?: string) => Promise<boolean>;
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
      await fetchJson<unknown>(url, { method, json: body });
      setMessage({ kind: "ok", text: done });
      startTransition(() => router.refresh());
      return true;
    } catch (err) {
      if (err instanceof ApiError && err.sessionEnded) return false;
      setMessage({ kind: "error", text: err instanceof ApiError ? err.detail : "The server could not be reached." });
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { send, busy, message };
}
