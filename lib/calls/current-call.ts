/**
 * Which of a number's calls is "the" call: the one rule the console list, a lookup answered from the
 * tracker and a lookup answered by LEI all follow, so a call a telecommunicator just opened is the one
 * their list shows. A number can call again, and LEI answers for one call at a time: the current call
 * is an active one, the one LEI answered for most recently (the sync stamps `lastPolledAt` on the call
 * it answers for), then the newest seen. Insertion order alone is not enough: LEI can answer again for
 * an older call row (the same call start), and that call, not the newest row, is the live one.
 */
import "server-only";
import { desc, sql } from "drizzle-orm";
import { calls } from "@/lib/db/schema";

/** ORDER BY terms, current call first (after the DISTINCT ON column, where there is one). */
export const currentCallFirst = [
  desc(sql`(${calls.status} = 'active')`),
  sql`${calls.lastPolledAt} desc nulls last`,
  desc(calls.firstSeenAt),
] as const;
