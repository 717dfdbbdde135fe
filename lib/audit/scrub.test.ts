import { describe, expect, it } from "vitest";
import { Secret } from "@/lib/config/secret";
import { REDACTED, scrubDetail } from "./scrub";

describe("scrubDetail", () => {
  it("redacts values under secret-looking keys, at any depth", () => {
    const out = scrubDetail({
      password: "hunter2hunter2",
      access_token: "abc",
      clientSecret: "s3cr3t",
      "X-Api-Key": "k",
      headers: { Authorization: "Basic Zm9vOmJhcg==", cookie: "authjs.session-token=..." },
      nested: [{ refreshToken: "r" }],
      reason: "bad_password",
      records: 3,
    });
    expect(out).toEqual({
      password: REDACTED,
      access_token: REDACTED,
      clientSecret: REDACTED,
      "X-Api-Key": REDACTED,
      headers: { Authorization: REDACTED, cookie: REDACTED },
      nested: [{ refreshToken: REDACTED }],
      reason: "bad_password",
      records: 3,
    });
  });

  it("redacts values that look like credentials whatever their key", () => {
    const jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl";
    const out = scrubDetail({ note: `Bearer ${"a".repeat(30)}`, value: jwt, hash: "scrypt$32768$8$1$x$y", ok: "fine" });
    expect(out).toEqual({ note: REDACTED, value: REDACTED, hash: REDACTED, ok: "fine" });
  });

  it("keeps Secret objects hidden and makes the rest JSON-safe", () => {
    const out = scrubDetail({
      anything: new Secret("the-real-value"),
      when: new Date("2026-01-02T03:04:05.678Z"),
      big: 10n,
      nan: Number.NaN,
      fn: () => 1,
      long: "x".repeat(5000),
    });
    expect(JSON.stringify(out)).not.toContain("the-real-value");
    expect(out.anything).toBe(REDACTED);
    expect(out.when).toBe("2026-01-02T03:04:05.678Z");
    expect(out.big).toBe("10");
    expect(out.nan).toBe("NaN");
    expect(out.fn).toBeNull();
    expect((out.long as string).length).toBeLessThan(2100);
  });
});
