/**
 * Auth.js (next-auth v5): the credentials provider against our users table, an optional OIDC
 * provider, and JWT cookies that carry only our session id. Everything that decides whether a
 * session is alive lives in sessions.ts, not here.
 */
import "server-only";
import NextAuth, { type NextAuthConfig } from "next-auth";
import type { Provider } from "next-auth/providers";
import Credentials from "next-auth/providers/credentials";
import { getConfig } from "@/lib/config/env";
import { log } from "@/lib/server/log";
import { getAuthSecret } from "./auth-secret";
import { signInWithPassword } from "./credentials";
import { authDb } from "./db";
import { checkOidcSignIn, completeOidcSignIn, type OidcIdentity } from "./oidc";
import { currentMeta, metaFromHeaders } from "./origin";
import { authPolicy } from "./policy";
import { signOutSession } from "./sign-out";

export const OIDC_PROVIDER_ID = "oidc";

export const secureCookies = () => getConfig().appUrl.startsWith("https://");

function oidcIdentity(profile: unknown): OidcIdentity {
  const p = (profile ?? {}) as Record<string, unknown>;
  return {
    subject: typeof p.sub === "string" ? p.sub : null,
    email: typeof p.email === "string" ? p.email : null,
    emailVerified: typeof p.email_verified === "boolean" ? p.email_verified : null,
  };
}

function providers(): Provider[] {
  const list: Provider[] = [
    Credentials({
      id: "credentials",
      name: "E-mail and password",
      credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const db = await authDb();
        const result = await signInWithPassword(db, credentials, metaFromHeaders(request.headers), authPolicy(), new Date());
        // The "user" Auth.js carries into the jwt callback is only our session id.
        return result.ok ? { id: result.sessionId } : null;
      },
    }),
  ];
  const oidc = getConfig().auth.oidc;
  if (oidc) {
    list.push({
      id: OIDC_PROVIDER_ID,
      name: oidc.name,
      type: "oidc",
      issuer: oidc.issuer,
      clientId: oidc.clientId,
      clientSecret: oidc.clientSecret.reveal(),
      checks: ["pkce", "state", "nonce"],
    });
  }
  return list;
}

// Expected refusals (wrong password, refused OIDC account) are audited already; not log noise.
const QUIET_ERRORS = new Set(["CredentialsSignin", "AccessDenied"]);

export function authConfig(): NextAuthConfig {
  const { sessionMaxMs } = authPolicy();
  const maxAge = Math.floor(sessionMaxMs / 1000);
  return {
    secret: getAuthSecret().secret.reveal(),
    trustHost: true,
    // From APP_URL, not from the request: behind a TLS-terminating proxy the request looks like
    // http, and X-Forwarded-Proto is whatever a client sends. https → Secure, __Secure-/__Host- cookies.
    useSecureCookies: secureCookies(),
    basePath: "/api/auth",
    session: { strategy: "jwt", maxAge },
    jwt: { maxAge },
    pages: { signIn: "/signin", error: "/signin" },
    providers: providers(),
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.provider !== OIDC_PROVIDER_ID) return true;
        return checkOidcSignIn(await authDb(), oidcIdentity(profile), await currentMeta(), new Date());
      },
      async jwt({ token, user, account, profile, trigger }) {
        if (trigger === "signIn") {
          if (account?.provider === OIDC_PROVIDER_ID) {
            const sid = await completeOidcSignIn(await authDb(), oidcIdentity(profile), await currentMeta(), new Date());
            return sid ? { sid } : null;
          }
          return user?.id ? { sid: user.id } : null;
        }
        // Nothing about the user rides in the cookie: the session row is the truth.
        return typeof token.sid === "string" ? { sid: token.sid } : null;
      },
      session({ session }) {
        return { expires: session.expires } as typeof session;
      },
    },
    events: {
      async signOut(message) {
        const sid = "token" in message ? message.token?.sid : undefined;
        if (typeof sid !== "string") return;
        const meta = await currentMeta().catch(() => null);
        await signOutSession(await authDb(), sid, meta, new Date());
      },
    },
    logger: {
      error(error) {
        const type = (error as { type?: string }).type ?? error.name;
        if (QUIET_ERRORS.has(type)) return;
        log().error({ err: { name: error.name, message: error.message } }, "auth error");
      },
      warn(code) {
        log().warn({ code }, "auth warning");
      },
      debug() {},
    },
  };
}

export const { handlers, signIn, signOut } = NextAuth(() => authConfig());
