/**
 * How the tests and the benchmarks launch Debian's Chromium (no browser can be downloaded here).
 * Playwright's config and every `npm run bench:*` that opens a page use these, so a figure from a
 * benchmark and a test's timing come from the same browser.
 */

/** Debian's Chromium; CHROMIUM_PATH points elsewhere. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  // No GPU here: ANGLE on SwiftShader renders MapLibre's WebGL on the CPU.
  "--use-angle=swiftshader",
  "--enable-unsafe-swiftshader",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
  // Every Playwright context is a new browser window, and Chromium 156 preloads each window's
  // address-bar popup as a WebUI page in a renderer of its own, although headless shows no address
  // bar: about 2 s of CPU per context, beside the page being loaded (measured: a console load
  // 7.9-9.5 s of CPU with it, 5.5-6.9 s without; map ready 3.0-3.3 s -> 1.9-2.4 s after
  // navigation). A telecommunicator's browser pays it once per window, not per console load.
  "--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup",
];
