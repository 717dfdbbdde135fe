"use client";

import { useMemo, useSyncExternalStore } from "react";
import { useTheme } from "@/components/console/theme";
import { MapLegend } from "@/components/console/map-legend";
import { CallerLayer } from "@/components/map/caller-layer";
import { DeviceLayer } from "@/components/map/device-layer";
import { FitOnce } from "@/components/map/fit-once";
import { FollowCaller } from "@/components/map/follow-caller";
import { JurisdictionLayer } from "@/components/map/jurisdiction-layer";
import { MapView } from "@/components/map/map-view";
import { TrailLayer } from "@/components/map/trail-layer";
import { UncertaintyLayer } from "@/components/map/uncertainty-layer";
import type { CallSummary } from "@/lib/calls/types";
import { buildJurisdictionFeatures, type CallerView } from "@/lib/map/features";
import { useMapStyle } from "@/components/map/use-map-style";
import { nearestDeviceFeatures, reviewTrailFeatures, selectedPointFeatures } from "@/lib/review/features";
import type { NearestDevicesResponse, ReviewPoint } from "@/lib/review/types";

const INITIAL_VIEW = { center: [-96, 38.5] as [number, number], zoom: 3.6 };
const noSubscribe = () => () => undefined;
const useOrigin = () => useSyncExternalStore(noSubscribe, () => window.location.origin, () => null);
const ignore = () => undefined;

export interface ReviewMapProps {
  /** The call under review; its Data Share box (if any) is drawn as the console draws it. */
  call: CallSummary;
  trail: readonly ReviewPoint[];
  selected: CallerView | null;
  nearest: NearestDevicesResponse | null;
  /** Null until the user moves the selection; from then on the map follows it. */
  followSeq: number | null;
  displayConfidence: number;
  mapStyleUrl: string | null;
}

/** The reviewed call drawn with the console's own layers, in draw order, then behaviours. */
export function ReviewMap({ call, trail, selected, nearest, followSeq, displayConfidence, mapStyleUrl }: ReviewMapProps) {
  const theme = useTheme();
  const origin = useOrigin();
  const mapStyle = useMapStyle(mapStyleUrl, theme.name, origin);
  const trailFeatures = useMemo(() => reviewTrailFeatures(trail), [trail]);
  const caller = useMemo(() => (selected ? selectedPointFeatures(selected) : null), [selected]);
  const uncertainty = useMemo(() => (caller ? { circles: caller.circles, labels: caller.labels } : EMPTY_CIRCLES), [caller]);
  const devices = useMemo(() => nearestDeviceFeatures(nearest?.devices ?? [], nearest?.at ?? 0), [nearest]);
  const box = useMemo(() => buildJurisdictionFeatures(call), [call]);
  const everything = useMemo(() => trail.map((p): [number, number] => [p.longitude, p.latitude]), [trail]);

  if (!mapStyle) return null;
  return (
    <>
      <MapView mapStyle={mapStyle} theme={theme.tokens} initialView={INITIAL_VIEW} label="Map of the reviewed call">
        <JurisdictionLayer data={box} />
        <UncertaintyLayer data={uncertainty} />
        <TrailLayer data={trailFeatures} />
        <DeviceLayer data={devices} onSelect={ignore} />
        <CallerLayer data={caller?.points ?? EMPTY_POINTS} onSelect={ignore} />
        <FitOnce points={everything} />
        <FollowCaller enabled={followSeq !== null} position={selected?.location ?? null} />
      </MapView>
      <MapLegend displayConfidence={displayConfidence} />
    </>
  );
}

const EMPTY_POINTS = { type: "FeatureCollection" as const, features: [] };
const EMPTY_CIRCLES = { circles: { type: "FeatureCollection" as const, features: [] }, labels: { type: "FeatureCollection" as const, features: [] } };
