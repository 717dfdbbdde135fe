import { describe, expect, it } from "vitest";
import { Secret } from "@/lib/config/secret";
import rfc2202 from "./hmac-sha1-vectors.json";
import { signBody, verifySignature } from "./signature";

interface Vector {
  key_hex?: string;
  key_ascii?: string;
  data_hex?: string;
  data_ascii?: string;
  hmac_sha1: string;
}

// The vectors file spells long inputs as "aa repeated 80 times".
function decode(hex: string | undefined, ascii: string | undefined): Buffer {
  if (ascii !== undefined) return Buffer.from(ascii, "ascii");
  const repeated = /^([0-9a-f]{2}) repeated (\d+) times$/.exec(hex ?? "");
  if (repeated) return Buffer.alloc(Number(repeated[2]), Number.parseInt(repeated[1]!, 16));
  return Buffer.from(hex ?? "", "hex");
}

// The RFC 2202 HMAC-SHA1 test vectors, provenance inside the JSON.
const vectors = (rfc2202 as { cases: Vector[] }).cases;

describe("HMAC-SHA1 primitive (RFC 2202)", () => {
  it("has the four published cases", () => expect(vectors).toHaveLength(4));

  it.each(vectors.map((v, i) => [i + 1, v] as const))("case %i", (_, v) => {
    const key = decode(v.key_hex, v.key_ascii);
    const data = decode(v.data_hex, v.data_ascii);
    expect(signBody(key, data)).toBe(v.hmac_sha1);
  });
});

describe("X-RapidSOS-Signature", () => {
  const body = Buffer.from('{"query":"tel://14125550101","access_token":"t","bounding_box":[-80,40,-79,41]}');
  const current = new Secret("current-secret");
  const previous = new Secret("previous-secret");
  const signed = (secret: Secret, b: Uint8Array = body) => signBody(secret.reveal(), b);

  it("accepts the lowercase hex HMAC of the raw body with the secret", () => {
    expect(verifySignature(body, signed(current), [current])).toEqual({ ok: true, secretIndex: 0 });
  });

  it("accepts the previous secret while it is still configured (rotation), and says which matched", () => {
    expect(verifySignature(body, signed(previous), [current, previous])).toEqual({ ok: true, secretIndex: 1 });
    expect(verifySignature(body, signed(previous), [current])).toEqual({ ok: false, reason: "signature_mismatch" });
  });

  it("accepts uppercase hex (the same MAC bytes)", () => {
    expect(verifySignature(body, signed(current).toUpperCase(), [current]).ok).toBe(true);
  });

  it("refuses a wrong secret, a tampered body and an empty secret list", () => {
    expect(verifySignature(body, signed(new Secret("wrong")), [current])).toMatchObject({ reason: "signature_mismatch" });
    const tampered = Buffer.from(body.toString().replace("0101", "0102"));
    expect(verifySignature(tampered, signed(current), [current])).toMatchObject({ reason: "signature_mismatch" });
    // One extra byte (a trailing newline) is a different body.
    expect(verifySignature(Buffer.concat([body, Buffer.from("\n")]), signed(current), [current]).ok).toBe(false);
    expect(verifySignature(body, signed(current), [])).toMatchObject({ reason: "no_secret_configured" });
  });

  it.each([
    ["missing", null, "signature_missing"],
    ["empty", "", "signature_missing"],
    ["a sha1= prefix", "sha1=", "signature_malformed"],
    ["39 characters", "x", "signature_malformed"],
    ["41 characters", "xx", "signature_malformed"],
    ["base64 of the MAC", "b64", "signature_malformed"],
    ["non-hex characters", "zz", "signature_malformed"],
  ] as const)("refuses a header that is %s", (_, form, reason) => {
    const mac = signed(current);
    const header =
      form === null
        ? null
        : form === "sha1="
          ? `sha1=${mac}`
          : form === "x"
            ? mac.slice(1)
            : form === "xx"
              ? `${mac}0`
              : form === "b64"
                ? Buffer.from(mac, "hex").toString("base64")
                : form === "zz"
                  ? `zz${mac.slice(2)}`
                  : form;
    expect(verifySignature(body, header, [current])).toEqual({ ok: false, reason });
  });
});
