import { expect, type Locator, type Page } from "@playwright/test";

/** `/admin/settings`: connections and configuration, as an admin meets them. */
export class SettingsPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto("/admin/settings");
    await expect(this.page.getByRole("heading", { name: "Connections & settings" })).toBeVisible();
  }

  /** The card of one upstream ("RapidSOS (OAuth + LEI)", "Axon (device state)"). */
  upstream(label: string): Locator {
    return this.page.getByRole("region", { name: label });
  }

  /** The value shown for an environment variable, e.g. "RAPIDSOS_CLIENT_SECRET". */
  setting(variable: string): Locator {
    return this.page.locator(`[data-variable="${variable}"] dd`);
  }

  async testConnection(label: string): Promise<Locator> {
    const card = this.upstream(label);
    await card.getByRole("button", { name: `Test connection to ${label}` }).click();
    const result = card.getByTestId("test-result");
    await expect(result).toBeVisible({ timeout: 20_000 });
    return result;
  }
}
