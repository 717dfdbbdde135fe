import "server-only";
import { headers } from "next/headers";
import { requestMeta, type RequestMeta } from "@/lib/server/http";

/** Request metadata from a header set, read exactly the way route handlers read it. */
export function metaFromHeaders(h: Headers): RequestMeta {
  return requestMeta(new Request("http://localhost/", { headers: h }));
}

/** The current request's metadata inside a server component, action or Auth.js callback. */
export async function currentMeta(): Promise<RequestMeta> {
  return metaFromHeaders(new Headers(await headers()));
}
