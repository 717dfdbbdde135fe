import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { guardAuthPost } from "@/lib/auth/auth-route-guard";
import { withPublic } from "@/lib/server/route";

export const dynamic = "force-dynamic";

type Params = { nextauth: string[] };

// Auth.js's own endpoints (csrf, sign-in callbacks, sign-out). Next hands route handlers a NextRequest.
export const GET = withPublic<Params>(({ req }) => handlers.GET(req as NextRequest));
export const POST = withPublic<Params>(async ({ req, meta }) => {
  const guarded = await guardAuthPost(req, meta);
  return guarded instanceof Response ? guarded : handlers.POST(guarded);
});
