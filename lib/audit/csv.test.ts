import { describe, expect, it } from "vitest";
import { auditCsvLine, csvCell, csvLine } from "./csv";
import type { AuditRow } from "./record";

describe("CSV", () => {
  it("quotes cells with commas, quotes and line breaks (RFC 4180)", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell(null)).toBe("");
    expect(csvCell(42)).toBe("42");
    expect(csvLine(["a", null, "b,c"])).toBe('a,,"b,c"\r\n');
  });

  it("neutralises spreadsheet formulas", () => {
    expect(csvCell("=HYPERLINK(\"http://x\")")).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tcmd")).toBe("'\tcmd");
    expect(csvCell("a=b")).toBe("a=b");
  });

  it("writes an audit row with its time in UTC to the millisecond", () => {
    const row: AuditRow = {
      id: 7,
      at: new Date("2026-11-22T10:11:12.345Z"),
      actorId: null,
      actorEmail: "=cmd@x.org",
      action: "auth.signin",
      outcome: "failure",
      target: null,
      phone: "14125550101",
      ip: "10.0.0.1",
      userAgent: "Mozilla/5.0 (X11, Linux)",
      detail: { reason: "bad_password" },
    };
    expect(auditCsvLine(row)).toBe(
      '7,2026-11-22T10:11:12.345Z,\'=cmd@x.org,,auth.signin,failure,,14125550101,10.0.0.1,"Mozilla/5.0 (X11, Linux)","{""reason"":""bad_password""}"\r\n',
    );
  });
});
