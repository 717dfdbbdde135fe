"use client";

import type { ReverseGeocodedPlace } from "@/lib/rapidsos/types";

/** Only http(s) links are followed: the URL comes from outside and must not run script. */
export function safeInfoUrl(raw: string | null): string | null {
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch {
    return null;
  }
}

const ENGINE_NAME: Record<string, string> = { google: "Google", apple: "Apple" };

/** The place's name and which geocoder named it (LEI `rg_name`, `rg_engine`). */
export function PlaceName({ place }: { place: ReverseGeocodedPlace }) {
  return (
    <span data-testid="caller-place" data-rg-engine={place.engine ?? undefined}>
      {place.name}
      {place.engine ? <span className="text-muted"> · named by {ENGINE_NAME[place.engine] ?? place.engine}</span> : null}
    </span>
  );
}

/** A link to more about the place (LEI `rg_additional_info_url`), or the text if it is not a web link. */
export function PlaceInfoLink({ url }: { url: string }) {
  const href = safeInfoUrl(url);
  if (!href) return <span className="break-all text-muted">{url}</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" className="break-all text-accent underline">
      {href}
    </a>
  );
}
