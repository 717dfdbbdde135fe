import type { Device, DevicesResponse } from "@/lib/axon/types";
import { mapTheme } from "@/lib/map/theme";
import { asRole, expect, test } from "./fixtures";

test.use(asRole("telecommunicator"));

test.beforeEach(async ({ sandbox, consolePage }) => {
  await sandbox.resetPaused();
  await consolePage.closeMyCalls();
  await consolePage.goto();
});

const rgb = (hex: string) => {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
};

const STATUS_COLOR = {
  recording: mapTheme("dark").overlay.recording,
  buffering: mapTheme("dark").overlay.buffering,
  docked: mapTheme("dark").overlay.offline,
} as const;

/** Great-circle metres, written out here so the ranking is checked against independent maths. */
function haversineM(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(h));
}

/** Initial great-circle bearing, degrees clockwise from north. */
function initialBearing(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const y = Math.sin((b.lon - a.lon) * rad) * Math.cos(b.lat * rad);
  const x = Math.cos(a.lat * rad) * Math.sin(b.lat * rad) - Math.sin(a.lat * rad) * Math.cos(b.lat * rad) * Math.cos((b.lon - a.lon) * rad);
  return ((Math.atan2(y, x) / rad) + 360) % 360;
}

test("devices show their status colour, and a click shows the officer and the device", async ({ consolePage, page }) => {
  // A person's click on a row below the fold, before anything in the list is active: the press
  // focuses the list, and the row under the pointer is still the one selected (the list once jumped
  // to its first row on focus, between press and release, and the click selected nothing).
  const last = consolePage.devices.getByRole("option").last();
  const lastId = await last.getAttribute("data-device-id");
  await last.click({ delay: 150 });
  await expect(consolePage.deviceDetails).toHaveAttribute("data-device-id", lastId ?? "");
  await page.keyboard.press("Escape");

  const { devices } = (await (await page.request.get("/api/devices")).json()) as DevicesResponse;
  for (const status of ["recording", "buffering", "docked"] as const) {
    const device = devices.find((d) => d.status === status && d.officer && d.location);
    if (!device) throw new Error(`the scenario has no ${status} device with an officer`);
    const row = consolePage.deviceRow(device.id);
    await expect(row).toHaveAttribute("data-status", status);
    await expect(row).toHaveAttribute("data-lat", String(device.location?.latitude));
    await expect(row.locator("span.rounded-full").first()).toHaveCSS("background-color", rgb(STATUS_COLOR[status]));
  }

  const recording = devices.find((d): d is Device & { officer: NonNullable<Device["officer"]> } => d.status === "recording" && d.officer !== null && d.location !== null);
  if (!recording?.location) throw new Error("no recording device");
  await consolePage.deviceRow(recording.id).click();
  const details = consolePage.deviceDetails;
  await expect(details).toHaveAttribute("data-device-id", recording.id);
  await expect(details.getByRole("heading")).toHaveText(recording.officer.name);
  await expect(details).toContainText(`Badge ${recording.officer.badge}`);
  await expect(details).toContainText(recording.serial);
  // The model as people say it ("Axon Body 4"), the agency the camera belongs to, the officer's user id.
  await expect(details).toContainText(recording.modelName);
  expect(recording.modelName).toMatch(/^Axon Body \d$/);
  await expect(details).toContainText(recording.agency);
  await expect(details).toContainText(`User ID ${recording.officer.userId}`);
  await expect(details).toContainText(`${recording.batteryPct}%`);
  await expect(details.getByTestId("device-status")).toContainText("Recording");
  await expect(details).toContainText(/accuracy/);
  await consolePage.expectInView(recording.location.latitude, recording.location.longitude);
});

test("nearest officers are ranked by distance from the selected caller, with distance and bearing", async ({ consolePage, page }) => {
  await consolePage.find("412-555-0101");
  const caller = await consolePage.mirroredCall(consolePage.selectedCall);
  const rows = consolePage.nearest.getByRole("option");
  await expect(rows).toHaveCount(10);

  const { devices } = (await (await page.request.get("/api/devices")).json()) as DevicesResponse;
  const expected = devices
    .filter((d) => d.location)
    .map((d) => ({ id: d.id, m: haversineM({ lat: caller.lat, lon: caller.lng }, { lat: d.location!.latitude, lon: d.location!.longitude }) }))
    .sort((a, b) => a.m - b.m)
    .slice(0, 10);

  const shown = await rows.evaluateAll((els) =>
    els.map((el) => ({ id: el.getAttribute("data-device-id"), m: Number(el.getAttribute("data-distance-m")) })),
  );
  expect(shown.map((s) => s.id)).toEqual(expected.map((e) => e.id));
  shown.forEach((s, i) => expect(Math.abs(s.m - (expected[i]?.m ?? NaN))).toBeLessThan(2));
  // Distance and compass bearing as text, the bearing checked against independent maths too.
  const first = devices.find((d) => d.id === expected[0]?.id)!.location!;
  const deg = Number(await rows.first().getAttribute("data-bearing-deg"));
  expect(Math.abs(deg - initialBearing({ lat: caller.lat, lon: caller.lng }, { lat: first.latitude, lon: first.longitude }))).toBeLessThanOrEqual(1);
  await expect(rows.first()).toContainText(`${Math.round(expected[0]?.m ?? 0)} m`);
  await expect(rows.first()).toContainText(new RegExp(`(N|NE|E|SE|S|SW|W|NW) ${deg}°`));

  // One click shows that officer on the map.
  await rows.nth(2).click();
  await expect(consolePage.deviceDetails).toHaveAttribute("data-device-id", expected[2]?.id ?? "");
  const d = devices.find((x) => x.id === expected[2]?.id);
  await consolePage.expectInView(d!.location!.latitude, d!.location!.longitude);
});

test("a camera lists every assignee; when Axon withholds assignees (no Users read) it says the officer is not visible", async ({
  consolePage,
  page,
  sandbox,
}) => {
  const { devices } = (await (await page.request.get("/api/devices")).json()) as DevicesResponse;
  const paired = devices.find((d) => d.assignees.length > 1);
  if (!paired) throw new Error("the scenario has no camera with a field-training partner");
  // Found the way a telecommunicator would: by its serial in the device search.
  await page.getByLabel(/search devices/i).fill(paired.serial);
  await expect(consolePage.devices.getByRole("option")).toHaveCount(1);
  await consolePage.deviceRow(paired.id).click();
  const details = consolePage.deviceDetails;
  const assignees = details.getByTestId("device-assignees").getByRole("listitem");
  await expect(assignees).toHaveCount(paired.assignees.length);
  for (const [i, a] of paired.assignees.entries()) {
    await expect(assignees.nth(i)).toHaveAttribute("data-user-id", a.userId);
    await expect(assignees.nth(i)).toContainText(`${a.name} · Badge ${a.badge} · User ID ${a.userId}`);
  }
  await expect(assignees.first()).toHaveAttribute("data-primary", "true");
  await consolePage.screenshot("device-assignees");

  // An Axon admin takes Users read away from the app's API client: names go, and the console says why.
  await sandbox.setAxonScopes(["device.state.any.read", "respond.any.locate"]);
  await expect(details.getByRole("heading")).toHaveText("Officer not visible", { timeout: 20_000 });
  await expect(details.getByTestId("device-officer-hidden")).toContainText("not visible with this API client's permissions");
  await expect(details).not.toContainText("Unassigned");
  await expect(consolePage.deviceRow(paired.id)).toContainText("Officer not visible");
  await consolePage.screenshot("device-officer-hidden");

  // Given back, the officer is back (and later tests see officers again).
  await sandbox.setAxonScopes(["device.state.any.read", "respond.any.locate", "users.read"]);
  await expect(details.getByRole("heading")).toHaveText(paired.officer?.name ?? "", { timeout: 20_000 });
});

const FAULTS = [
  { upstream: "axon", kind: "500", banner: /Body-camera data unavailable \(error 50\d\)/, stale: "devices-heading" },
  { upstream: "axon", kind: "429", banner: /Body-camera data unavailable \(rate limited/, stale: "devices-heading" },
  { upstream: "axon", kind: "slow", banner: /Body-camera data unavailable \(timed out\)/, stale: "devices-heading" },
  { upstream: "rapidsos", kind: "500", banner: /RapidSOS is not answering/, stale: "calls-heading" },
] as const;

for (const f of FAULTS) {
  test(`an injected ${f.upstream} ${f.kind} shows the banner and keeps the last data, marked stale`, async ({ consolePage, sandbox, page }) => {
    await consolePage.find("412-555-0101");
    const call = await consolePage.mirroredCall(consolePage.selectedCall);
    const deviceCount = await consolePage.devices.getByRole("option").count();
    expect(deviceCount).toBeGreaterThan(0);

    await sandbox.fault(f.upstream, f.kind);
    await expect(consolePage.banner).toContainText(f.banner, { timeout: 30_000 });
    await expect(page.locator(`section[aria-labelledby=${f.stale}]`)).toHaveAttribute("data-stale", "true");
    // The last data stays: every device and the caller, where they were.
    await expect(consolePage.devices.getByRole("option")).toHaveCount(deviceCount);
    expect(await consolePage.mirroredCall(consolePage.callRow(call.id))).toMatchObject({ lat: call.lat, lng: call.lng });
    await consolePage.screenshot(`console-fault-${f.upstream}-${f.kind}`);

    await sandbox.clearFaults();
    await expect(consolePage.banner).toBeHidden({ timeout: 30_000 });
  });
}
