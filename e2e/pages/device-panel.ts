import { expect, type Locator, type Page } from "@playwright/test";

/** The sandbox Portal's "Device or app" panel: a connected device or app firing an Emergency WorkFlow trigger. */
export class DevicePanelPage {
  readonly panel: Locator;
  readonly answer: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByRole("region", { name: "Device or app" });
    this.answer = this.panel.getByRole("status", { name: "Trigger answer" });
  }

  async trigger(flow: RegExp, fields: { phone?: string; latitude?: number; longitude?: number } = {}) {
    await this.panel.getByRole("combobox", { name: "Callflow" }).selectOption({ label: (await this.optionLabel(flow)) ?? "" });
    if (fields.phone !== undefined) await this.panel.getByRole("textbox", { name: "Phone number" }).fill(fields.phone);
    if (fields.latitude !== undefined) await this.panel.getByRole("spinbutton", { name: "Latitude" }).fill(String(fields.latitude));
    if (fields.longitude !== undefined) await this.panel.getByRole("spinbutton", { name: "Longitude" }).fill(String(fields.longitude));
    await this.panel.getByRole("button", { name: "Send trigger" }).click();
    await expect(this.panel.getByRole("button", { name: "Send trigger" })).toBeEnabled();
  }

  async sendBad(label: string) {
    await this.panel.getByRole("combobox", { name: "Deliberately bad trigger" }).selectOption({ label });
    await this.panel.getByRole("button", { name: "Send bad trigger" }).click();
  }

  private async optionLabel(flow: RegExp): Promise<string | null> {
    const labels = await this.panel.getByRole("combobox", { name: "Callflow" }).locator("option").allTextContents();
    return labels.find((l) => flow.test(l)) ?? null;
  }
}
