import { describe, expect, it } from "vitest";
import type { Uncertainty } from "@/lib/rapidsos/types";
import { accuracyLabel, normalScale, toDisplayCircle } from "./confidence";

const u = (radiusM: number | null, confidence: number | null, pdf: Uncertainty["pdf"]): Uncertainty => ({
  radiusM,
  confidence,
  pdf,
});

/** The unrounded normal rescaling, to check the maths against DESIGN.md before rounding hides it. */
const rescale = (r: number, from: number, to: number) => (r * normalScale(to)) / normalScale(from);

describe("normal pdf", () => {
  it("matches the check values in DESIGN.md", () => {
    expect(rescale(10, 90, 95)).toBeCloseTo(11.476, 3);
    expect(rescale(50, 95, 90)).toBeCloseTo(43.569, 3);
  });

  it("k(C) = Φ⁻¹((1+√C)/2), checked where Φ⁻¹ is textbook", () => {
    // √C = 0.95 → Φ⁻¹(0.975) = 1.959964; √C = 0.9 → Φ⁻¹(0.95) = 1.644854.
    expect(normalScale(90.25)).toBeCloseTo(1.959964, 6);
    expect(normalScale(81)).toBeCloseTo(1.644854, 6);
  });

  it("rounds the radius up and keeps the display confidence", () => {
    expect(toDisplayCircle(u(10, 90, "normal"), 95)).toMatchObject({
      kind: "converted",
      radiusM: 12,
      confidence: 95,
      label: "±12 m @ 95%",
      sentLabel: "sent ±10 m @ 90%",
    });
    expect(toDisplayCircle(u(50, 95, "normal"), 90)).toMatchObject({ radiusM: 44, label: "±44 m @ 90%" });
  });

  it("leaves a circle already at the display confidence alone, without float noise", () => {
    expect(toDisplayCircle(u(10, 90, "normal"), 90)).toMatchObject({ kind: "converted", radiusM: 10 });
  });

  it("rounds a fractional sent confidence down in what it reports as sent", () => {
    const c = toDisplayCircle(u(20, 67.9, "normal"), 90);
    expect(c).toMatchObject({ kind: "converted", confidence: 90, sent: { radiusM: 20, confidence: 67 } });
  });
});

describe("rectangular pdf", () => {
  it("may shrink: r·√(Cd/Co)", () => {
    // 100 · √(90/95) = 97.33 → 98
    expect(toDisplayCircle(u(100, 95, "rectangular"), 90)).toMatchObject({
      kind: "converted",
      radiusM: 98,
      confidence: 90,
      label: "±98 m @ 90%",
    });
  });

  it("never grows: shown as sent and labelled", () => {
    const c = toDisplayCircle(u(100, 68, "rectangular"), 90);
    expect(c).toMatchObject({ kind: "as-sent", radiusM: 100, confidence: 68, reason: "rectangular-cannot-grow" });
    expect(c.label).toBe("±100 m @ 68% (as sent, cannot widen a rectangular distribution)");
  });
});

describe("what cannot be converted", () => {
  it.each([
    ["unknown pdf", u(30, 68, "unknown"), "pdf-unknown", 68],
    ["missing pdf", u(30, 68, null), "pdf-unknown", 68],
    ["missing confidence", u(30, null, "normal"), "confidence-missing", null],
    ["confidence 100", u(30, 100, "normal"), "confidence-out-of-range", 100],
    ["confidence 0", u(30, 0, "normal"), "confidence-out-of-range", 0],
  ] as const)("%s is drawn as sent", (_name, input, reason, confidence) => {
    expect(toDisplayCircle(input, 90)).toMatchObject({ kind: "as-sent", radiusM: 30, confidence, reason });
  });

  it("labels a missing confidence without inventing one", () => {
    expect(toDisplayCircle(u(30.2, null, null), 90).label).toBe("±31 m (confidence not stated)");
  });

  it.each([null, 0, -1, Number.NaN])("radius %s means no circle, and says so", (radiusM) => {
    expect(toDisplayCircle(u(radiusM, 90, "normal"), 90)).toEqual({
      kind: "none",
      label: "Uncertainty unknown (no radius sent)",
    });
  });
});

describe("Axon accuracy", () => {
  it("is drawn as sent and called accuracy", () => {
    expect(accuracyLabel(7.2)).toBe("±8 m accuracy");
    expect(accuracyLabel(null)).toBe("accuracy unknown");
  });
});
