"use client";

import { formatCoordinates } from "@/components/console/format";
import { UncertaintyText } from "@/components/console/uncertainty-text";
import { CopyButton } from "@/components/ui/copy-button";
import type { CallerView } from "@/lib/map/features";
import { formatSent, formatUtc } from "@/lib/review/format";
import type { ReviewPoint } from "@/lib/review/types";
import { Fact, Panel } from "./panel";

/** Everything LEI sent about the selected location, and when the app received it. */
export function SelectedPoint({ point, view, index, count }: { point: ReviewPoint; view: CallerView; index: number; count: number }) {
  const coords = formatCoordinates(point.latitude, point.longitude);
  const place = point.place;
  return (
    <Panel
      title="Selected location"
      headingId="selected-point-title"
      aside={
        <span className="font-normal tracking-normal normal-case tabular-nums" data-testid="selected-index">
          {index + 1} of {count}
        </span>
      }
    >
      <dl className="divide-y divide-line/60" data-index={index} data-testid="selected-point">
        <Fact term="Location time" testId="selected-time">
          <span className="font-mono text-[13px]">{formatUtc(point.locationTime)} UTC</span>
        </Fact>
        <Fact term="Coordinates" testId="selected-coordinates">
          <span className="flex items-center gap-2">
            <span className="font-mono text-[13px] select-all">{coords}</span>
            <CopyButton text={coords} label="Copy selected coordinates" />
          </span>
        </Fact>
        <Fact term="Uncertainty" testId="selected-uncertainty">
          <UncertaintyText circle={view.circle} />
        </Fact>
        <Fact term="As sent">
          <span className="tabular-nums">{formatSent(point.uncertainty)}</span>
        </Fact>
        <Fact term="Method">{point.positioningMethod ?? <span className="text-muted">not sent</span>}</Fact>
        <Fact term="Source">
          {point.source}
          {point.application ? <span className="text-muted"> · {point.application}</span> : null}
        </Fact>
        <Fact term="Address">{place?.address ?? <span className="text-muted">not sent</span>}</Fact>
        {place?.name ? <Fact term="Place">{place.name}</Fact> : null}
        {point.altitudeM !== null ? (
          <Fact term="Altitude">
            {Math.round(point.altitudeM)} m{point.altitudeUncertaintyM !== null ? ` ±${Math.ceil(point.altitudeUncertaintyM)} m` : ""}
          </Fact>
        ) : null}
        <Fact term="Created (LEI)">
          <span className="font-mono text-[13px]">{formatUtc(point.createdTime)}</span>
        </Fact>
        <Fact term="Received">
          <span className="font-mono text-[13px]">{formatUtc(point.receivedAt)}</span>
        </Fact>
        {point.outsideJurisdiction !== null ? (
          <Fact term="Jurisdiction">
            {point.outsideJurisdiction ? <span className="font-semibold text-warn">Outside this center&apos;s box</span> : "Inside"}
          </Fact>
        ) : null}
      </dl>
    </Panel>
  );
}
