/**
 * Build-time assets that are made from packaged data rather than committed: the offline basemap
 * (GeoJSON layers cut into one vector-tile archive) and the glyphs MapLibre needs to draw text.
 */
import fs from "node:fs";
import path from "node:path";
import { root } from "./prepare.mjs";

const steps = ["build-basemap.mjs"];
for (const step of steps) {
  const file = path.join(root, "tools", step);
  if (!fs.existsSync(file)) continue;
  const mod = await import(file);
  await mod.build();
}
