import { describe, expect, it } from "vitest";
import { hashPassword, passwordProblem, verifyAgainstNothing, verifyPassword } from "./password";

describe("password hashing", () => {
  it("hashes with scrypt into a self-describing string and verifies it", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
    expect(await verifyPassword("correct horse batterY", hash)).toBe(false);
    expect(await verifyPassword("", hash)).toBe(false);
  });

  it("salts every hash", async () => {
    const [a, b] = await Promise.all([hashPassword("same password!"), hashPassword("same password!")]);
    expect(a).not.toBe(b);
  });

  it("verifies hashes made with other parameters (they are read from the string)", async () => {
    const cheap = await hashPassword("pw-with-low-cost", { N: 1024, r: 8, p: 1 });
    expect(cheap.startsWith("scrypt$1024$8$1$")).toBe(true);
    expect(await verifyPassword("pw-with-low-cost", cheap)).toBe(true);
  });

  it("never matches a malformed or hostile stored value", async () => {
    for (const stored of ["", "plain", "scrypt$0$8$1$aaaa$bbbb", "scrypt$3$8$1$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5a2V5", "scrypt$1073741824$8$1$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5a2V5a2V5"]) {
      expect(await verifyPassword("anything", stored)).toBe(false);
    }
  });

  it("spends real scrypt work on an unknown account (no timing oracle)", async () => {
    const hash = await hashPassword("some password");
    await verifyAgainstNothing("warm up the dummy hash");
    const time = async (f: () => Promise<unknown>) => {
      const start = performance.now();
      await f();
      return performance.now() - start;
    };
    const real = await time(() => verifyPassword("wrong password", hash));
    const none = await time(() => verifyAgainstNothing("wrong password"));
    expect(await verifyAgainstNothing("x")).toBe(false);
    expect(none).toBeGreaterThan(real * 0.3);
    expect(none).toBeLessThan(real * 3 + 100);
  });

  it("asks for 12+ characters for real accounts", () => {
    expect(passwordProblem("short")).toMatch(/at least 12/);
    expect(passwordProblem("            ")).toMatch(/only spaces/);
    expect(passwordProblem("twelve chars")).toBeNull();
    expect(passwordProblem("x".repeat(257))).toMatch(/at most/);
  });
});
