"use client";

import dynamic from "next/dynamic";
import { useCallback, useMemo, useState } from "react";
import { AdditionalDataView } from "@/components/console/additional-data-cards";
import type { AdditionalDataResponse } from "@/lib/additional-data/types";
import { selectedPointView } from "@/lib/review/features";
import type { ReviewCallResponse } from "@/lib/review/types";
import { NearestAtTime } from "./nearest-at-time";
import { SelectedPoint } from "./selected-point";
import { ShareDetails } from "./share-details";
import { TimelineTable } from "./timeline-table";
import { useNearestDevices } from "./use-nearest-devices";

/**
 * The map (MapLibre, ~290 KiB of gzip JS) loads in its own chunk once the page is shown, as on the
 * console: opening a call from the list no longer waits for it, and the timeline, the selected
 * location and the exports are there at once. The map region says when it is ready.
 */
const ReviewMap = dynamic(() => import("./review-map").then((m) => m.ReviewMap), {
  ssr: false,
  loading: () => <p className="p-3 text-sm text-muted">Loading the map…</p>,
});

/**
 * One stored call: the map, the timeline and the side panel share one selection (the latest location
 * to start with). Read-only: the data came with the page, whose render was the audited view.
 */
export function CallReview({
  data,
  displayConfidence,
  mapStyleUrl,
  additionalData = null,
}: {
  data: ReviewCallResponse;
  displayConfidence: number;
  mapStyleUrl: string | null;
  additionalData?: AdditionalDataResponse | null;
}) {
  const { call, trail, share } = data;
  const [selected, setSelected] = useState(Math.max(0, trail.length - 1));
  const [followSeq, setFollowSeq] = useState<number | null>(null);
  const point = trail[selected] ?? null;
  const view = useMemo(() => (point ? selectedPointView(call, point, displayConfidence) : null), [call, point, displayConfidence]);
  const nearest = useNearestDevices(call.id, point?.locationTime ?? null);

  const select = useCallback((index: number) => {
    setSelected(index);
    setFollowSeq((s) => (s ?? 0) + 1);
  }, []);

  return (
    <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_25rem]">
      <div className="flex min-w-0 flex-col gap-4">
        <div className="relative h-[52vh] min-h-80 overflow-hidden rounded-lg border border-line bg-sunken">
          <ReviewMap
            call={call}
            trail={trail}
            selected={view}
            nearest={nearest.data ?? null}
            followSeq={followSeq}
            displayConfidence={displayConfidence}
            mapStyleUrl={mapStyleUrl}
          />
        </div>
        <section aria-labelledby="timeline-title" className="flex flex-col gap-2">
          <h2 id="timeline-title" className="flex items-baseline gap-2 text-sm font-semibold text-fg">
            Timeline
            <span className="text-xs font-normal text-muted" data-testid="timeline-count">
              {trail.length} location{trail.length === 1 ? "" : "s"} · ↑ ↓ Home End to move · circles @ {displayConfidence}%
            </span>
          </h2>
          <TimelineTable points={trail} selected={selected} onSelect={select} displayConfidence={displayConfidence} />
        </section>
      </div>
      <aside aria-label="Selected location and context" className="flex flex-col gap-4">
        {point && view ? <SelectedPoint point={point} view={view} index={selected} count={trail.length} /> : null}
        {additionalData ? <AdditionalDataView data={additionalData.data} /> : null}
        <NearestAtTime
          at={point?.locationTime ?? null}
          data={nearest.data}
          loading={nearest.isFetching}
          error={nearest.error ? nearest.error.message : null}
        />
        <ShareDetails shared={call.shared} share={share} />
      </aside>
    </div>
  );
}
