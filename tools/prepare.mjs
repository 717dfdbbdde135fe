/**
 * Makes a checkout runnable: installs dependencies when the lockfile changed, builds when the
 * sources changed. Shared by `npm start` and `npm test` so a fresh clone needs no manual step.
 */
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const SOURCE_ROOTS = ["app", "components", "lib", "sandbox", "tools", "public", "instrumentation.ts", "proxy.ts"];
const SOURCE_FILES = [
  "package-lock.json",
  "next.config.mjs",
  "tsconfig.json",
  "postcss.config.mjs",
];
const SKIP = new Set(["node_modules", ".next", "basemap", "glyphs"]);

function run(command, args, extraEnv = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...extraEnv },
  });
  if (result.status !== 0) {
    console.error(`\n${command} ${args.join(" ")} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

function hashFiles(paths) {
  const hash = createHash("sha256");
  const visit = (rel) => {
    const abs = path.join(root, rel);
    if (!fs.existsSync(abs)) return;
    const stat = fs.statSync(abs);
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(abs).sort()) {
        if (SKIP.has(name) || name.endsWith(".test.ts") || name.endsWith(".test.tsx")) continue;
        visit(path.join(rel, name));
      }
    } else {
      hash.update(rel);
      hash.update(fs.readFileSync(abs));
    }
  };
  paths.forEach(visit);
  return hash.digest("hex");
}

export function ensureDependencies() {
  const stamp = path.join(root, "node_modules", ".dispatcher-map-lock");
  const lockHash = hashFiles(["package-lock.json"]);
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === lockHash) return;
  console.log("Installing dependencies (npm ci) …");
  run("npm", ["ci", "--no-audit", "--no-fund"]);
  fs.writeFileSync(stamp, lockHash);
}

export function ensureBuild() {
  const stamp = path.join(root, ".next", ".dispatcher-map-sources");
  const sourceHash = hashFiles([...SOURCE_ROOTS, ...SOURCE_FILES]);
  if (
    fs.existsSync(path.join(root, ".next", "BUILD_ID")) &&
    fs.existsSync(stamp) &&
    fs.readFileSync(stamp, "utf8") === sourceHash
  ) {
    return;
  }
  console.log("Building the app (assets, next build, then its static files compressed) …");
  run("node", ["tools/build-assets.mjs"]);
  run(path.join(root, "node_modules", ".bin", "next"), ["build"]);
  run("node", ["tools/compress-static.mjs"]);
  fs.writeFileSync(stamp, sourceHash);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  ensureDependencies();
  ensureBuild();
}
