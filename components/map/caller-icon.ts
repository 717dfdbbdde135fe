import type { MapTheme } from "@/lib/map/theme";

/**
 * The RapidSOS caller marker: a diamond with a hollow centre. It must not look like a carrier (ALI)
 * pin or a device dot, because RapidSOS location is supplemental to the carrier's.
 */
export function drawCallerIcon(theme: MapTheme, pixelRatio = 2): { width: number; height: number; data: Uint8ClampedArray } {
  const size = 30 * pixelRatio;
  const canvas = document.createElement("canvas");
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("2D canvas unavailable");
  const c = size / 2;
  const diamond = (r: number) => {
    ctx.beginPath();
    ctx.moveTo(c, c - r);
    ctx.lineTo(c + r, c);
    ctx.lineTo(c, c + r);
    ctx.lineTo(c - r, c);
    ctx.closePath();
  };
  diamond(c - 2 * pixelRatio);
  ctx.fillStyle = theme.overlay.markerCasing;
  ctx.fill();
  diamond(c - 4 * pixelRatio);
  ctx.fillStyle = theme.overlay.caller;
  ctx.fill();
  diamond(c - 10 * pixelRatio);
  ctx.fillStyle = theme.overlay.markerCasing;
  ctx.fill();
  ctx.beginPath();
  ctx.arc(c, c, 2.5 * pixelRatio, 0, Math.PI * 2);
  ctx.fillStyle = theme.overlay.caller;
  ctx.fill();
  const img = ctx.getImageData(0, 0, size, size);
  return { width: size, height: size, data: img.data };
}
