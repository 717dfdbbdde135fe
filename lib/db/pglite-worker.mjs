/**
 * The embedded database's own thread. PGlite is PostgreSQL compiled to WebAssembly: every query runs
 * synchronously on the thread that owns it, so on the request thread one slow query stalls every
 * request. Here it runs beside the server, which speaks to it through `pglite-thread.ts` with
 * structured-clone messages (no SQL wire encoding, no port to secure).
 *
 * Plain JavaScript because Node loads it directly, outside the Next.js bundle.
 *
 * Messages in:  { id, op: "query", sql, params, rowMode, raw, txId? }   raw: type OIDs left as text
 *               { id, op: "begin" } → { txId }; { id, op: "commit" | "rollback", txId }
 *               { id, op: "listen", channel } (the server keeps one listen per channel, for good)
 *               { id, op: "close" }
 * Messages out: { id, ok: true, value } | { id, ok: false, error } | { notification: { channel, payload } }
 */
import fs from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";

const { dir, migrationsFolder } = workerData;
const identity = (value) => value;

/** A PostgreSQL error's fields (code, detail, constraint…) survive the trip; a clone would drop them. */
function serialiseError(err) {
  if (!(err instanceof Error)) return { message: String(err) };
  const out = { name: err.name, message: err.message, stack: err.stack };
  for (const [key, value] of Object.entries(err)) {
    if (value === undefined || typeof value === "function" || typeof value === "object") continue;
    out[key] = value;
  }
  return out;
}

const opening = (async () => {
  if (dir) fs.mkdirSync(dir, { recursive: true });
  const pg = dir ? await PGlite.create(dir) : await PGlite.create();
  await migrate(drizzle(pg), { migrationsFolder });
  return pg;
})();

/** Open transactions: the PGlite transaction object, and how to end it. */
const transactions = new Map();
let nextId = 1;

async function handle(message, pg) {
  switch (message.op) {
    case "query": {
      const target = message.txId ? transactions.get(message.txId)?.tx : pg;
      if (!target) throw new Error("the transaction has already ended");
      const parsers = Object.fromEntries((message.raw ?? []).map((oid) => [oid, identity]));
      const result = await target.query(message.sql, message.params ?? [], { rowMode: message.rowMode, parsers });
      return { rows: result.rows, fields: result.fields, affectedRows: result.affectedRows };
    }
    case "begin": {
      const txId = nextId++;
      const entry = { tx: null, resolve: null, reject: null, done: null };
      // PGlite holds its lock for the whole callback; the callback waits for commit or rollback.
      return new Promise((began, failedToBegin) => {
        entry.done = pg
          .transaction((tx) => {
            const outcome = new Promise((resolve, reject) => Object.assign(entry, { resolve, reject }));
            entry.tx = tx;
            transactions.set(txId, entry);
            began({ txId });
            return outcome;
          })
          .finally(() => transactions.delete(txId));
        entry.done.catch((err) => {
          if (!entry.tx) failedToBegin(err); // it never began (the database failed)
        });
      });
    }
    case "commit":
    case "rollback": {
      const entry = transactions.get(message.txId);
      if (!entry) throw new Error("the transaction has already ended");
      if (message.op === "commit") {
        entry.resolve(undefined);
        await entry.done;
      } else {
        entry.reject(new Error("rolled back"));
        await entry.done.catch(() => undefined);
      }
      return null;
    }
    case "listen": {
      await pg.listen(message.channel, (payload) =>
        parentPort.postMessage({ notification: { channel: message.channel, payload } }),
      );
      return null;
    }
    case "close": {
      await pg.close();
      return null;
    }
    default:
      throw new Error(`unknown operation ${message.op}`);
  }
}

opening.then(
  () => parentPort.postMessage({ ready: true }),
  (err) => parentPort.postMessage({ ready: false, error: serialiseError(err) }),
);

parentPort.on("message", (message) => {
  opening
    .then((pg) => handle(message, pg))
    .then(
      (value) => parentPort.postMessage({ id: message.id, ok: true, value }),
      (err) => parentPort.postMessage({ id: message.id, ok: false, error: serialiseError(err) }),
    )
    .finally(() => {
      if (message.op === "close") parentPort.close();
    });
});
