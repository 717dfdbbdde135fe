/**
 * API clients and the tokens issued to them. Tokens expire on the sandbox clock, so a test can
 * expire one by advancing it; a deleted client's tokens stop working at once.
 */
import { createHash, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { SANDBOX_DEFAULTS } from "@/lib/config/env";

export type Upstream = "rapidsos" | "axon";

export const AXON_SCOPES = ["device.state.any.read", "respond.any.locate", "users.read"] as const;
export type AxonScope = (typeof AXON_SCOPES)[number];

export interface AxonClient {
  clientId: string;
  partnerId: string;
  name: string;
  scopes: AxonScope[];
  secretDigest: Buffer;
}

export interface IssuedToken {
  upstream: Upstream;
  clientId: string;
  issuedAt: number;
  expiresAt: number;
}

export type TokenCheck =
  | { ok: true; token: IssuedToken }
  | { ok: false; reason: "unknown" | "expired" | "revoked" };

const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();
/** Compare secrets in constant time (by digest, so lengths need not match). */
export const secretMatches = (expected: Buffer, given: string) => timingSafeEqual(expected, digest(given));

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
function opaqueToken(length: number): string {
  const bytes = randomBytes(length);
  let out = "";
  for (const b of bytes) out += ALNUM.charAt(b % ALNUM.length);
  return out;
}

/** Expired tokens are remembered (to answer "expired" rather than "invalid") up to this many. */
const MAX_TOKENS = 20_000;

export class Credentials {
  private rapidsos = new Map<string, Buffer>();
  private axon = new Map<string, AxonClient>();
  private tokens = new Map<string, IssuedToken>();

  constructor() {
    this.reset();
  }

  reset(): void {
    this.rapidsos = new Map([[SANDBOX_DEFAULTS.rapidsosClientId, digest(SANDBOX_DEFAULTS.rapidsosClientSecret)]]);
    this.axon = new Map([
      [
        SANDBOX_DEFAULTS.axonClientId,
        {
          clientId: SANDBOX_DEFAULTS.axonClientId,
          partnerId: SANDBOX_DEFAULTS.axonPartnerId,
          name: "Dispatcher Map (default sandbox client)",
          scopes: [...AXON_SCOPES],
          secretDigest: digest(SANDBOX_DEFAULTS.axonClientSecret),
        },
      ],
    ]);
    this.tokens = new Map();
  }

  checkRapidsosClient(clientId: string, secret: string): boolean {
    const expected = this.rapidsos.get(clientId);
    return expected !== undefined && secretMatches(expected, secret);
  }

  checkAxonClient(partnerId: string, clientId: string, secret: string): AxonClient | null {
    const client = this.axon.get(clientId);
    if (!client || !secretMatches(client.secretDigest, secret) || client.partnerId !== partnerId) return null;
    return client;
  }

  axonClient(clientId: string): AxonClient | null {
    return this.axon.get(clientId) ?? null;
  }

  createAxonClient(scopes: AxonScope[], name: string): { client: AxonClient; secret: string } {
    const secret = opaqueToken(40);
    const client: AxonClient = {
      clientId: randomUUID(),
      partnerId: SANDBOX_DEFAULTS.axonPartnerId,
      name,
      scopes: AXON_SCOPES.filter((s) => scopes.includes(s)),
      secretDigest: digest(secret),
    };
    this.axon.set(client.clientId, client);
    return { client, secret };
  }

  /** An Axon administrator changing what a client may read; its tokens see the change at once. */
  setAxonScopes(clientId: string, scopes: AxonScope[]): AxonClient | null {
    const client = this.axon.get(clientId);
    if (!client) return null;
    client.scopes = AXON_SCOPES.filter((s) => scopes.includes(s));
    return client;
  }

  deleteAxonClient(clientId: string): boolean {
    return this.axon.delete(clientId);
  }

  listRapidsos(): { clientId: string }[] {
    return [...this.rapidsos.keys()].map((clientId) => ({ clientId }));
  }

  listAxon(): { clientId: string; partnerId: string; name: string; scopes: AxonScope[] }[] {
    return [...this.axon.values()].map(({ clientId, partnerId, name, scopes }) => ({ clientId, partnerId, name, scopes: [...scopes] }));
  }

  issue(upstream: Upstream, clientId: string, now: number, ttlSeconds: number): { accessToken: string; token: IssuedToken } {
    if (this.tokens.size >= MAX_TOKENS) this.prune(now);
    const accessToken = opaqueToken(upstream === "rapidsos" ? 28 : 48);
    const token: IssuedToken = { upstream, clientId, issuedAt: now, expiresAt: now + ttlSeconds * 1000 };
    this.tokens.set(accessToken, token);
    return { accessToken, token };
  }

  check(upstream: Upstream, accessToken: string, now: number): TokenCheck {
    const token = this.tokens.get(accessToken);
    if (!token || token.upstream !== upstream) return { ok: false, reason: "unknown" };
    const clientExists = upstream === "rapidsos" ? this.rapidsos.has(token.clientId) : this.axon.has(token.clientId);
    if (!clientExists) return { ok: false, reason: "revoked" };
    if (now >= token.expiresAt) return { ok: false, reason: "expired" };
    return { ok: true, token };
  }

  private prune(now: number): void {
    for (const [key, token] of this.tokens) {
      if (token.expiresAt <= now) this.tokens.delete(key);
    }
    // Still full of live tokens: forget the oldest half (insertion order).
    if (this.tokens.size >= MAX_TOKENS) {
      let drop = this.tokens.size / 2;
      for (const key of this.tokens.keys()) {
        if (drop-- <= 0) break;
        this.tokens.delete(key);
      }
    }
  }
}
