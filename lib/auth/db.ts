/** The database as the auth code needs it: with the initial accounts in place (created on first use). */
import "server-only";
import { getDb, type Db } from "@/lib/db/client";
import { initialAccounts } from "./initial-accounts";

export async function authDb(): Promise<Db> {
  const db = await getDb();
  await initialAccounts();
  return db;
}
