import { describe, expect, it } from "vitest";
import { auditFilterSchema, auditPageSchema, filtersToSearchParams } from "./filters";

describe("audit filters", () => {
  it("reads times without a zone as UTC and drops blank fields", () => {
    const f = auditFilterSchema.parse({ user: " ", action: "", from: "2026-11-22T10:00", to: "2026-11-22", phone: "(412) 555-0101" });
    expect(f.user).toBeUndefined();
    expect(f.action).toBeUndefined();
    expect(f.from?.toISOString()).toBe("2026-11-22T10:00:00.000Z");
    expect(f.to?.toISOString()).toBe("2026-11-22T00:00:00.000Z");
    expect(f.phone).toBe("4125550101");
  });

  it("accepts exact actions and families, and refuses junk", () => {
    expect(auditFilterSchema.parse({ action: "auth.signin" }).action).toBe("auth.signin");
    expect(auditFilterSchema.parse({ action: "auth." }).action).toBe("auth.");
    expect(auditFilterSchema.safeParse({ action: "auth%" }).success).toBe(false);
    expect(auditFilterSchema.safeParse({ from: "yesterday" }).success).toBe(false);
    expect(auditFilterSchema.safeParse({ phone: "abc" }).success).toBe(false);
    expect(auditPageSchema.safeParse({ before: "-1" }).success).toBe(false);
  });

  it("round-trips through URL parameters", () => {
    const f = auditFilterSchema.parse({ user: "sam", action: "auth.", from: "2026-11-22T10:00:00.5Z", phone: "1412" });
    expect(auditFilterSchema.parse(Object.fromEntries(filtersToSearchParams(f)))).toEqual(f);
  });
});
