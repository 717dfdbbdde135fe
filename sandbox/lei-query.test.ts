import { describe, expect, it } from "vitest";
import { callerFromTelUri, checkCallerId, nextUrl, parseLeiInput, positiveInt, selectPage } from "./lei-query";

describe("positiveInt (values that are not positive integers are ignored)", () => {
  it.each([
    ["5", 5], ["05", 5], [" 7 ", 7], [12, 12],
    ["0", null], [0, null], ["-3", null], ["1.5", null], [1.5, null], ["abc", null], ["", null], [undefined, null], [null, null], [true, null],
  ])("%j → %j", (raw, expected) => {
    expect(positiveInt(raw)).toBe(expected);
  });
});

describe("checkCallerId", () => {
  it("accepts digits with the country code", () => {
    expect(checkCallerId("14125550101")).toEqual({ ok: true, value: "14125550101" });
    expect(checkCallerId("447700900123")).toEqual({ ok: true, value: "447700900123" });
    expect(checkCallerId(14125550101)).toEqual({ ok: true, value: "14125550101" });
  });

  it.each([
    [undefined, /required/],
    ["", /required/],
    ["+14125550101", /digits only/],
    ["412-555-0101", /digits only/],
    ["4125550101", /country code/],
    ["1412555010", /not a valid/],
    ["141255501011", /not a valid/],
    ["1234", /not a valid/],
  ])("rejects %j with a detail saying why", (raw, why) => {
    const r = checkCallerId(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.detail).toMatch(why);
  });
});

describe("callerFromTelUri", () => {
  it("reads tel://, tel: and tel:+ forms", () => {
    expect(callerFromTelUri("tel://14125550101")).toEqual({ ok: true, value: "14125550101" });
    expect(callerFromTelUri("tel:+14125550101")).toEqual({ ok: true, value: "14125550101" });
    expect(callerFromTelUri("mailto:x@y").ok).toBe(false);
    expect(callerFromTelUri(14125550101).ok).toBe(false);
  });
});

describe("parseLeiInput", () => {
  it("clamps limit to 100 and ignores bad start/limit/offset", () => {
    expect(parseLeiInput({ caller_id: "14125550101", limit: "500", start: "x", offset: "-1" })).toEqual({
      ok: true,
      value: { callerId: "14125550101", start: null, limit: 100, offset: 0 },
    });
  });

  it("takes the caller from query when caller_id is absent, and refuses a mismatch", () => {
    expect(parseLeiInput({ query: "tel://14125550102", start: 5 })).toMatchObject({ ok: true, value: { callerId: "14125550102", start: 5 } });
    expect(parseLeiInput({ caller_id: "14125550101", query: "tel://14125550102" })).toMatchObject({ ok: false });
    expect(parseLeiInput({})).toMatchObject({ ok: false });
  });
});

describe("selectPage", () => {
  const recs = [100, 200, 300, 400, 500].map((createdTime) => ({ createdTime }));
  const p = (start: number | null, limit: number | null, offset = 0) => ({ callerId: "1", start, limit, offset });

  it("returns only the latest record with neither start nor limit", () => {
    expect(selectPage(recs, p(null, null))).toEqual({ results: [{ createdTime: 500 }], nextOffset: null, limit: null });
  });

  it("returns records created after start, ascending, 10 per page by default", () => {
    expect(selectPage(recs, p(200, null))?.results.map((r) => r.createdTime)).toEqual([300, 400, 500]);
    expect(selectPage(recs, p(200, null))?.nextOffset).toBeNull();
  });

  it("with limit but no start, starts from the oldest and pages", () => {
    const first = selectPage(recs, p(null, 2));
    expect(first?.results.map((r) => r.createdTime)).toEqual([100, 200]);
    expect(first?.nextOffset).toBe(2);
    const last = selectPage(recs, p(null, 2, 4));
    expect(last?.results.map((r) => r.createdTime)).toEqual([500]);
    expect(last?.nextOffset).toBeNull();
  });

  it("is null (404) when nothing matches or the offset is past the end", () => {
    expect(selectPage([], p(null, null))).toBeNull();
    expect(selectPage(recs, p(500, null))).toBeNull();
    expect(selectPage(recs, p(null, 2, 5))).toBeNull();
  });
});

describe("nextUrl", () => {
  it("keeps caller, start and limit and sets offset", () => {
    expect(nextUrl("http://h:1", "/sandbox/rapidsos/v1/rsos/location/", { callerId: "14125550101", start: 9, limit: 5, offset: 0 }, 5, 5)).toBe(
      "http://h:1/sandbox/rapidsos/v1/rsos/location/?caller_id=14125550101&start=9&limit=5&offset=5",
    );
  });
});
