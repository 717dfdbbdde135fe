/**
 * Caller ids arrive in every format a person or a CAD system might type; LEI wants digits with
 * the country code ("14125550101"). We check the number's shape (a *possible* number), not whether
 * a carrier assigned it: 555-01xx numbers are fictional yet are exactly what sandboxes use.
 */
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";
import { z } from "zod";

export class InvalidPhoneNumberError extends Error {
  constructor(readonly detail: string) {
    super(detail);
    this.name = "InvalidPhoneNumberError";
  }
}

// A tel: URI may carry parameters; the number itself is short.
const MAX_RAW_LENGTH = 200;
const MAX_NUMBER_LENGTH = 40;
// What people write around digits: spaces, dots, dashes, brackets, slashes, a leading plus.
const PHONE_CHARACTERS = /^\+?[\d\s().\-/]+$/;

/** "(412) 555-0101", "tel://14125550101", "+1 412 555 0101" … → "14125550101". Throws when it cannot be a number. */
export function normalizePhoneNumber(raw: string, defaultRegion: CountryCode = "US"): string {
  if (raw.length > MAX_RAW_LENGTH) throw new InvalidPhoneNumberError("That is not a phone number.");
  const text = stripTelUri(raw.trim());
  if (text === "") throw new InvalidPhoneNumberError("A phone number is required.");
  if (text.length > MAX_NUMBER_LENGTH || !PHONE_CHARACTERS.test(text)) {
    throw new InvalidPhoneNumberError(
      "That is not a phone number. Use digits, e.g. 412-555-0101 or +1 412 555 0101.",
    );
  }
  const parsed = parsePhoneNumberFromString(text, defaultRegion);
  if (!parsed || !parsed.isPossible()) {
    const digits = text.replace(/\D/g, "").length;
    throw new InvalidPhoneNumberError(
      `That cannot be a phone number (${digits} digit${digits === 1 ? "" : "s"}). ` +
        "Include the area code, e.g. 412-555-0101.",
    );
  }
  return `${parsed.countryCallingCode}${parsed.nationalNumber}`;
}

/** RFC 3966 `tel:` URIs (and the `tel://` form LEI's POST body uses), minus any `;param`. */
function stripTelUri(text: string): string {
  const match = /^tel:(?:\/\/)?([^;]*)(?:;.*)?$/i.exec(text);
  return match ? (match[1] ?? "").trim() : text;
}

/** A zod field that normalises a caller id, so a bad one is a 400 naming the field. */
export const phoneNumberSchema = z.string().transform((value, ctx) => {
  try {
    return normalizePhoneNumber(value);
  } catch (err) {
    ctx.addIssue({
      code: "custom",
      message: err instanceof InvalidPhoneNumberError ? err.detail : "That is not a phone number.",
    });
    return z.NEVER;
  }
});
