/**
 * How the tests and the benchmarks launch Debian's Chromium (no browser can be downloaded here).
 * Playwright's config and every `npm run bench:*` that opens a page use these, so a figure from a
 * benchmark and a test's timing come from the same browser.
 */

/** Debian's Chromium; CHROMIUM_PATH points elsewhere. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * What Playwright's own `--disable-features` holds (playwright-core 1.x, as pinned). Chromium reads
 * only the last `--disable-features` on its command line, so ours must repeat Playwright's list or
 * would switch those features back on; testing/chromium.test.ts fails when the two part ways.
 */
export const PLAYWRIGHT_DISABLED_FEATURES = [
  "AvoidUnnecessaryBeforeUnloadCheckSync",
  "DestroyProfileOnBrowserClose",
  "HttpsUpgrades",
  "HttpsFirstBalancedModeAutoEnable",
  "LensOverlay",
  "MediaRouter",
  "PaintHolding",
  "ThirdPartyStoragePartitioning",
  "AvoidCorsURLLoaderRestartOnRedirect",
  "TcpPortRandomizationWin",
  "OptimizationHints",
  "NetworkTimeServiceQuerying",
  "AimEnabled",
  "PreconnectToSearch",
  "msForceBrowserSignIn",
  "msEdgeUpdateLaunchServicesPreferredVersion",
];

/**
 * Every Playwright context is a new browser window, and Chromium 156 preloads each window's
 * address-bar popup as a WebUI page in a renderer of its own, although headless shows no address
 * bar: about 2 s of CPU per context, beside the page being loaded (measured, three console loads in a
 * row: 9.6-11.0 s of CPU with it, 7.4-8.5 s without; map ready 3.4-3.7 s -> 2.3-2.6 s after
 * navigation). A telecommunicator's browser pays it once per window, not per console load.
 */
const NO_ADDRESS_BAR_POPUP = ["WebUIOmniboxPopup", "WebUIOmniboxAimPopup", "WebUIOmniboxFullPopup"];

export const CHROMIUM_ARGS = [
  // No GPU here: ANGLE on SwiftShader renders MapLibre's WebGL on the CPU.
  "--use-angle=swiftshader",
  "--enable-unsafe-swiftshader",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...NO_ADDRESS_BAR_POPUP].join(",")}`,
];
