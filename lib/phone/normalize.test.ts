import { describe, expect, it } from "vitest";
import { InvalidPhoneNumberError, normalizePhoneNumber, phoneNumberSchema } from "./normalize";

describe("normalizePhoneNumber", () => {
  it.each([
    ["(412) 555-0101", "14125550101"],
    ["412.555.0101", "14125550101"],
    ["412-555-0101", "14125550101"],
    ["4125550101", "14125550101"],
    ["14125550101", "14125550101"],
    ["+1 412 555 0101", "14125550101"],
    ["1-412-555-0101", "14125550101"],
    ["1 (412) 555-0102", "14125550102"],
    ["tel:+14125550101", "14125550101"],
    ["tel://14125550101", "14125550101"],
    ["TEL:+1-412-555-0103;phone-context=example.com", "14125550103"],
    ["  +1 (412) 555-0101  ", "14125550101"],
    // LEI's own documentation example: fictional, not carrier-valid, but possible.
    ["555-555-5555", "15555555555"],
    ["+44 20 7946 0958", "442079460958"],
  ])("%s → %s", (input, expected) => {
    expect(normalizePhoneNumber(input)).toBe(expected);
  });

  it.each([
    [""],
    ["   "],
    ["tel:"],
    ["abc"],
    ["911"],
    ["555-0101"],
    ["412 555 0101 ext 4"],
    ["4125550101; DROP TABLE"],
    ["javascript:alert(1)"],
    ["+1 412 555 0101 0101 0101 0101 0101 0101 0101"],
    ["1".repeat(41)],
  ])("rejects %j", (input) => {
    expect(() => normalizePhoneNumber(input)).toThrow(InvalidPhoneNumberError);
  });

  it("says what is wrong in words a telecommunicator understands", () => {
    expect(() => normalizePhoneNumber("555-0101")).toThrow(/area code/);
  });

  it("works as a zod field", () => {
    expect(phoneNumberSchema.parse("(412) 555-0101")).toBe("14125550101");
    const bad = phoneNumberSchema.safeParse("nope");
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/not a phone number/);
  });
});
