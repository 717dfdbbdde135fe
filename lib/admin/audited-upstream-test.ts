/** What the admin settings page and its API do: test an upstream connection, audited. */
import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { SessionUser } from "@/lib/auth/types";
import { getConfig } from "@/lib/config/env";
import type { Db } from "@/lib/db/client";
import { notFound, type RequestMeta } from "@/lib/server/http";
import type { UpstreamName } from "@/lib/upstream/errors";
import { upstreamHealth } from "@/lib/upstream/health";
import { testUpstream, UPSTREAM_NAMES, type UpstreamTestResult } from "./upstream-test";

export function parseUpstreamName(value: string): UpstreamName {
  const name = UPSTREAM_NAMES.find((n) => n === value);
  if (!name) throw notFound("No such upstream. Use rapidsos or axon.");
  return name;
}

export async function runUpstreamTest(
  db: Db,
  user: SessionUser,
  name: UpstreamName,
  meta: RequestMeta,
): Promise<UpstreamTestResult> {
  const result = await testUpstream(name, { config: getConfig(), health: upstreamHealth() });
  await recordAudit(
    {
      action: "admin.upstream_test",
      outcome: result.ok ? "success" : "failure",
      actor: user,
      target: name,
      meta,
      detail: { failedStep: result.failedStep, status: result.status, summary: result.summary, durationMs: result.durationMs },
    },
    db,
  );
  return result;
}
