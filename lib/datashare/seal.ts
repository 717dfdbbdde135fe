/**
 * Sealing for upstream tokens kept in the database (the LEI/RAD-E token a Data Share carries):
 * AES-256-GCM with a random 12-byte IV, in a versioned text format
 * `v1.<key id>.<iv>.<ciphertext>.<tag>` (base64url parts). The key id is a digest prefix of the key,
 * so a value sealed under another key is recognised as such instead of failing obscurely.
 */
import "server-only";
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { getConfig } from "@/lib/config/env";
import { Secret } from "@/lib/config/secret";
import { singleton } from "@/lib/server/singleton";

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
/** Binds a sealed value to what it is for: a token sealed for Data Share cannot be passed off elsewhere. */
const DEFAULT_PURPOSE = "datashare.access_token";

export class SealKey {
  readonly #key: Buffer;
  readonly id: string;

  constructor(key: Buffer) {
    if (key.length !== KEY_BYTES) throw new Error(`A sealing key is ${KEY_BYTES} bytes, not ${key.length}.`);
    this.#key = Buffer.from(key);
    this.id = createHash("sha256").update(this.#key).digest("base64url").slice(0, 8);
  }

  seal(plain: Secret, purpose = DEFAULT_PURPOSE): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.#key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(`${VERSION}.${this.id}.${purpose}`));
    const body = Buffer.concat([cipher.update(plain.reveal(), "utf8"), cipher.final()]);
    const parts = [iv, body, cipher.getAuthTag()].map((b) => b.toString("base64url"));
    return [VERSION, this.id, ...parts].join(".");
  }

  /** The sealed value, or null when it is not ours (other key, other purpose, tampered, unknown format). */
  unseal(sealed: string, purpose = DEFAULT_PURPOSE): Secret | null {
    const parts = sealed.split(".");
    if (parts.length !== 5 || parts[0] !== VERSION || parts[1] !== this.id) return null;
    const [iv, body, tag] = parts.slice(2).map((p) => Buffer.from(p, "base64url")) as [Buffer, Buffer, Buffer];
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) return null;
    try {
      const decipher = createDecipheriv("aes-256-gcm", this.#key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(`${VERSION}.${this.id}.${purpose}`));
      decipher.setAuthTag(tag);
      return new Secret(Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8"));
    } catch {
      return null;
    }
  }

  toString(): string {
    return `SealKey(${this.id})`;
  }

  toJSON(): string {
    return this.toString();
  }
}

export const KEY_FILE = path.join("keys", "data-encryption.key");

/**
 * The key kept in `<dataDir>/keys/`, created (mode 0600) on first use. Two processes starting
 * together agree on one: the file is written aside and linked into place, and link() fails if a
 * key is already there.
 */
export function loadOrCreateKeyFile(dataDir: string): SealKey {
  const file = path.join(dataDir, KEY_FILE);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  const fresh = randomBytes(KEY_BYTES);
  fs.writeFileSync(temp, `${fresh.toString("base64")}\n`, { mode: 0o600 });
  try {
    fs.linkSync(temp, file);
    return new SealKey(fresh);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  } finally {
    fs.rmSync(temp, { force: true });
  }
  const stored = Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64");
  if (stored.length !== KEY_BYTES) {
    throw new Error(`${file} holds no usable ${KEY_BYTES}-byte key (stored tokens cannot be read without it).`);
  }
  if (fs.statSync(file).mode & 0o077) fs.chmodSync(file, 0o600);
  return new SealKey(stored);
}

/** The process's key: DATA_ENCRYPTION_KEY, else the one in the data folder. */
export function dataSealKey(): SealKey {
  return singleton("datashare.seal-key", () => {
    const { dataEncryptionKey, dataDir } = getConfig();
    return dataEncryptionKey
      ? new SealKey(Buffer.from(dataEncryptionKey.reveal(), "base64"))
      : loadOrCreateKeyFile(dataDir);
  });
}
