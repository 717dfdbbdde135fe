"use client";

import { AdditionalDataCards, AdditionalDataFlags } from "@/components/console/additional-data-cards";
import { CopyButton } from "@/components/ui/copy-button";
import type { AlertDetailResponse } from "@/lib/alerts/types";
import { describeAlertLocation } from "@/lib/map/alert-features";
import { formatPhone } from "@/lib/phone/format";
import { AlertActions } from "./alert-actions";
import { AlertChat, AlertTimeline } from "./alert-timeline";
import { statusWords } from "./alert-queue";
import { SlaCountdown } from "./sla-countdown";

function address(d: AlertDetailResponse["alert"]["location"]["civic"]): string | null {
  if (!d) return null;
  return [d.name, [d.street1, d.street2].filter(Boolean).join(", "), [d.city, d.state, d.zip].filter(Boolean).join(" ")].filter(Boolean).join(", ") || null;
}

const phone = (p: string) => (/^\+?\d{10,15}$/.test(p) ? formatPhone(p.replace(/^\+/, "")) : p);

/** One alert: what, where (said honestly), who to call, instructions, actions and the timeline. */
export function AlertDetails({ detail, now }: { detail: AlertDetailResponse; now: number }) {
  const { alert: a, timeline, decidedBy } = detail;
  const where = address(a.location.civic);
  const p = a.location.point;
  const stationPhone = a.authorizedEntity?.phone ?? null;
  return (
    <section aria-label="Alert details" data-alert-id={a.id} className="flex flex-col gap-2.5 text-sm">
      <header className="flex items-start justify-between gap-2">
        <div>
          <h3 className="text-base font-semibold">
            {a.emergencyType.displayName}
            {a.siteType ? <span className="font-normal text-muted"> · {a.siteType.displayName}</span> : null}
            {a.test ? <span className="ml-1 rounded border border-warn px-1 text-[10px] text-warn uppercase">test</span> : null}
          </h3>
          <p className="text-xs text-muted" data-testid="alert-detail-status">
            {statusWords(a)}
            {a.declineReason ? ` — “${a.declineReason}”` : ""}
          </p>
        </div>
        <SlaCountdown alert={a} now={now} />
      </header>
      <AdditionalDataFlags subject={{ kind: "alert", id: a.id }} />
      {a.description ? <p>{a.description}</p> : null}

      <div className="rounded border border-line p-2">
        <p className="text-xs font-semibold text-muted uppercase">Location</p>
        {where ? (
          <p className="flex items-center gap-1.5">
            <span>{where}</span> <CopyButton text={where} label="Copy address" />
          </p>
        ) : null}
        <p data-testid="alert-location-basis" className="text-xs">
          {describeAlertLocation(a.location)}
        </p>
        {p && a.location.provided !== "CIVIC" ? (
          <p className="flex items-center gap-1.5 font-mono text-xs">
            {p.lat.toFixed(6)}, {p.lon.toFixed(6)} <CopyButton text={`${p.lat.toFixed(6)}, ${p.lon.toFixed(6)}`} label="Copy coordinates" />
          </p>
        ) : null}
        {a.history.length > 1 ? <p className="text-xs text-muted">{a.history.length} locations received (trail on the map)</p> : null}
      </div>

      {a.supplementalOnly ? (
        <div role="note" className="rounded border border-warn bg-warn-bg p-2 text-xs" data-testid="alert-supplemental">
          Supplemental only: this center cannot answer or chat here. Call the central station
          {stationPhone ? (
            <>
              {" "}
              at <b className="font-mono">{phone(stationPhone)}</b> <CopyButton text={stationPhone} label="Copy the central station's number" />
            </>
          ) : null}
          .
        </div>
      ) : (
        <AlertActions alert={a} decidedBy={decidedBy} />
      )}

      {a.instructions ? (
        <div className="rounded border border-line p-2">
          <p className="text-xs font-semibold text-muted uppercase">Instructions</p>
          <p className="flex items-start gap-1.5">
            <span>{a.instructions}</span> <CopyButton text={a.instructions} label="Copy instructions" />
          </p>
        </div>
      ) : null}

      {a.contacts.length > 0 || a.details.length > 0 || a.authorizedEntity ? (
        <dl className="grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5 text-xs">
          {a.authorizedEntity ? (
            <>
              <dt className="text-muted">Central station</dt>
              <dd>
                {a.authorizedEntity.name} {stationPhone ? <span className="font-mono">{phone(stationPhone)}</span> : null}
              </dd>
            </>
          ) : null}
          {a.serviceProviderName ? (
            <>
              <dt className="text-muted">Provider</dt>
              <dd>{a.serviceProviderName}</dd>
            </>
          ) : null}
          {a.contacts.map((c, i) => (
            <div key={`c${i}`} className="contents">
              <dt className="text-muted">{c.relationship ?? "Contact"}</dt>
              <dd className="flex items-center gap-1.5">
                {c.name} <span className="font-mono">{phone(c.phone)}</span> <CopyButton text={c.phone} label={`Copy ${c.name}'s number`} />
                {c.language ? <span className="text-muted">({c.language})</span> : null}
              </dd>
            </div>
          ))}
          {a.details.map((d, i) => (
            <div key={`d${i}`} className="contents">
              <dt className="text-muted">{d.label}</dt>
              <dd>{d.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}

      <AdditionalDataCards subject={{ kind: "alert", id: a.id }} />

      <div>
        <p className="mb-1 text-xs font-semibold text-muted uppercase">Timeline</p>
        <AlertTimeline entries={timeline} />
      </div>
      {a.chatEnabled && !a.supplementalOnly ? <AlertChat alertId={a.id} /> : null}
    </section>
  );
}
