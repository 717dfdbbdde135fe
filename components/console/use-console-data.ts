"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import type { Device } from "@/lib/axon/types";
import type { CallSummary } from "@/lib/calls/types";
import type { DeviceFeedStatus } from "@/lib/live/device-delta";
import { callerView, deviceView, type CallerView, type DeviceView } from "@/lib/map/features";
import { ApiError } from "@/lib/browser/api-client";
import { callDetailQuery, callsQuery, devicesQuery } from "@/lib/browser/console-queries";
import type { CallerLocation } from "@/lib/rapidsos/types";
import { useConsoleState } from "./console-state";
import { useDataNow } from "./use-data-now";

export interface FeedState {
  /** The last fetch failed; the data shown is what the last good one returned. */
  failing: boolean;
  error: ApiError | null;
  /** Browser time of the last good answer, for "as of" text only (never for ages). */
  updatedAt: number;
  loaded: boolean;
}

export interface ConsoleData {
  calls: CallSummary[];
  callerViews: CallerView[];
  selectedCall: CallSummary | null;
  selectedCallerView: CallerView | null;
  trail: CallerLocation[];
  devices: Device[];
  deviceViews: DeviceView[];
  selectedDeviceView: DeviceView | null;
  callsFeed: FeedState;
  devicesFeed: FeedState;
  /** The calls feed or RapidSOS behind it is failing: every caller shown is stale. */
  callsStale: boolean;
  /** The devices feed or Axon behind it is failing: every camera shown is stale. */
  devicesStale: boolean;
  rapidsosDown: { detail: string; lastOkAt: string | null } | null;
  axonDown: DeviceFeedStatus | null;
  devicesNotice: string | null;
  callsServerNow: number;
}

function feed(q: { isError: boolean; error: unknown; dataUpdatedAt: number; data: unknown }): FeedState {
  const error = q.error instanceof ApiError ? q.error : q.error ? new ApiError(0, "network", String(q.error)) : null;
  return { failing: q.isError, error, updatedAt: q.dataUpdatedAt, loaded: q.data !== undefined };
}

export function useConsoleData(displayConfidence: number): ConsoleData {
  const { selectedCallId, selectedDeviceId } = useConsoleState();
  const callsQ = useQuery(callsQuery());
  const devicesQ = useQuery(devicesQuery());
  const detailQ = useQuery({ ...callDetailQuery(selectedCallId ?? ""), enabled: selectedCallId !== null });

  const callsFeed = feed(callsQ);
  const devicesFeed = feed(devicesQ);
  const rapidsos = callsQ.data?.upstream.rapidsos;
  const rapidsosDown = rapidsos && rapidsos.ok === false ? { detail: rapidsos.detail, lastOkAt: rapidsos.lastOkAt } : null;
  const callsNow = useDataNow(callsQ.data?.serverTime, callsQ.dataUpdatedAt, callsFeed.failing);
  const devicesNow = useDataNow(devicesQ.data?.serverTime, devicesQ.dataUpdatedAt, devicesFeed.failing);

  const axon = devicesQ.data?.upstream;
  const axonDown = axon && !axon.ok ? axon : null;
  const devicesStale = devicesFeed.failing || axonDown !== null;

  const calls = useMemo(() => callsQ.data?.calls ?? [], [callsQ.data]);
  const devices = useMemo(() => devicesQ.data?.devices ?? [], [devicesQ.data]);
  const callsStale = callsFeed.failing || rapidsosDown !== null;

  const callerViews = useMemo(
    () =>
      calls.flatMap((c) => {
        const v = callerView(c, callsNow, displayConfidence, callsStale);
        return v ? [v] : [];
      }),
    [calls, callsNow, displayConfidence, callsStale],
  );
  const deviceViews = useMemo(
    () => devices.map((d) => deviceView(d, devicesNow, devicesStale)),
    [devices, devicesNow, devicesStale],
  );

  const selectedCall = calls.find((c) => c.id === selectedCallId) ?? null;
  const selectedCallerView = callerViews.find((v) => v.call.id === selectedCallId) ?? null;
  const detail = detailQ.data?.call.id === selectedCallId ? detailQ.data : undefined;
  const trail = useMemo(() => detail?.trail ?? [], [detail]);
  const selectedDeviceView = deviceViews.find((v) => v.device.id === selectedDeviceId) ?? null;

  return {
    calls,
    callerViews,
    selectedCall,
    selectedCallerView,
    trail,
    devices,
    deviceViews,
    selectedDeviceView,
    callsFeed,
    devicesFeed,
    callsStale,
    devicesStale,
    rapidsosDown,
    axonDown,
    devicesNotice: devicesQ.data?.notice ?? null,
    callsServerNow: callsNow,
  };
}
