import { describe, expect, it } from "vitest";
import { inspect } from "node:util";
import { isSecret, Secret } from "./secret";

describe("Secret", () => {
  it("never prints its value", () => {
    const s = new Secret("hunter2-hunter2");
    expect(String(s)).toBe("[redacted]");
    expect(JSON.stringify({ s })).toBe('{"s":"[redacted]"}');
    expect(inspect({ s })).not.toContain("hunter2");
    expect(s.reveal()).toBe("hunter2-hunter2");
  });

  it("is recognised by brand, not by class identity (Next loads a module once per bundle)", () => {
    const lookalike = { reveal: () => "x" };
    expect(isSecret(new Secret("x"))).toBe(true);
    expect(isSecret(lookalike)).toBe(false);
    // A copy of the class from another bundle carries the same global brand.
    const foreign = Object.assign(Object.create(null), { [Symbol.for("dispatcher-map.secret")]: true });
    expect(isSecret(foreign)).toBe(true);
  });
});
