/**
 * The Alerts platform's two kinds of API client: the ECC's (our app: reads alerts, accepts, declines,
 * sets dispositions, chats) and the central station's (creates alerts, requests dispatch, cancels).
 * Tokens expire on the sandbox clock, like every other sandbox token.
 */
import { createHash, randomBytes } from "node:crypto";
import { SANDBOX_DEFAULTS } from "@/lib/config/env";
import { secretMatches } from "../credentials";
import { CENTRAL_STATION, type Actor, type Role } from "./board";

export const CENTRAL_STATION_CREDENTIALS = { clientId: "sandbox-central-station", clientSecret: "sandbox-central-station-secret" } as const;

interface Client {
  role: Role;
  secretDigest: Buffer;
  actor: Actor;
}

interface Token {
  clientId: string;
  expiresAt: number;
}

export type AlertsTokenCheck = { ok: true; actor: Actor; role: Role } | { ok: false; reason: "unknown" | "expired" };

const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();
const MAX_TOKENS = 10_000;

export class AlertsAuth {
  private readonly clients = new Map<string, Client>([
    [
      SANDBOX_DEFAULTS.alertsClientId,
      { role: "ecc", secretDigest: digest(SANDBOX_DEFAULTS.alertsClientSecret), actor: { role: "ecc", id: "sandbox-ecc-allegheny-county", name: "Allegheny County 911 (sandbox)" } },
    ],
    [
      CENTRAL_STATION_CREDENTIALS.clientId,
      { role: "central", secretDigest: digest(CENTRAL_STATION_CREDENTIALS.clientSecret), actor: { role: "central", id: CENTRAL_STATION.id, name: CENTRAL_STATION.name } },
    ],
  ]);
  private tokens = new Map<string, Token>();

  reset(): void {
    this.tokens = new Map();
  }

  issue(clientId: string, secret: string, now: number, ttlSeconds: number): string | null {
    const client = this.clients.get(clientId);
    if (!client || !secretMatches(client.secretDigest, secret)) return null;
    if (this.tokens.size >= MAX_TOKENS) {
      for (const [k, t] of this.tokens) if (t.expiresAt <= now) this.tokens.delete(k);
      if (this.tokens.size >= MAX_TOKENS) this.tokens.clear();
    }
    const token = randomBytes(24).toString("base64url");
    this.tokens.set(token, { clientId, expiresAt: now + ttlSeconds * 1000 });
    return token;
  }

  check(token: string | null, now: number): AlertsTokenCheck {
    const t = token === null ? undefined : this.tokens.get(token);
    const client = t && this.clients.get(t.clientId);
    if (!t || !client) return { ok: false, reason: "unknown" };
    if (now >= t.expiresAt) return { ok: false, reason: "expired" };
    return { ok: true, actor: client.actor, role: client.role };
  }
}
