import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";

/** The console's Alerts queue and the selected alert, as a user and a screen reader meet them. */
export class AlertsPanel {
  readonly queue: Locator;
  readonly details: Locator;
  readonly toasts: Locator;

  constructor(readonly page: Page) {
    this.queue = page.getByRole("listbox", { name: "Alerts" });
    this.details = page.getByRole("region", { name: "Alert details" });
    this.toasts = page.getByRole("region", { name: "New alerts" });
  }

  async open() {
    await this.page.goto("/");
    // An empty listbox has no size: wait for its section instead.
    await expect(this.page.getByRole("heading", { name: /^Alerts/ })).toBeVisible();
  }

  row(id: string): Locator {
    return this.queue.locator(`[data-alert-id="${id}"]`);
  }
}

export interface CreatedAlert {
  alert_id: string;
  status: { name: string };
  sla_expiration_time: number | null;
}

/** The sandbox's Alerts platform, through its control API (the central station's side). */
export class AlertsControl {
  constructor(private readonly request: APIRequestContext) {}

  /** A running clock (SLAs must run), no scenario alerts in the way. */
  async reset() {
    for (const [path, data] of [
      ["reset", {}],
      ["alerts/settings", { scenario: false }],
    ] as const) {
      const res = await this.request.post(`/sandbox/control/${path}`, { data });
      expect(res.ok()).toBe(true);
    }
  }

  async create(template: string, slaSeconds = 600): Promise<CreatedAlert> {
    const res = await this.request.post("/sandbox/control/alerts", { data: { template, slaSeconds } });
    expect(res.status(), await res.text()).toBe(201);
    return (await res.json()) as CreatedAlert;
  }

  async upstream(id: string): Promise<{ status: { name: string }; decline_reason: string | null; disposition: { name: string } | null }> {
    const res = await this.request.get("/sandbox/control/alerts");
    const all = ((await res.json()) as { alerts: { alert_id: string; status: { name: string }; decline_reason: string | null; disposition: { name: string } | null }[] }).alerts;
    const found = all.find((a) => a.alert_id === id);
    if (!found) throw new Error(`no alert ${id} in the sandbox`);
    return found;
  }
}
