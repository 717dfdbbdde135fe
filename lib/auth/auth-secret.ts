/**
 * The key that seals session cookies. AUTH_SECRET when set; otherwise one generated on first start
 * and kept in the data folder (mode 0600), so the embedded default works with nothing to configure
 * and no secret ever lives in git. Several instances behind a load balancer must share AUTH_SECRET.
 */
import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { getConfig } from "@/lib/config/env";
import { Secret } from "@/lib/config/secret";
import { singleton } from "@/lib/server/singleton";

export const AUTH_SECRET_FILE = "auth-secret";

export interface AuthSecret {
  secret: Secret;
  source: "environment" | "generated" | "data-folder";
  file: string | null;
}

/** Read the secret kept in `dataDir`, creating it if this is the first start. */
export function loadOrCreateSecretFile(dataDir: string): AuthSecret {
  const file = path.join(dataDir, AUTH_SECRET_FILE);
  fs.mkdirSync(dataDir, { recursive: true });
  const fresh = randomBytes(48).toString("base64url");
  // Written aside, then linked into place: link() fails if the file exists, so when two processes
  // start together one wins and the other reads the winner's complete file, never a half-written one.
  const temp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  fs.writeFileSync(temp, `${fresh}\n`, { mode: 0o600 });
  try {
    fs.linkSync(temp, file);
    return { secret: new Secret(fresh), source: "generated", file };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  } finally {
    fs.rmSync(temp, { force: true });
  }
  const stored = fs.readFileSync(file, "utf8").trim();
  if (stored.length < 32) {
    throw new Error(`${file} holds no usable secret: delete it to generate a new one (everyone signs in again).`);
  }
  const mode = fs.statSync(file).mode & 0o777;
  if (mode & 0o077) fs.chmodSync(file, 0o600);
  return { secret: new Secret(stored), source: "data-folder", file };
}

export function getAuthSecret(): AuthSecret {
  return singleton("auth.secret", () => {
    const { auth, dataDir } = getConfig();
    if (auth.secret) return { secret: auth.secret, source: "environment", file: null };
    return loadOrCreateSecretFile(dataDir);
  });
}
