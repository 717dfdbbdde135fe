import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, InvalidCursorError, pageFromNext, pageUrl } from "./cursor";

const BASE = "http://127.0.0.1:4010/sandbox/rapidsos";

describe("LEI cursors", () => {
  it("round-trips a next URL into an opaque cursor and back onto the configured base", () => {
    const next = `${BASE}/v1/rsos/location?caller_id=14125550101&start=1700000000000&limit=10`;
    const page = pageFromNext(next, BASE);
    expect(page).not.toBeNull();
    const cursor = encodeCursor(page!);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    const decoded = Buffer.from(cursor, "base64url").toString();
    expect(decoded).not.toContain("127.0.0.1");
    expect(decoded).not.toContain("sandbox");
    const back = decodeCursor(cursor);
    expect(back.callerId).toBe("14125550101");
    expect(pageUrl(BASE, back)).toBe(next);
  });

  it("keeps the trailing-slash form LEI documents", () => {
    const next = `${BASE}/v1/rsos/location/?caller_id=15555555555&limit=10`;
    expect(pageUrl(BASE, decodeCursor(encodeCursor(pageFromNext(next, BASE)!)))).toBe(next);
  });

  it("resolves a relative next against the endpoint", () => {
    const page = pageFromNext("?caller_id=14125550101&start=5", BASE);
    expect(page?.params).toEqual([
      ["caller_id", "14125550101"],
      ["start", "5"],
    ]);
  });

  it.each([
    ["another host", "http://evil.example/sandbox/rapidsos/v1/rsos/location?caller_id=14125550101"],
    ["another port", "http://127.0.0.1:9999/sandbox/rapidsos/v1/rsos/location?caller_id=14125550101"],
    ["https instead of http", "https://127.0.0.1:4010/sandbox/rapidsos/v1/rsos/location?caller_id=14125550101"],
    ["another path", `${BASE}/v1/rsos/other?caller_id=14125550101`],
    ["a path outside the base", "http://127.0.0.1:4010/v1/rsos/location?caller_id=14125550101"],
    ["credentials in the URL", "http://u:p@127.0.0.1:4010/sandbox/rapidsos/v1/rsos/location?caller_id=14125550101"],
    ["a token in the query", `${BASE}/v1/rsos/location?caller_id=14125550101&access_token=abc`],
    ["no caller_id", `${BASE}/v1/rsos/location?start=5`],
    ["not a URL", "http://[::1"],
  ])("refuses to follow %s", (_label, next) => {
    expect(pageFromNext(next, BASE)).toBeNull();
  });

  it.each([
    ["empty", ""],
    ["not base64url", "abc+/="],
    ["not JSON", Buffer.from("nope").toString("base64url")],
    ["wrong version", Buffer.from(JSON.stringify({ v: 2, s: false, p: [["caller_id", "14125550101"]] })).toString("base64url")],
    ["no caller", Buffer.from(JSON.stringify({ v: 1, s: false, p: [["start", "1"]] })).toString("base64url")],
    ["two callers", Buffer.from(JSON.stringify({ v: 1, s: false, p: [["caller_id", "14125550101"], ["caller_id", "14125550102"]] })).toString("base64url")],
    ["a token param", Buffer.from(JSON.stringify({ v: 1, s: false, p: [["caller_id", "14125550101"], ["token", "x"]] })).toString("base64url")],
  ])("rejects a %s cursor", (_label, cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(InvalidCursorError);
  });
});
