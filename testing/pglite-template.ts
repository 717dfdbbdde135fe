/**
 * Vitest global setup: one migrated PGlite, made once per run, for every test to start from.
 * Creating a PGlite cluster costs about 3 s of CPU (initdb in WebAssembly), and the tests open a
 * fresh database a few hundred times and start a dozen app servers:
 * - `pgliteTemplate`, the cluster dumped to a tarball: every in-memory database of
 *   testing/databases.ts loads it (about 1 s instead of 3);
 * - `pgliteTemplateDir`, the cluster's folder: an app server that testing/app-server.ts starts on a
 *   data folder of its own gets a copy (about 4 s to start instead of 8–9).
 * testing/vitest-setup.ts hands the folder to app-server.ts, which also runs outside Vitest.
 */
import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migratedPglite } from "@/lib/db/client";

declare module "vitest" {
  export interface ProvidedContext {
    /** The migrated PGlite data folder as a tarball (`PGlite.dumpDataDir`). */
    pgliteTemplate: string;
    /** The migrated PGlite data folder itself. */
    pgliteTemplateDir: string;
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

export default async function setup(project: TestProject): Promise<() => void> {
  const parent = path.join(process.cwd(), ".test-data");
  // A run that was killed left its template behind (80 MB): remove those whose run has ended.
  for (const name of fs.existsSync(parent) ? fs.readdirSync(parent) : []) {
    const pid = Number(/^pglite-template-(\d+)$/.exec(name)?.[1]);
    if (pid && !alive(pid)) fs.rmSync(path.join(parent, name), { recursive: true, force: true });
  }
  const root = path.join(parent, `pglite-template-${process.pid}`);
  fs.rmSync(root, { recursive: true, force: true });
  const dir = path.join(root, "pglite");
  const file = path.join(root, "pglite.tar");
  const client = await migratedPglite(dir);
  const dump = await client.dumpDataDir("none");
  await client.close();
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteTemplate", file);
  project.provide("pgliteTemplateDir", dir);
  return () => fs.rmSync(root, { recursive: true, force: true });
}
