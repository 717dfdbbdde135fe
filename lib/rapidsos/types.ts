/**
 * Our own types for what RapidSOS sends, after `reshape` turned wire strings into numbers and
 * absent values into null. The browser imports these (types only).
 */

/** RFC 7459 probability density behind `uncertainty_confidence`. */
export type ConfidencePdf = "normal" | "rectangular" | "unknown";

/**
 * The horizontal uncertainty exactly as sent. `radiusM` null means unknown (missing, unparseable,
 * or <= 0). `confidence` is 0–100 or null when not reported; `pdf` null when not reported.
 */
export interface Uncertainty {
  radiusM: number | null;
  confidence: number | null;
  pdf: ConfidencePdf | null;
}

/** Reverse-geocoded place closest to the location (LEI `rg_*` fields); null when LEI sent none. */
export interface ReverseGeocodedPlace {
  engine: string | null;
  name: string | null;
  id: string | null;
  likelihood: number | null;
  address: string | null;
  exactLocation: string | null;
  latitude: number | null;
  longitude: number | null;
  contact: string | null;
  additionalInfoUrl: string | null;
}

/** One LEI location record. Times are UNIX milliseconds (UTC). */
export interface CallerLocation {
  callerId: string;
  formatVersion: string;
  createdTime: number;
  locationTime: number;
  callStartTime: number;
  /** What triggered the location on the device, e.g. "call" or "sms". */
  source: string;
  callerName: string | null;
  positioningMethod: string | null;
  application: string | null;
  latitude: number;
  longitude: number;
  altitudeM: number | null;
  altitudeUncertaintyM: number | null;
  uncertainty: Uncertainty;
  place: ReverseGeocodedPlace | null;
}

/** One page of LEI results as our API returns it. */
export interface LeiLocationResponse {
  callerId: string;
  records: CallerLocation[];
  /** Opaque; pass back as `cursor` for the next page. Null when LEI said there is no next page. */
  nextCursor: string | null;
  /** Records LEI sent that failed validation and were dropped (and logged). */
  dropped: number;
  /** Server's clock (ms) when the answer was made, for computing ages without trusting the browser clock. */
  serverTime: number;
  /**
   * Where the records came from: LEI just now, or the cluster's tracker (which polled LEI within its
   * interval). "tracker-stale": LEI refused (429) or failed, and these are the last records stored.
   */
  source?: "lei" | "tracker" | "tracker-stale";
}
