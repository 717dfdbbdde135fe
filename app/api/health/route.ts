import { withPublic, jsonResponse } from "@/lib/server/http";

export const dynamic = "force-dynamic";

export const GET = withPublic(async () => jsonResponse({ status: "ok" }));
