import fs from "node:fs";
import { chromium } from "@playwright/test";
import { describe, expect, it } from "vitest";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./chromium";

/** The browser process's own command line, as Chromium reads it. */
function commandLine(pid: number): string[] {
  return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
}

const features = (arg: string | undefined) => new Set(arg?.slice(arg.indexOf("=") + 1).split(",") ?? []);

describe.skipIf(!fs.existsSync(CHROMIUM_PATH))("the test browser's flags", () => {
  it("keep every feature Playwright switches off, since Chromium reads only the last --disable-features", async () => {
    const server = await chromium.launchServer({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    try {
      const pid = server.process().pid;
      if (pid === undefined) throw new Error("no browser process");
      const disables = commandLine(pid).filter((a) => a.startsWith("--disable-features="));
      expect(disables.length).toBeGreaterThan(1);
      const playwright = features(disables[0]);
      const effective = features(disables.at(-1));
      expect([...playwright].filter((f) => !effective.has(f))).toEqual([]);
      expect(effective.has("WebUIOmniboxPopup")).toBe(true);
    } finally {
      await server.close();
    }
  });
});
