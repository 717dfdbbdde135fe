import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { AUTH_SECRET_FILE, loadOrCreateSecretFile } from "./auth-secret";

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dm-secret-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe("the generated auth secret", () => {
  it("is created once in the data folder, readable only by its owner, and reused", () => {
    const dir = path.join(tempDir(), "not-yet-there");
    const first = loadOrCreateSecretFile(dir);
    expect(first.source).toBe("generated");
    expect(first.secret.reveal().length).toBeGreaterThanOrEqual(32);
    expect(String(first.secret)).toBe("[redacted]");
    const file = path.join(dir, AUTH_SECRET_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const second = loadOrCreateSecretFile(dir);
    expect(second.source).toBe("data-folder");
    expect(second.secret.reveal()).toBe(first.secret.reveal());
    expect(fs.readdirSync(dir)).toEqual([AUTH_SECRET_FILE]);
  });

  it("differs between data folders", () => {
    expect(loadOrCreateSecretFile(tempDir()).secret.reveal()).not.toBe(loadOrCreateSecretFile(tempDir()).secret.reveal());
  });

  it("tightens a file that others can read, and refuses an empty one", () => {
    const dir = tempDir();
    const file = path.join(dir, AUTH_SECRET_FILE);
    fs.writeFileSync(file, "x".repeat(40), { mode: 0o644 });
    fs.chmodSync(file, 0o644);
    expect(loadOrCreateSecretFile(dir).secret.reveal()).toBe("x".repeat(40));
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    fs.writeFileSync(file, "\n");
    expect(() => loadOrCreateSecretFile(dir)).toThrow(/no usable secret/);
  });
});
