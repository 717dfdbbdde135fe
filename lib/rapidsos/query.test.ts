import { describe, expect, it } from "vitest";
import { encodeCursor } from "./cursor";
import { leiGetQuerySchema, leiPostBodySchema } from "./query";

const cursorFor = (callerId: string) =>
  encodeCursor({ callerId, params: [["caller_id", callerId], ["start", "5"]], trailingSlash: false });

describe("LEI query input", () => {
  it("normalises caller_id and reads start/limit as LEI does", () => {
    expect(
      leiGetQuerySchema.parse({ caller_id: "(412) 555-0101", start: "1700000000000", limit: "5" }),
    ).toEqual({ callerId: "14125550101", start: 1700000000000, limit: 5 });
  });

  it.each([
    ["0", undefined],
    ["-3", undefined],
    ["abc", undefined],
    ["2.5", undefined],
    ["", undefined],
    ["100", 100],
    ["500", 100],
  ])("limit %j → %j (non-positive-integers ignored, capped at 100)", (value, expected) => {
    expect(leiGetQuerySchema.parse({ caller_id: "4125550101", limit: value })).toMatchObject({ limit: expected });
  });

  it("rejects a caller_id that cannot be a phone number, naming the field", () => {
    const r = leiGetQuerySchema.safeParse({ caller_id: "pizza" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(["caller_id"]);
  });

  it("needs caller_id or a cursor", () => {
    expect(leiGetQuerySchema.safeParse({}).success).toBe(false);
    expect(leiGetQuerySchema.parse({ cursor: cursorFor("14125550101") })).toEqual({
      page: { callerId: "14125550101", params: [["caller_id", "14125550101"], ["start", "5"]], trailingSlash: false },
    });
  });

  it("rejects a forged cursor, or one for another number, naming the field", () => {
    const forged = leiGetQuerySchema.safeParse({ cursor: "garbage!" });
    expect(forged.error?.issues[0]).toMatchObject({ path: ["cursor"], message: expect.stringContaining("cursor is not valid") });
    const other = leiGetQuerySchema.safeParse({ caller_id: "4125550101", cursor: cursorFor("14125550102") });
    expect(other.error?.issues[0]).toMatchObject({ path: ["cursor"], message: expect.stringContaining("different phone number") });
    expect(leiPostBodySchema.safeParse({ caller_id: "4125550101", cursor: cursorFor("14125550101") }).success).toBe(true);
  });

  it("takes LEI's POST body with query: tel://…", () => {
    expect(leiPostBodySchema.parse({ query: "tel://14125550102", limit: 10 })).toEqual({
      callerId: "14125550102",
      start: undefined,
      limit: 10,
    });
    expect(leiPostBodySchema.parse({ caller_id: 14125550103 })).toMatchObject({ callerId: "14125550103" });
  });

  it("rejects a query that is not a tel: URI and a body naming two numbers", () => {
    expect(leiPostBodySchema.safeParse({ query: "14125550101" }).success).toBe(false);
    expect(
      leiPostBodySchema.safeParse({ caller_id: "4125550101", query: "tel://14125550102" }).success,
    ).toBe(false);
    expect(
      leiPostBodySchema.safeParse({ caller_id: "412-555-0101", query: "tel:+14125550101" }).success,
    ).toBe(true);
  });
});
