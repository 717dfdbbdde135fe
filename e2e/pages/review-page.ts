import { expect, type Locator, type Page } from "@playwright/test";

/** `/review`: the stored calls and their filters, as a supervisor meets them. */
export class ReviewListPage {
  readonly table: Locator;
  readonly phone: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole("table", { name: "Stored calls" });
    this.phone = page.getByLabel("Phone number");
  }

  async goto(query = "") {
    await this.page.goto(`/review${query ? `?${query}` : ""}`);
    await expect(this.page.getByRole("heading", { name: "Call review" })).toBeVisible();
  }

  async searchPhone(typed: string) {
    await this.phone.fill(typed);
    await this.page.getByRole("button", { name: "Search" }).click();
    await this.page.waitForURL((url) => url.searchParams.has("phone"));
  }

  row(callId: string): Locator {
    return this.table.locator(`tr[data-call-id="${callId}"]`);
  }

  get rows(): Locator {
    return this.table.locator("tbody tr");
  }
}

/** `/review/<id>`: one call's map, timeline and side panel. Map state is read from its data attributes. */
export class CallReviewPage {
  readonly map: Locator;
  readonly timeline: Locator;
  readonly selectedPoint: Locator;
  readonly nearest: Locator;
  readonly exportCsv: Locator;
  readonly exportGeoJson: Locator;

  constructor(readonly page: Page) {
    this.map = page.getByRole("region", { name: "Map of the reviewed call" });
    this.timeline = page.getByRole("grid", { name: "Timeline" });
    this.selectedPoint = page.getByTestId("selected-point");
    this.nearest = page.locator("section[aria-labelledby=nearest-at-time-title]");
    this.exportCsv = page.getByRole("link", { name: "Export CSV" });
    this.exportGeoJson = page.getByRole("link", { name: "Export GeoJSON" });
  }

  async waitForMap() {
    await expect(this.map).toHaveAttribute("data-map-ready", "true", { timeout: 30_000 });
  }

  async waitForMapIdle() {
    await expect(this.map).toHaveAttribute("data-map-idle", "true", { timeout: 30_000 });
  }

  /** Timeline rows (the header row excluded). */
  get rows(): Locator {
    return this.timeline.locator("tbody tr");
  }

  get selectedRow(): Locator {
    return this.timeline.locator("tbody tr[aria-selected=true]");
  }

  async selectedIndex(): Promise<number> {
    return Number(await this.selectedRow.getAttribute("data-index"));
  }

  async rowPoint(index: number): Promise<{ lat: number; lng: number }> {
    const row = this.rows.nth(index);
    return { lat: Number(await row.getAttribute("data-lat")), lng: Number(await row.getAttribute("data-lng")) };
  }

  /** Wait until the map is centred on this point (it follows the selection). */
  async expectCentredOn(point: { lat: number; lng: number }) {
    await expect
      .poll(async () => {
        const [lng, lat] = ((await this.map.getAttribute("data-center")) ?? "").split(",").map(Number);
        return Math.abs((lng ?? NaN) - point.lng) < 1e-4 && Math.abs((lat ?? NaN) - point.lat) < 1e-4;
      }, { timeout: 10_000 })
      .toBe(true);
  }
}
