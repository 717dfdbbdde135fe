import { ConfigError, getConfig } from "@/lib/config/env";

/** Start-up: configuration first; later steps (database, accounts, pollers) hang off this. */
export async function startServer(): Promise<void> {
  try {
    getConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`\nDispatcher Map cannot start.\n${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}
