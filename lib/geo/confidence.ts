/**
 * RFC 7459 §5.4: an uncertainty radius only means something together with its confidence and the
 * shape of its probability density. Circles from different sources are rescaled to one display
 * confidence so they can be compared by eye; when that is not allowed, they are drawn as sent and
 * the label says so. Radii round up and confidences round down, so the map never claims more
 * certainty than the source did.
 */
import quantile from "@stdlib/stats-base-dists-normal-quantile";
import type { Uncertainty } from "@/lib/rapidsos/types";

export type DisplayCircle =
  /** Rescaled to the display confidence (or already at it). */
  | {
      kind: "converted";
      radiusM: number;
      confidence: number;
      sent: { radiusM: number; confidence: number };
      label: string;
      sentLabel: string;
    }
  /** Drawn as sent; `reason` says why it could not be rescaled. */
  | {
      kind: "as-sent";
      radiusM: number;
      confidence: number | null;
      reason: AsSentReason;
      label: string;
    }
  /** No usable radius: nothing is drawn. */
  | { kind: "none"; label: string };

export type AsSentReason =
  | "confidence-missing"
  | "pdf-unknown"
  | "rectangular-cannot-grow"
  | "confidence-out-of-range";

const EPSILON = 1e-9;

/** k(C) = Φ⁻¹((1 + √C) / 2), C a fraction: the radius of a circular normal at confidence C, in σ. */
export function normalScale(confidencePct: number): number {
  return quantile((1 + Math.sqrt(confidencePct / 100)) / 2, 0, 1);
}

/** Whole metres, rounded up; the epsilon keeps an exact 10 from turning into 11 through float noise. */
export function roundRadiusUp(radiusM: number): number {
  return Math.max(1, Math.ceil(radiusM - EPSILON));
}

export function roundConfidenceDown(confidencePct: number): number {
  return Math.floor(confidencePct + EPSILON);
}

export function formatCircle(radiusM: number, confidence: number | null): string {
  return confidence === null ? `±${radiusM} m` : `±${radiusM} m @ ${confidence}%`;
}

const AS_SENT_NOTE: Record<AsSentReason, string> = {
  "confidence-missing": "confidence not stated",
  "pdf-unknown": "as sent, distribution unknown",
  "rectangular-cannot-grow": "as sent, cannot widen a rectangular distribution",
  "confidence-out-of-range": "as sent, confidence out of range",
};

function asSent(radiusM: number, confidence: number | null, reason: AsSentReason): DisplayCircle {
  const r = roundRadiusUp(radiusM);
  const c = confidence === null ? null : roundConfidenceDown(confidence);
  return {
    kind: "as-sent",
    radiusM: r,
    confidence: c,
    reason,
    label: `${formatCircle(r, c)} (${AS_SENT_NOTE[reason]})`,
  };
}

/** The circle to draw for a caller, at `displayConfidence` percent (1–99) when allowed. */
export function toDisplayCircle(u: Uncertainty, displayConfidence: number): DisplayCircle {
  const { radiusM, confidence, pdf } = u;
  if (radiusM === null || !Number.isFinite(radiusM) || radiusM <= 0) {
    return { kind: "none", label: "Uncertainty unknown (no radius sent)" };
  }
  if (confidence === null || !Number.isFinite(confidence)) {
    return asSent(radiusM, null, "confidence-missing");
  }
  if (confidence <= 0 || confidence >= 100) {
    return asSent(radiusM, confidence, "confidence-out-of-range");
  }
  if (pdf === null || pdf === "unknown") return asSent(radiusM, confidence, "pdf-unknown");

  let rawRadius: number;
  if (pdf === "normal") {
    rawRadius = (radiusM * normalScale(displayConfidence)) / normalScale(confidence);
  } else if (displayConfidence < confidence) {
    rawRadius = radiusM * Math.sqrt(displayConfidence / confidence);
  } else if (displayConfidence === confidence) {
    rawRadius = radiusM;
  } else {
    return asSent(radiusM, confidence, "rectangular-cannot-grow");
  }
  const r = roundRadiusUp(rawRadius);
  const c = roundConfidenceDown(displayConfidence);
  const sent = { radiusM: roundRadiusUp(radiusM), confidence: roundConfidenceDown(confidence) };
  return {
    kind: "converted",
    radiusM: r,
    confidence: c,
    sent,
    label: formatCircle(r, c),
    sentLabel: `sent ${formatCircle(sent.radiusM, sent.confidence)}`,
  };
}

/** Axon states no confidence for its accuracy: drawn as sent and called what it is. */
export function accuracyLabel(accuracyM: number | null): string {
  return accuracyM === null ? "accuracy unknown" : `±${roundRadiusUp(accuracyM)} m accuracy`;
}
