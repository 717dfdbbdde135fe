/**
 * The house rules a newcomer relies on, checked on the source itself: no import circles; what ships
 * to an agency never imports the simulator (only start-up wires it, and the /sandbox routes are its
 * own door); the error/response module is a leaf; lib/ never reaches up into components/.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "..");
const SOURCE_DIRS = ["app", "components", "lib", "sandbox", "testing"];
const EXTENSIONS = [".ts", ".tsx", "/index.ts", "/index.tsx"];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(rel);
  }
  return out;
}

const isTest = (file: string) => /\.test\.tsx?$/.test(file);

/** Static and dynamic imports of our own modules, resolved to repository paths. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), "utf8");
  const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)"([^"]+)"/g)].map((m) => m[1]!);
  const out: string[] = [];
  for (const spec of specifiers) {
    let base: string;
    if (spec.startsWith("@/")) base = spec.slice(2);
    else if (spec.startsWith(".")) base = path.join(path.dirname(file), spec);
    else continue;
    const hit = ["", ...EXTENSIONS].map((ext) => base + ext).find((p) => fs.existsSync(path.join(root, p)) && fs.statSync(path.join(root, p)).isFile());
    if (hit) out.push(path.normalize(hit));
  }
  return out;
}

const files = SOURCE_DIRS.flatMap(sourceFiles);
const graph = new Map(files.map((f) => [f, importsOf(f)]));

/** Strongly connected components with more than one module (or a module importing itself). */
function circles(): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(scc.sort());
    }
  };
  for (const f of files) if (!idx.has(f)) visit(f);
  return found;
}

describe("the house", () => {
  it("reads every module's imports (the check below is not vacuous)", () => {
    expect(files.length).toBeGreaterThan(200);
    expect(graph.get("lib/server/route.ts")).toContain("lib/auth/request.ts");
  });

  it("has no import circle", () => {
    expect(circles()).toEqual([]);
  });

  it("keeps the simulator out of what ships: only start-up and the /sandbox routes import it", () => {
    const offenders = files.filter(
      (f) =>
        !f.startsWith("sandbox/") &&
        !f.startsWith("testing/") &&
        !f.startsWith("app/sandbox/") &&
        f !== "lib/startup.ts" &&
        !isTest(f) &&
        graph.get(f)!.some((dep) => dep.startsWith("sandbox/")),
    );
    expect(offenders).toEqual([]);
  });

  it("keeps the error and response module a leaf", () => {
    const deps = graph.get("lib/server/http.ts")!;
    expect(deps.every((d) => d.startsWith("lib/server/"))).toBe(true);
  });

  it("never lets lib/ import a component", () => {
    const offenders = files.filter((f) => f.startsWith("lib/") && graph.get(f)!.some((d) => d.startsWith("components/")));
    expect(offenders).toEqual([]);
  });
});
