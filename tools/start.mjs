/**
 * `npm start`: install and build as needed, then serve the production build on $PORT (3000).
 * The app itself validates its configuration, prepares the database and prints the URL and the
 * sandbox accounts as it starts.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { ensureBuild, ensureDependencies, root } from "./prepare.mjs";

ensureDependencies();
ensureBuild();

const child = spawn(process.execPath, [path.join(root, "tools", "serve.mjs")], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => child.kill(signal));
}
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
