"use client";

import { useMemo, useSyncExternalStore, type ReactNode } from "react";
import { CallerLayer } from "@/components/map/caller-layer";
import { DeviceLayer } from "@/components/map/device-layer";
import { FitOnce } from "@/components/map/fit-once";
import { FocusLayer } from "@/components/map/focus-layer";
import { FollowCaller } from "@/components/map/follow-caller";
import { FrameTarget, type FramePoint } from "@/components/map/frame-target";
import { JurisdictionLayer } from "@/components/map/jurisdiction-layer";
import { MapView } from "@/components/map/map-view";
import { TrailLayer } from "@/components/map/trail-layer";
import { UncertaintyLayer } from "@/components/map/uncertainty-layer";
import type { Ranked } from "@/lib/geo/nearest";
import {
  buildCallerFeatures,
  buildDeviceAccuracy,
  buildDeviceFeatures,
  buildFocusFeatures,
  buildJurisdictionFeatures,
  buildTrailFeatures,
  type DeviceView,
} from "@/lib/map/features";
import { useMapStyle } from "@/components/map/use-map-style";
import { useConsoleActions, useConsoleState } from "./console-state";
import { useTheme } from "./theme";
import type { ConsoleData } from "./use-console-data";

/** Continental US until the first data arrives and FitOnce frames it. */
const INITIAL_VIEW = { center: [-96, 38.5] as [number, number], zoom: 3.6 };

const noSubscribe = () => () => undefined;
const useOrigin = () =>
  useSyncExternalStore(noSubscribe, () => window.location.origin, () => null);

/** How many of the nearest officers are ringed and numbered on the map (the panel lists more). */
const NEAREST_ON_MAP = 5;

/**
 * The map with its layers in draw order (jurisdiction, accuracy, other callers' circles, trail,
 * devices, the nearest officers, the selected caller's circle, callers, then any overlays such as
 * central-station alerts), then behaviours: whatever else is crowded on the map, the selected
 * caller, its circle and the nearest officers stay on top.
 */
export function ConsoleMap({
  data,
  shownDevices,
  nearest,
  mapStyleUrl,
  children,
}: {
  data: ConsoleData;
  shownDevices: readonly DeviceView[];
  nearest: readonly Ranked<DeviceView>[];
  mapStyleUrl: string | null;
  /** More overlays (central-station alerts), drawn above the callers. */
  children?: ReactNode;
}) {
  const theme = useTheme();
  const origin = useOrigin();
  const { selectedCallId, selectedDeviceId, follow, frame } = useConsoleState();
  const { selectCall, selectDevice } = useConsoleActions();

  const mapStyle = useMapStyle(mapStyleUrl, theme.name, origin);
  const callers = useMemo(() => buildCallerFeatures(data.callerViews, selectedCallId), [data.callerViews, selectedCallId]);
  const trail = useMemo(() => buildTrailFeatures(data.trail), [data.trail]);
  const devices = useMemo(() => {
    const start = performance.now();
    const built = buildDeviceFeatures(shownDevices, selectedDeviceId);
    performance.measure("dm:devices-build", { start, detail: { count: built.features.length } });
    return built;
  }, [shownDevices, selectedDeviceId]);
  const focus = useMemo(
    () => buildFocusFeatures(nearest.slice(0, NEAREST_ON_MAP).map((r) => r.item), data.selectedDeviceView, selectedDeviceId),
    [nearest, data.selectedDeviceView, selectedDeviceId],
  );
  const accuracy = useMemo(() => buildDeviceAccuracy(data.selectedDeviceView), [data.selectedDeviceView]);
  const [uncertainty, selectedUncertainty] = useMemo(() => {
    const pick = (selected: boolean) => ({
      circles: { ...callers.circles, features: callers.circles.features.filter((f) => f.properties.selected === selected) },
      labels: { ...callers.labels, features: callers.labels.features.filter((f) => f.properties.selected === selected) },
    });
    return [pick(false), pick(true)];
  }, [callers]);
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
      <FocusLayer data={focus} />
      <UncertaintyLayer data={selectedUncertainty} />
      <CallerLayer data={callers.points} onSelect={(id) => selectCall(id, { frame: false })} />
      {children}
      <FitOnce points={everything} />
      <FrameTarget seq={frame?.seq ?? null} points={framePoints} />
      <FollowCaller enabled={follow} position={data.selectedCallerView?.location ?? null} />
    </MapView>
  );
}
