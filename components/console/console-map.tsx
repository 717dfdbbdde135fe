"use client";

import { useMemo, useSyncExternalStore, type ReactNode } from "react";
import { CallerLayer } from "@/components/map/caller-layer";
import { DeviceLayer } from "@/components/map/device-layer";
import { FitOnce } from "@/components/map/fit-once";
import { FollowCaller } from "@/components/map/follow-caller";
import { FrameTarget, type FramePoint } from "@/components/map/frame-target";
import { JurisdictionLayer } from "@/components/map/jurisdiction-layer";
import { MapView } from "@/components/map/map-view";
import { TrailLayer } from "@/components/map/trail-layer";
import { UncertaintyLayer } from "@/components/map/uncertainty-layer";
import {
  buildCallerFeatures,
  buildDeviceAccuracy,
  buildDeviceFeatures,
  buildJurisdictionFeatures,
  buildTrailFeatures,
  type DeviceView,
} from "@/lib/map/features";
import { resolveMapStyle } from "@/lib/map/style";
import { useConsoleActions, useConsoleState } from "./console-state";
import { useTheme } from "./theme";
import type { ConsoleData } from "./use-console-data";

/** Continental US until the first data arrives and FitOnce frames it. */
const INITIAL_VIEW = { center: [-96, 38.5] as [number, number], zoom: 3.6 };

const noSubscribe = () => () => undefined;
const useOrigin = () =>
  useSyncExternalStore(noSubscribe, () => window.location.origin, () => null);

/** The map with its layers in draw order (jurisdiction, accuracy, uncertainty, trail, devices, callers), then behaviours. */
export function ConsoleMap({
  data,
  shownDevices,
  mapStyleUrl,
  children,
}: {
  data: ConsoleData;
  shownDevices: readonly DeviceView[];
  mapStyleUrl: string | null;
  /** More overlays (central-station alerts), drawn above the callers. */
  children?: ReactNode;
}) {
  const theme = useTheme();
  const origin = useOrigin();
  const { selectedCallId, selectedDeviceId, follow, frame } = useConsoleState();
  const { selectCall, selectDevice } = useConsoleActions();

  const mapStyle = useMemo(
    () => (origin ? resolveMapStyle({ mapStyleUrl, theme: theme.name, origin }) : null),
    [mapStyleUrl, theme.name, origin],
  );
  const callers = useMemo(() => buildCallerFeatures(data.callerViews, selectedCallId), [data.callerViews, selectedCallId]);
  const trail = useMemo(() => buildTrailFeatures(data.trail), [data.trail]);
  const devices = useMemo(() => buildDeviceFeatures(shownDevices, selectedDeviceId), [shownDevices, selectedDeviceId]);
  const accuracy = useMemo(() => buildDeviceAccuracy(data.selectedDeviceView), [data.selectedDeviceView]);
  const uncertainty = useMemo(() => ({ circles: callers.circles, labels: callers.labels }), [callers]);
  const jurisdiction = useMemo(() => buildJurisdictionFeatures(data.selectedCall), [data.selectedCall]);

  const everything = useMemo(
    () => [
      ...callers.points.features.map((f) => f.geometry.coordinates as [number, number]),
      ...devices.features.map((f) => f.geometry.coordinates as [number, number]),
    ],
    [callers, devices],
  );

  const framePoints = useMemo((): FramePoint[] | null => {
    const caller = data.selectedCallerView;
    const callerPoint = caller && {
      latitude: caller.location.latitude,
      longitude: caller.location.longitude,
      radiusM: caller.circle.kind === "none" ? null : caller.circle.radiusM,
    };
    if (frame?.kind === "call") return caller?.call.id === frame.id && callerPoint ? [callerPoint] : null;
    const device = data.selectedDeviceView?.device;
    if (frame?.kind !== "device" || device?.id !== frame.id || !device.location) return null;
    const devicePoint = { latitude: device.location.latitude, longitude: device.location.longitude, radiusM: device.location.accuracyM };
    return callerPoint ? [devicePoint, callerPoint] : [devicePoint];
  }, [frame, data.selectedCallerView, data.selectedDeviceView]);

  if (!mapStyle) return null;
  return (
    <MapView mapStyle={mapStyle} theme={theme.tokens} initialView={INITIAL_VIEW} label="Map of callers and body cameras">
      <JurisdictionLayer data={jurisdiction} />
      <UncertaintyLayer data={accuracy} />
      <UncertaintyLayer data={uncertainty} />
      <TrailLayer data={trail} />
      <DeviceLayer data={devices} onSelect={(id) => selectDevice(id, { frame: false })} />
      <CallerLayer data={callers.points} onSelect={(id) => selectCall(id, { frame: false })} />
      {children}
      <FitOnce points={everything} />
      <FrameTarget seq={frame?.seq ?? null} points={framePoints} />
      <FollowCaller enabled={follow} position={data.selectedCallerView?.location ?? null} />
    </MapView>
  );
}
