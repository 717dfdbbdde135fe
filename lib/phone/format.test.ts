import { expect, it } from "vitest";
import { formatPhone } from "./format";

it("formats North American numbers for reading aloud and keeps others as dialled", () => {
  expect(formatPhone("14125550101")).toBe("(412) 555-0101");
  expect(formatPhone("442079460000")).toBe("+442079460000");
  // Ten digits without the country code are not a stored NANP number: never guess an area code.
  expect(formatPhone("4420794600")).toBe("+4420794600");
});
