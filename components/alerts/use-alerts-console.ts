"use client";

import { useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { AlertSummary } from "@/lib/alerts/types";
import { alertDetailQuery, alertsQuery } from "@/lib/browser/alerts-queries";
import { playShareTone } from "@/components/console/use-share-sound";

export const ALERT_QUEUE_ID = "alert-queue";
/** How long a toast for a new alert stays unless opened or dismissed. */
const TOAST_MS = 60_000;

export const isWaiting = (a: Pick<AlertSummary, "status">) => a.status.name === "DISPATCH_REQUESTED" || a.status.name === "NEW";

/** Re-render every `ms` while `on`: SLA countdowns move each second. */
function useTick(ms: number, on: boolean): number {
  const [t, setT] = useState(0);
  useEffect(() => {
    if (!on) return;
    const timer = setInterval(() => setT((x) => x + 1), ms);
    return () => clearInterval(timer);
  }, [ms, on]);
  return t;
}

export interface AlertToast {
  id: string;
  at: number;
}

/**
 * The console's alerts: the queue, the selected alert and its detail, the data clock for SLA
 * countdowns (the server's time carried forward by elapsed browser time, never the browser's wall
 * clock), and announcements of new alerts (toast, optional tone).
 */
export function useAlertsConsole(sound: boolean) {
  const list = useQuery(alertsQuery());
  const alerts = useMemo(() => list.data?.alerts ?? [], [list.data]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const detail = useQuery({ ...alertDetailQuery(selectedId ?? "none"), enabled: selectedId !== null });

  const waiting = alerts.some(isWaiting);
  useTick(1000, waiting || selectedId !== null);
  const serverTime = list.data?.serverTime;
  const now = serverTime === undefined ? 0 : serverTime + Math.max(0, Date.now() - list.dataUpdatedAt);

  // New alerts: anything not in the first list this console loaded, and, in that first list, any
  // alert created within the toast window (one that landed while this console was loading, or just
  // before a reload, is still announced; a queue of old ones is not).
  const known = useRef<Set<string> | null>(null);
  const [toasts, setToasts] = useState<AlertToast[]>([]);
  useEffect(() => {
    if (!list.data) return;
    const { alerts: listed, serverTime: at } = list.data;
    const first = known.current === null;
    const seen = known.current ?? new Set<string>();
    known.current = seen;
    const fresh = listed.filter((a) => !seen.has(a.id) && isWaiting(a) && (!first || at - a.createdTime < TOAST_MS));
    listed.forEach((a) => seen.add(a.id));
    if (fresh.length === 0) return;
    setToasts((t) => [...t, ...fresh.map((a) => ({ id: a.id, at: Date.now() }))]);
    if (sound) playShareTone();
  }, [list.data, sound]);
  // A toast goes once its alert is answered, opened, or its time is up.
  useEffect(() => {
    setToasts((t) => {
      const next = t.filter((x) => x.id !== selectedId && Date.now() - x.at < TOAST_MS && alerts.some((a) => a.id === x.id && isWaiting(a)));
      return next.length === t.length ? t : next;
    });
  }, [alerts, selectedId, now]);

  const select = useCallback((id: string | null) => setSelectedId(id), []);
  const dismiss = useCallback((id: string) => setToasts((t) => t.filter((x) => x.id !== id)), []);
  const latest = useRef(alerts);
  latest.current = alerts;
  /** `a`: the newest alert still waiting for an answer (the queue is newest first). */
  const jump = useCallback(() => {
    const target = latest.current.find(isWaiting);
    if (!target) return false;
    setSelectedId(target.id);
    document.getElementById(ALERT_QUEUE_ID)?.focus();
    return true;
  }, []);

  const selected = alerts.find((a) => a.id === selectedId) ?? null;
  return {
    alerts,
    loaded: list.isSuccess,
    failing: list.isError,
    live: list.data?.live ?? false,
    now,
    selectedId,
    selected,
    detail: detail.data ?? null,
    select,
    toasts,
    dismiss,
    jump,
  };
}

export type AlertsConsole = ReturnType<typeof useAlertsConsole>;
