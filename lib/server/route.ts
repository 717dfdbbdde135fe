/**
 * The one handler wrapper every route uses:
 * `export const GET = withRole("telecommunicator", async ({ req, user }) => ...)`.
 * Handlers throw `HttpError` (or let zod/unknown errors escape); the wrapper turns them into
 * `{ error, detail }` JSON with the right status and never leaks a stack trace.
 */
import { recordAccessDenied } from "@/lib/auth/access-denied";
import { authenticateRequest } from "@/lib/auth/request";
import { hasRole, type Role, type SessionUser } from "@/lib/auth/types";
import { getDb, type Db } from "@/lib/db/client";
import { declaredBodyTooLarge } from "./body-limit";
import { errorResponse, jsonResponse, requestMeta, type RequestMeta } from "./http";

export interface PublicContext<P> {
  req: Request;
  params: P;
  meta: RequestMeta;
}

export interface AuthedContext<P> extends PublicContext<P> {
  user: SessionUser;
  /** The app's database: services in lib/ take it as a parameter, routes never open their own. */
  db: Db;
}

type RouteArgs<P> = { params: Promise<P> };
type RouteHandler<P> = (req: Request, args: RouteArgs<P>) => Promise<Response>;

/** A route anyone may call (health, sign-in, the signed Data Share webhook). */
export function withPublic<P = Record<string, never>>(
  handler: (ctx: PublicContext<P>) => Promise<Response>,
): RouteHandler<P> {
  return async (req, args) => {
    const meta = requestMeta(req);
    try {
      const tooLarge = declaredBodyTooLarge(req);
      if (tooLarge) throw tooLarge;
      return await handler({ req, params: await args.params, meta });
    } catch (err) {
      return errorResponse(err, meta);
    }
  };
}

/** A route that needs a signed-in user holding `role` (or a higher one). */
export function withRole<P = Record<string, never>>(
  role: Role,
  handler: (ctx: AuthedContext<P>) => Promise<Response>,
): RouteHandler<P> {
  return async (req, args) => {
    const meta = requestMeta(req);
    try {
      const tooLarge = declaredBodyTooLarge(req);
      if (tooLarge) throw tooLarge;
      const user = await authenticateRequest(req, meta);
      if (!user) {
        return jsonResponse(
          { error: "unauthenticated", detail: "Sign in to use this." },
          { status: 401 },
        );
      }
      if (!hasRole(user.role, role)) {
        await recordAccessDenied(user, role, req, meta);
        return jsonResponse(
          { error: "forbidden", detail: `This needs the ${role} role.` },
          { status: 403 },
        );
      }
      return await handler({ req, params: await args.params, meta, user, db: await getDb() });
    } catch (err) {
      return errorResponse(err, meta);
    }
  };
}
