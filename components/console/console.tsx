"use client";

import dynamic from "next/dynamic";
import { useEffect, useMemo, useRef, useState } from "react";
import { AlertMapLayers } from "@/components/alerts/alert-map-layers";
import { AlertQueue } from "@/components/alerts/alert-queue";
import { AlertToasts } from "@/components/alerts/alert-toasts";
import { isWaiting, useAlertsConsole } from "@/components/alerts/use-alerts-console";
import type { DeviceStatus } from "@/lib/axon/types";
import { NearestIndex } from "@/lib/geo/nearest";
import type { ThemeName } from "@/lib/map/theme";
import { CallList } from "./call-list";
import { CallerSearch } from "./caller-search";
import { ConsoleStateProvider, useConsoleActions, useConsoleState } from "./console-state";
import { DeviceFilters } from "./device-filters";
import { DeviceList } from "./device-list";
import { KeyHelp } from "./key-help";
import { MapLegend } from "./map-legend";
import { MapToolbar } from "./map-toolbar";
import { NEAREST_SHOWN, NearestOfficers } from "./nearest-officers";
import { PanelSection } from "./panel-section";
import { ShareToasts } from "./share-toasts";
import { ThemeProvider } from "./theme";
import { UpstreamBanner } from "./upstream-banner";
import { useConsoleData } from "./use-console-data";
import { useConsoleKeys } from "./use-console-keys";
import { useDeviceFilter } from "./use-device-filter";
import { useLiveNudges } from "./use-live-nudges";
import { useShareAnnouncements } from "./use-share-announcements";
import { useShareSound } from "./use-share-sound";

/**
 * The map (MapLibre, ~290 KiB of the console's gzip JS) loads in its own chunk after the page, so the
 * lists, search and keyboard work while it arrives; the map region says when it is ready.
 */
const ConsoleMap = dynamic(() => import("./console-map").then((m) => m.ConsoleMap), { ssr: false });

/** One line where a details panel is about to appear: its chunk is small and comes from this server. */
function DetailsLoading() {
  return <p className="text-sm text-muted">Loading…</p>;
}

/**
 * The details panels show only once a caller, an alert or a device is selected, never on the
 * first screen: each loads with the first selection (together ~9 KiB of gzip JS the console no
 * longer loads at start), and stays loaded.
 */
const CallerDetails = dynamic(() => import("./caller-details").then((m) => m.CallerDetails), { loading: DetailsLoading });
const loadAlertDetails = () => import("@/components/alerts/alert-details").then((m) => m.AlertDetails);
const AlertDetails = dynamic(loadAlertDetails, { loading: DetailsLoading });
const DeviceDetails = dynamic(() => import("./device-details").then((m) => m.DeviceDetails), { loading: DetailsLoading });

export interface ConsoleProps {
  displayConfidence: number;
  mapStyleUrl: string | null;
  initialTheme: ThemeName;
}

/** The live dispatcher console: calls on the left, the map in the middle, officers on the right. */
export function Console({ initialTheme, ...props }: ConsoleProps) {
  return (
    <ThemeProvider initial={initialTheme}>
      <ConsoleStateProvider>
        <ConsoleLayout {...props} />
      </ConsoleStateProvider>
    </ThemeProvider>
  );
}

function ConsoleLayout({ displayConfidence, mapStyleUrl }: Omit<ConsoleProps, "initialTheme">) {
  const data = useConsoleData(displayConfidence);
  const state = useConsoleState();
  const actions = useConsoleActions();
  const sound = useShareSound().enabled;
  const announcements = useShareAnnouncements(data.calls, data.callsFeed.loaded, sound);
  const alerts = useAlertsConsole(sound);
  useLiveNudges(announcements.onShared);
  useConsoleKeys(actions, { jumpToShared: announcements.jump, jumpToAlert: alerts.jump });
  const shownDevices = useDeviceFilter(data.deviceViews, state.shownStatuses, state.deviceQuery);

  // An alert waits against its SLA: its details panel's code is fetched as soon as one waits, so
  // the first one opened (on a busy computer too) shows at once rather than after "Loading…".
  const alertWaiting = alerts.alerts.some(isWaiting);
  useEffect(() => {
    if (alertWaiting) void loadAlertDetails();
  }, [alertWaiting]);

  // A caller or an alert is selected, never both; selecting an alert frames it on the map.
  const { select: selectAlert, selectedId: selectedAlertId } = alerts;
  const [alertFrame, setAlertFrame] = useState(0);
  useEffect(() => {
    if (state.selectedCallId !== null) selectAlert(null);
  }, [state.selectedCallId, selectAlert]);
  useEffect(() => {
    if (selectedAlertId === null) return;
    actions.selectCall(null);
    // Its own numbering, apart from the console's frame requests (FrameTarget remembers the last per map).
    setAlertFrame((n) => (n === 0 ? 1_000_001 : n + 1));
  }, [selectedAlertId, actions]);

  // Ranked among the devices the filters show, so hiding docked cameras also drops them from "nearest".
  const alertPoint = alerts.selected?.location.point ?? null;
  const alertOrigin = useMemo(() => (alertPoint ? { latitude: alertPoint.lat, longitude: alertPoint.lon } : null), [alertPoint]);
  const origin = alertOrigin ?? data.selectedCallerView?.location ?? null;
  // Rebuilt when cameras move (each device batch); a new caller or alert position only queries it.
  const index = useMemo(() => new NearestIndex(shownDevices, (v) => v.device.location), [shownDevices]);
  const nearest = useMemo(() => (origin ? index.nearest(origin, NEAREST_SHOWN) : []), [origin, index]);
  const counts = useMemo(() => {
    const c: Record<DeviceStatus, number> = { recording: 0, buffering: 0, docked: 0, offline: 0, unknown: 0 };
    for (const v of data.deviceViews) c[v.device.status] += 1;
    return c;
  }, [data.deviceViews]);

  // A call that left the list cannot stay selected. When the number's newer call took its place (the
  // caller called again, or the tracker found the call LEI serves now), the selection follows the
  // number; a call closed here or elsewhere is simply deselected.
  const { selectedCallId } = state;
  const selectedPhone = useRef<{ id: string; phone: string } | null>(null);
  if (data.selectedCall) selectedPhone.current = { id: data.selectedCall.id, phone: data.selectedCall.phone };
  const gone = selectedCallId !== null && data.callsFeed.loaded && data.selectedCall === null;
  const successor = gone && selectedPhone.current?.id === selectedCallId
    ? (data.calls.find((c) => c.phone === selectedPhone.current?.phone)?.id ?? null)
    : null;
  useEffect(() => {
    if (!gone) return;
    actions.selectCall(successor, { frame: false });
  }, [gone, successor, actions]);

  return (
    <div className="grid h-full min-h-0 grid-cols-[minmax(320px,380px)_1fr_minmax(300px,360px)] bg-surface text-fg">
      <aside aria-label="Calls" className="flex min-h-0 flex-col border-r border-line bg-raised">
        <div className="border-b border-line p-3">
          <CallerSearch />
        </div>
        <PanelSection title="Alerts" count={alerts.alerts.filter(isWaiting).length} stale={alerts.failing} headingId="alerts-heading" className="max-h-[34%] shrink-0">
          <div className="min-h-0 overflow-y-auto">
            <AlertQueue console={alerts} />
          </div>
        </PanelSection>
        <PanelSection title="Calls" count={data.calls.length} stale={data.callsStale} headingId="calls-heading" className="max-h-[38%] shrink-0">
          <div className="min-h-0 overflow-y-auto">
            <CallList calls={data.calls} views={data.callerViews} />
          </div>
        </PanelSection>
        <div className="min-h-0 flex-1 overflow-y-auto border-t border-line p-3">
          {alerts.selectedId && alerts.detail?.alert.id === alerts.selectedId ? (
            <AlertDetails detail={alerts.detail} now={alerts.now} />
          ) : data.selectedCall ? (
            <CallerDetails call={data.selectedCall} view={data.selectedCallerView} trailCount={data.trail.length} />
          ) : (
            <p className="text-sm text-muted">Select a call to see the caller&apos;s location, uncertainty and nearest officers.</p>
          )}
        </div>
        <KeyHelp />
      </aside>

      <main className="flex min-h-0 min-w-0 flex-col" aria-label="Map">
        <UpstreamBanner
          callsFeed={data.callsFeed}
          devicesFeed={data.devicesFeed}
          rapidsosDown={data.rapidsosDown}
          axonDown={data.axonDown}
          devicesNotice={data.devicesNotice}
        />
        <div className="relative min-h-0 flex-1">
          <ConsoleMap data={data} shownDevices={shownDevices} nearest={nearest} mapStyleUrl={mapStyleUrl}>
            <AlertMapLayers console={alerts} frameSeq={alertFrame} />
          </ConsoleMap>
          <MapToolbar hasCaller={data.selectedCall !== null} />
          <ShareToasts toasts={announcements.toasts} calls={data.calls} onOpen={announcements.open} onDismiss={announcements.dismiss} />
          <AlertToasts toasts={alerts.toasts} alerts={alerts.alerts} onOpen={alerts.select} onDismiss={alerts.dismiss} />
          <MapLegend displayConfidence={displayConfidence} />
        </div>
      </main>

      <aside aria-label="Officers" className="flex min-h-0 flex-col border-l border-line bg-raised">
        <PanelSection title="Nearest officers" stale={data.devicesStale} headingId="nearest-heading" className="max-h-[40%] shrink-0">
          <div className="min-h-0 overflow-y-auto">
            <NearestOfficers ranked={nearest} hasCaller={origin !== null} />
          </div>
        </PanelSection>
        {data.selectedDeviceView ? (
          <div className="border-t border-line p-3">
            <DeviceDetails view={data.selectedDeviceView} />
          </div>
        ) : null}
        <PanelSection
          title="Devices"
          count={shownDevices.length}
          stale={data.devicesStale}
          headingId="devices-heading"
          className="flex-1 border-t border-line"
        >
          <div className="px-3 pb-2">
            <DeviceFilters counts={counts} />
          </div>
          <div className="min-h-0 flex-1 overflow-y-auto">
            <DeviceList views={shownDevices} />
          </div>
        </PanelSection>
      </aside>
    </div>
  );
}
