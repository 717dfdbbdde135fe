"use client";

import type { ReactNode } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import type { CallSummary } from "@/lib/calls/types";
import { formatAge } from "@/lib/time/freshness";
import type { CallerView } from "@/lib/map/features";
import { formatPhone } from "@/lib/phone/format";
import { AdditionalDataCards, AdditionalDataFlags } from "./additional-data-cards";
import { CallActions } from "./call-actions";
import { formatClock, formatCoordinates, formatDateTime } from "./format";
import { FreshnessBadge } from "./freshness-badge";
import { noLocationText, ShareLocationNote } from "./location-origin";
import { OutsideJurisdictionFlag } from "./outside-jurisdiction-flag";
import { PlaceInfoLink, PlaceName } from "./place-fields";
import { UncertaintyText } from "./uncertainty-text";

function Field({ term, children, testId }: { term: string; children: ReactNode; testId?: string }) {
  return (
    <div className="grid grid-cols-[7.5rem_1fr] gap-2 py-1">
      <dt className="text-xs text-muted">{term}</dt>
      <dd className="min-w-0 text-sm text-fg" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

/**
 * Everything known about the selected caller. Read-only on purpose: nothing here changes a call
 * record (DESIGN: RapidSOS location is supplemental to the carrier's and never written back).
 */
export function CallerDetails({ call, view, trailCount }: { call: CallSummary; view: CallerView | null; trailCount: number }) {
  const loc = view?.location ?? null;
  const place = loc?.place ?? null;
  return (
    <section
      aria-labelledby="caller-details-title"
      className="flex flex-col gap-2"
      data-call-id={call.id}
      data-trail-count={trailCount}
      data-freshness={view?.freshness}
      data-shared={String(call.shared)}
      data-outside-jurisdiction={call.share?.outsideJurisdiction == null ? undefined : String(call.share.outsideJurisdiction)}
    >
      <div className="flex items-start justify-between gap-2">
        <div>
          <h2 id="caller-details-title" className="font-mono text-lg font-semibold text-fg">
            {formatPhone(call.phone)}
          </h2>
          <p className="text-sm text-muted">{call.callerName ?? "Caller name not sent"}</p>
        </div>
        {view ? (
          <FreshnessBadge freshness={view.freshness} age={formatAge(view.ageMs)} inactiveLabel={call.status === "ended" ? "Ended" : "Idle"} />
        ) : null}
      </div>
      {view && view.freshness !== "live" ? (
        <p role="status" className="rounded border border-warn/50 bg-warn-bg px-2 py-1 text-sm text-warn" data-testid="caller-stale">
          {call.status === "ended"
            ? `Call ended${call.endedAt ? ` at ${formatClock(call.endedAt)}` : ""}: last known location, ${formatAge(view.ageMs)} old.`
            : `No new location for ${formatAge(view.ageMs)}: this position may be out of date.`}
        </p>
      ) : null}
      <AdditionalDataFlags subject={{ kind: "call", id: call.id }} />
      {call.share?.outsideJurisdiction ? <OutsideJurisdictionFlag long /> : null}
      <ShareLocationNote call={call} view={view} />
      <CallActions call={call} />
      {loc && view ? (
        <dl className="divide-y divide-line/60">
          <Field term="Coordinates" testId="caller-coordinates">
            <span className="flex items-center gap-2">
              <span className="font-mono text-[13px] select-all">{formatCoordinates(loc.latitude, loc.longitude)}</span>
              <CopyButton text={formatCoordinates(loc.latitude, loc.longitude)} label="Copy caller coordinates" />
            </span>
          </Field>
          <Field term="Uncertainty" testId="caller-uncertainty">
            <UncertaintyText circle={view.circle} />
          </Field>
          <Field term="Address">{place?.address ?? <span className="text-muted">not sent</span>}</Field>
          {place?.name ? <Field term="Place"><PlaceName place={place} /></Field> : null}
          {place?.exactLocation ? <Field term="Exact location" testId="caller-exact-location">{place.exactLocation}</Field> : null}
          {place?.contact ? <Field term="Place phone" testId="caller-place-contact"><span className="font-mono text-[13px] select-all">{place.contact}</span></Field> : null}
          {place?.additionalInfoUrl ? <Field term="More about it" testId="caller-place-info"><PlaceInfoLink url={place.additionalInfoUrl} /></Field> : null}
          <Field term="Method">{loc.positioningMethod ?? <span className="text-muted">not sent</span>}</Field>
          {loc.altitudeM !== null ? (
            <Field term="Altitude">
              {Math.round(loc.altitudeM)} m
              {loc.altitudeUncertaintyM !== null ? ` ±${Math.ceil(loc.altitudeUncertaintyM)} m` : ""}
            </Field>
          ) : null}
          <Field term="Call start">{call.callStartTime ? formatDateTime(call.callStartTime) : "unknown"}</Field>
          <Field term="Location time" testId="caller-location-time">
            {formatClock(loc.locationTime)} <span className="text-muted">({formatAge(view.ageMs)} ago)</span>
          </Field>
          <Field term="Trail">
            {trailCount} location{trailCount === 1 ? "" : "s"}
            {loc.application ? <span className="text-muted"> · {loc.application}</span> : null}
          </Field>
        </dl>
      ) : (
        <p className="text-sm text-muted" data-testid="caller-no-location">{noLocationText(call)}</p>
      )}
      <AdditionalDataCards subject={{ kind: "call", id: call.id }} />
      {call.share ? (
        <dl className="divide-y divide-line/60 border-t border-line/60" aria-label="Data Share">
          <Field term="Shared" testId="share-received">
            from RapidSOS Portal at {formatClock(call.share.receivedAt)}
          </Field>
          <Field term="ECC account" testId="share-ecc-account">
            {call.share.eccAccountId ? <span className="font-mono text-[13px]">{call.share.eccAccountId}</span> : <span className="text-muted">not sent</span>}
          </Field>
        </dl>
      ) : null}
      <p className="text-xs text-muted">
        RapidSOS location — supplemental to the carrier (ALI) location. Viewing it changes no call record.
      </p>
    </section>
  );
}
