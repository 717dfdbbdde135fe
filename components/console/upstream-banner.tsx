"use client";

import type { DeviceFeedStatus } from "@/lib/live/device-delta";
import type { FeedState } from "./use-console-data";
import { formatClock } from "./format";

function why(err: { status: number | null; retryAfterS: number | null } | null): string {
  if (!err || err.status === null) return "no answer";
  if (err.status === 429) return `rate limited${err.retryAfterS ? `, retrying after ${err.retryAfterS} s` : ""}`;
  if (err.status === 504) return "timed out";
  if (err.status === 0) return "server unreachable";
  return `error ${err.status}`;
}

function heldSince(updatedAt: number): string {
  return updatedAt > 0 ? `Last good data at ${formatClock(updatedAt)}.` : "No data received yet.";
}

export interface BannerProps {
  callsFeed: FeedState;
  devicesFeed: FeedState;
  rapidsosDown: { detail: string; lastOkAt: string | null } | null;
  /** The cluster's device poller cannot reach Axon (the feed itself answers, with its last data). */
  axonDown: DeviceFeedStatus | null;
  devicesNotice: string | null;
}

/** Upstream trouble in plain words, above the map: the last data stays on screen, marked stale. */
export function UpstreamBanner({ callsFeed, devicesFeed, rapidsosDown, axonDown, devicesNotice }: BannerProps) {
  const problems: { key: string; text: string }[] = [];
  if (callsFeed.failing) {
    problems.push({ key: "calls", text: `Caller locations unavailable (${why(callsFeed.error)}). ${heldSince(callsFeed.updatedAt)}` });
  } else if (rapidsosDown) {
    const since = rapidsosDown.lastOkAt ? ` Last good answer ${formatClock(Date.parse(rapidsosDown.lastOkAt))}.` : "";
    problems.push({ key: "rapidsos", text: `RapidSOS is not answering (${rapidsosDown.detail}). Caller locations may be out of date.${since}` });
  }
  if (devicesFeed.failing) {
    problems.push({ key: "devices", text: `Body-camera data unavailable (${why(devicesFeed.error)}). ${heldSince(devicesFeed.updatedAt)}` });
  } else if (axonDown) {
    problems.push({ key: "devices", text: `Body-camera data unavailable (${why(axonDown)}). ${heldSince(axonDown.lastOkAt ?? 0)}` });
  }

  if (problems.length === 0 && !devicesNotice) return null;
  return (
    <div className="flex flex-col gap-px border-b border-line">
      {problems.length > 0 ? (
        <div
          role="alert"
          data-testid="upstream-banner"
          className="border-l-4 border-danger bg-danger-bg px-3 py-2 text-sm text-fg"
        >
          <p className="font-semibold text-danger">Upstream trouble — the last data stays on screen, marked stale</p>
          <ul className="mt-0.5 list-disc pl-5">
            {problems.map((p) => (
              <li key={p.key} data-upstream={p.key}>
                {p.text}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {devicesNotice ? (
        <div role="status" className="border-l-4 border-warn bg-warn-bg px-3 py-1.5 text-sm text-warn">
          {devicesNotice}
        </div>
      ) : null}
    </div>
  );
}
