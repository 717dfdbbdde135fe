/**
 * The embedded PGlite on its own thread (`pglite-worker.mjs`), seen from the server as much of the
 * PGlite interface as Drizzle's PGlite driver uses: `query` (with row mode and type parsers),
 * `transaction`, plus `listen` and `close`. A query's SQL work runs on the worker, so the request
 * thread only posts a message and reads the answer.
 *
 * Why not the PostgreSQL wire protocol (`@electric-sql/pglite-socket` and `pg`): PGlite is one
 * session, and the app holds a LISTEN and transactions beside its queries; a socket would have to
 * multiplex connections onto that one session anyway, and pay to encode and decode every row twice.
 */
import path from "node:path";
import { Worker } from "node:worker_threads";

type Parser = (value: string, typeId: number) => unknown;

export interface QueryConfig {
  rowMode?: "array" | "object";
  parsers?: Record<number, Parser>;
}

export interface QueryResult {
  rows: unknown[];
  fields: { name: string; dataTypeID: number }[];
  affectedRows?: number;
}

export interface ThreadQueryable {
  query(sql: string, params?: unknown[], config?: QueryConfig): Promise<QueryResult>;
}

export interface PgliteThread extends ThreadQueryable {
  transaction<T>(fn: (tx: ThreadQueryable) => Promise<T>): Promise<T>;
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

interface SerialisedError {
  name?: string;
  message: string;
  stack?: string;
  [key: string]: unknown;
}

const WORKER_FILE = path.join(process.cwd(), "lib", "db", "pglite-worker.mjs");

/** An error from the worker, with PostgreSQL's fields (code, detail, constraint…) restored. */
function revive(error: SerialisedError): Error {
  const err = new Error(error.message);
  Object.assign(err, error);
  return err;
}

/**
 * Start the worker on a folder (null: in memory), migrate, and resolve once it answers. The
 * worker keeps the process alive only while a request to it is outstanding.
 */
export async function startPgliteThread(
  dir: string | null,
  migrationsFolder: string,
  /** The worker died after it had started (not a close): the caller may open a new one. */
  onLost?: (err: Error) => void,
): Promise<PgliteThread> {
  const worker = new Worker(WORKER_FILE, { workerData: { dir, migrationsFolder } });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (err: Error) => void }>();
  const channels = new Map<string, Set<(payload: string) => void>>();
  let nextId = 1;
  let stopped: Error | null = null;

  const settleRef = () => (pending.size > 0 ? worker.ref() : worker.unref());

  let started = false;
  const ready = new Promise<void>((resolve, reject) => {
    worker.on("message", (message: Record<string, unknown>) => {
      if ("ready" in message) {
        if (message.ready) {
          started = true;
          resolve();
        } else {
          reject(revive(message.error as SerialisedError));
        }
        return;
      }
      if (message.notification) {
        const { channel, payload } = message.notification as { channel: string; payload: string };
        channels.get(channel)?.forEach((handler) => handler(payload));
        return;
      }
      const call = pending.get(message.id as number);
      if (!call) return;
      pending.delete(message.id as number);
      settleRef();
      if (message.ok) call.resolve(message.value);
      else call.reject(revive(message.error as SerialisedError));
    });
    const fail = (err: Error) => {
      stopped = err;
      reject(err);
      for (const call of pending.values()) call.reject(err);
      pending.clear();
      if (started) onLost?.(err);
    };
    worker.on("error", (err) => fail(new Error(`the embedded database stopped: ${err.message}`)));
    worker.on("exit", (code) => {
      if (!stopped) fail(new Error(`the embedded database stopped (exit ${code})`));
    });
  });

  const call = <T>(message: Record<string, unknown>): Promise<T> => {
    if (stopped) return Promise.reject(stopped);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      settleRef();
      worker.postMessage({ ...message, id });
    });
  };

  /**
   * The worker leaves the types the caller has parsers for as text; the parsers run here, so the
   * answer is what PGlite would have given on this thread.
   */
  const query = async (sql: string, params: unknown[] = [], config: QueryConfig = {}, txId?: number) => {
    const parsers = config.parsers ?? {};
    const raw = Object.keys(parsers).map(Number);
    const result = await call<QueryResult>({ op: "query", sql, params, rowMode: config.rowMode, raw, txId });
    if (raw.length > 0) applyParsers(result, parsers, config.rowMode ?? "object");
    return result;
  };

  try {
    await ready;
  } catch (err) {
    await worker.terminate();
    throw err;
  }
  worker.unref();

  return {
    query: (sql, params, config) => query(sql, params, config),
    async transaction(fn) {
      const { txId } = await call<{ txId: number }>({ op: "begin" });
      let result;
      try {
        result = await fn({ query: (sql, params, config) => query(sql, params, config, txId) });
      } catch (err) {
        await call({ op: "rollback", txId }).catch(() => undefined);
        throw err;
      }
      await call({ op: "commit", txId });
      return result;
    },
    async listen(channel, onPayload) {
      let set = channels.get(channel);
      if (!set) {
        set = new Set();
        channels.set(channel, set);
        await call({ op: "listen", channel });
      }
      set.add(onPayload);
      return async () => {
        set.delete(onPayload);
      };
    },
    async close() {
      if (stopped) return;
      await call({ op: "close" }).catch(() => undefined);
      stopped = new Error("the embedded database is closed");
      await worker.terminate();
    },
  };
}

function applyParsers(result: QueryResult, parsers: Record<number, Parser>, rowMode: "array" | "object") {
  result.fields.forEach((field, index) => {
    const parse = parsers[field.dataTypeID];
    if (!parse) return;
    for (const row of result.rows) {
      if (rowMode === "array") {
        const cells = row as unknown[];
        if (cells[index] != null) cells[index] = parse(cells[index] as string, field.dataTypeID);
      } else {
        const record = row as Record<string, unknown>;
        if (record[field.name] != null) record[field.name] = parse(record[field.name] as string, field.dataTypeID);
      }
    }
  });
}
