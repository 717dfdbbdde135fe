import { describe, expect, it } from "vitest";
import { parseRetryAfter } from "./retry-after";

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-11-03T12:00:00Z");
  it.each<[string | null, number | null]>([
    [null, null],
    ["", null],
    ["12", 12],
    [" 0 ", 0],
    ["soon", null],
    ["-5", null],
    ["1.5", null],
    ["Tue, 03 Nov 2026 12:00:30 GMT", 30],
    ["Tue, 03 Nov 2026 11:59:00 GMT", 0],
    ["999999", 3600],
  ])("%j → %j", (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});
