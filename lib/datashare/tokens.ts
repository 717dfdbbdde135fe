import "server-only";
import type { Secret } from "@/lib/config/secret";
import type { Db } from "@/lib/db/client";

/**
 * The LEI token that the newest Data Share delivery for this number carried, unsealed, or undefined.
 * (Placeholder until Data Share lands: no deliveries yet, so never a token.)
 */
export async function sharedLeiToken(_db: Db, _phone: string): Promise<Secret | undefined> {
  return undefined;
}
