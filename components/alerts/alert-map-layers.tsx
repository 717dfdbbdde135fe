"use client";

import { useMemo } from "react";
import { AlertLayer } from "@/components/map/alert-layer";
import { FrameTarget } from "@/components/map/frame-target";
import { TrailLayer } from "@/components/map/trail-layer";
import { UncertaintyLayer } from "@/components/map/uncertainty-layer";
import { buildAlertFeatures, buildAlertTrail } from "@/lib/map/alert-features";
import type { AlertsConsole } from "./use-alerts-console";

/** The alerts' layers, drawn above the callers: circles (known radius only), the selected trail, the symbols. */
export function AlertMapLayers({ console: c, frameSeq }: { console: AlertsConsole; frameSeq: number }) {
  const features = useMemo(() => buildAlertFeatures(c.alerts, c.selectedId), [c.alerts, c.selectedId]);
  const circles = useMemo(() => ({ circles: features.circles, labels: features.labels }), [features]) as unknown as Parameters<typeof UncertaintyLayer>[0]["data"];
  const history = c.detail?.alert.id === c.selectedId ? c.detail?.alert.history : undefined;
  const trail = useMemo(() => buildAlertTrail(history ?? []), [history]) as unknown as Parameters<typeof TrailLayer>[0]["data"];
  const p = c.selected?.location.point;
  const points = useMemo(() => (p ? [{ latitude: p.lat, longitude: p.lon, radiusM: c.selected?.location.radiusM ?? null }] : null), [p, c.selected?.location.radiusM]);
  return (
    <>
      <UncertaintyLayer data={circles} />
      <TrailLayer data={trail} />
      <AlertLayer data={features.points} onSelect={c.select} />
      <FrameTarget seq={frameSeq || null} points={points} />
    </>
  );
}
