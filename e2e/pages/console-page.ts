import { expect, type Locator, type Page } from "@playwright/test";
import { formatPhone } from "@/lib/phone/format";

export interface MirroredCall {
  id: string;
  phone: string;
  freshness: string | null;
  lat: number;
  lng: number;
  radiusM: number | null;
  confidence: number | null;
  circle: string | null;
}

const num = (v: string | null) => (v === null || v === "" ? null : Number(v));

/**
 * The console as a user and a screen reader meet it. Map state is read from the accessible mirror
 * (list rows' data attributes) and the map region's published camera, never from pixels.
 */
export class ConsolePage {
  readonly search: Locator;
  readonly calls: Locator;
  readonly nearest: Locator;
  readonly devices: Locator;
  readonly map: Locator;
  readonly callerDetails: Locator;
  readonly deviceDetails: Locator;
  readonly banner: Locator;
  /** Announcements of calls newly shared from RapidSOS Portal. */
  readonly shareToasts: Locator;

  constructor(readonly page: Page) {
    this.search = page.getByLabel(/find caller by phone/i);
    this.calls = page.getByRole("listbox", { name: "Calls" });
    this.nearest = page.getByRole("listbox", { name: "Nearest officers" });
    this.devices = page.getByRole("listbox", { name: "Devices" });
    this.map = page.getByRole("region", { name: /map of callers/i });
    this.callerDetails = page.locator("section[aria-labelledby=caller-details-title]");
    this.deviceDetails = page.locator("section[aria-labelledby=device-details-title]");
    this.banner = page.getByTestId("upstream-banner");
    this.shareToasts = page.getByRole("region", { name: "New shared calls" });
  }

  /** The announcement of a call newly shared from RapidSOS Portal, by its number. */
  shareToast(phone: string): Locator {
    return this.shareToasts.getByRole("alert").filter({ hasText: formatPhone(phone) });
  }

  callRowByPhone(phone: string): Locator {
    return this.calls.locator(`[role=option][data-phone="${phone}"]`);
  }

  /** Every number in this user's call list now (their own calls and the center's shared calls). */
  async listedPhones(): Promise<Set<string>> {
    const res = await this.page.request.get("/api/calls");
    expect(res.ok(), `GET /api/calls: ${res.status()}`).toBe(true);
    const { calls } = (await res.json()) as { calls: { phone: string }[] };
    return new Set(calls.map((c) => c.phone));
  }

  /**
   * Note, in the page, the moment a row for `phone` enters the call list (Date.now(): the test and
   * the browser share this machine's clock), so arrival is timed to the DOM change itself rather
   * than to when an assertion happened to look.
   */
  async watchForRow(phone: string): Promise<() => Promise<number>> {
    await this.page.evaluate((p) => {
      const w = window as unknown as { __rowSeen?: Record<string, number> };
      const seen = (w.__rowSeen ??= {});
      const look = () => {
        if (seen[p] === undefined && document.querySelector(`#call-list [role=option][data-phone="${p}"]`)) seen[p] = Date.now();
      };
      look();
      new MutationObserver(look).observe(document.body, { subtree: true, childList: true });
    }, phone);
    return async () => {
      const handle = await this.page.waitForFunction(
        (p) => (window as unknown as { __rowSeen?: Record<string, number> }).__rowSeen?.[p] ?? false,
        phone,
        { timeout: 15_000, polling: 50 },
      );
      return (await handle.jsonValue()) as number;
    };
  }

  /** Start from an empty "my calls" list: close whatever earlier tests opened (shared calls stay). */
  async closeMyCalls() {
    const res = await this.page.request.get("/api/calls");
    expect(res.ok(), `GET /api/calls: ${res.status()}`).toBe(true);
    const { calls } = (await res.json()) as { calls: { id: string; openedByMe: boolean }[] };
    for (const c of calls.filter((c) => c.openedByMe)) {
      const closed = await this.page.request.post(`/api/calls/${c.id}/close`);
      expect(closed.status()).toBe(204);
    }
  }

  /** The selected row of the call list (after a search or a click). */
  get selectedCall(): Locator {
    return this.calls.locator("[role=option][aria-selected=true]");
  }

  async goto() {
    await this.page.goto("/");
    await expect(this.map).toHaveAttribute("data-map-ready", "true", { timeout: 30_000 });
    // Devices are the first live data: once listed, the feeds are running.
    await expect(this.devices.getByRole("option").first()).toBeVisible({ timeout: 20_000 });
  }

  callRow(id: string): Locator {
    return this.calls.locator(`[role=option][data-call-id="${id}"]`);
  }

  deviceRow(id: string): Locator {
    return this.devices.locator(`[role=option][data-device-id="${id}"]`);
  }

  async find(phone: string) {
    await this.search.fill(phone);
    await this.search.press("Enter");
  }

  /** What the map draws for a call, as its list row mirrors it. */
  async mirroredCall(row: Locator): Promise<MirroredCall> {
    await expect(row).toHaveAttribute("data-lat", /\d/);
    const a = (n: string) => row.getAttribute(n);
    return {
      id: (await a("data-call-id")) ?? "",
      phone: (await a("data-phone")) ?? "",
      freshness: await a("data-freshness"),
      lat: Number(await a("data-lat")),
      lng: Number(await a("data-lng")),
      radiusM: num(await a("data-radius-m")),
      confidence: num(await a("data-confidence")),
      circle: await a("data-circle"),
    };
  }

  /** [west, south, east, north] of what the map shows now. */
  async bounds(): Promise<[number, number, number, number]> {
    const text = await this.map.getAttribute("data-bounds");
    const parts = (text ?? "").split(",").map(Number);
    return [parts[0] ?? NaN, parts[1] ?? NaN, parts[2] ?? NaN, parts[3] ?? NaN];
  }

  /** Wait until the camera shows this point (after a selection, a search or follow). */
  async expectInView(lat: number, lng: number) {
    await expect
      .poll(async () => {
        const [w, s, e, n] = await this.bounds();
        return lng > w && lng < e && lat > s && lat < n;
      }, { timeout: 15_000 })
      .toBe(true);
  }

  /** The map has drawn everything it has (tiles, glyphs, layers): a stable moment for a screenshot. */
  async waitForMapIdle() {
    await expect(this.map).toHaveAttribute("data-map-idle", "true", { timeout: 30_000 });
  }

  async zoom(): Promise<number> {
    return Number(await this.map.getAttribute("data-zoom"));
  }

  async screenshot(name: string) {
    await this.page.screenshot({ path: `e2e/screenshots/${name}.png` });
  }
}
