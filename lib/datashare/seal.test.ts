import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { Secret } from "@/lib/config/secret";
import { KEY_FILE, loadOrCreateKeyFile, SealKey } from "./seal";

const token = new Secret("lei-token-Zq81x");
const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dm-seal-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("sealing stored tokens (AES-256-GCM)", () => {
  const key = new SealKey(randomBytes(32));

  it("round-trips, in a versioned format that holds no trace of the token", () => {
    const sealed = key.seal(token);
    expect(sealed).toMatch(/^v1\.[\w-]{8}\.[\w-]{16}\.[\w-]+\.[\w-]{22}$/);
    expect(sealed).not.toContain("lei-token");
    expect(key.unseal(sealed)?.reveal()).toBe("lei-token-Zq81x");
  });

  it("uses a fresh IV every time", () => {
    const a = key.seal(token).split(".");
    const b = key.seal(token).split(".");
    expect(a[2]).not.toBe(b[2]);
    expect(a[3]).not.toBe(b[3]);
  });

  it("refuses another key, another purpose, a tampered value and garbage", () => {
    const sealed = key.seal(token);
    expect(new SealKey(randomBytes(32)).unseal(sealed)).toBeNull();
    expect(key.unseal(sealed, "something.else")).toBeNull();
    const parts = sealed.split(".");
    const body = Buffer.from(parts[3]!, "base64url");
    body[0] = body[0]! ^ 1;
    parts[3] = body.toString("base64url");
    expect(key.unseal(parts.join("."))).toBeNull();
    expect(key.unseal("v2." + sealed.slice(3))).toBeNull();
    expect(key.unseal("not sealed at all")).toBeNull();
  });

  it("never prints its key", () => {
    expect(String(key)).toMatch(/^SealKey\([\w-]{8}\)$/);
    expect(JSON.stringify({ key })).not.toMatch(/[A-Za-z0-9+/]{40}/);
    expect(inspect(key)).not.toMatch(/[A-Za-z0-9+/]{40}/);
  });

  it("insists on 32 bytes", () => {
    expect(() => new SealKey(randomBytes(16))).toThrow(/32 bytes/);
  });
});

describe("the key in the data folder", () => {
  it("is generated once with mode 0600, then reused", () => {
    const dir = tempDir();
    const first = loadOrCreateKeyFile(dir);
    const file = path.join(dir, KEY_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const second = loadOrCreateKeyFile(dir);
    expect(second.id).toBe(first.id);
    expect(second.unseal(first.seal(token))?.reveal()).toBe(token.reveal());
  });

  it("tightens a key file left readable by others", () => {
    const dir = tempDir();
    loadOrCreateKeyFile(dir);
    const file = path.join(dir, KEY_FILE);
    fs.chmodSync(file, 0o644);
    loadOrCreateKeyFile(dir);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it("refuses a file that holds no 32-byte key rather than sealing with something else", () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, "keys"), { recursive: true });
    fs.writeFileSync(path.join(dir, KEY_FILE), "short\n", { mode: 0o600 });
    expect(() => loadOrCreateKeyFile(dir)).toThrow(/no usable/);
  });
});
