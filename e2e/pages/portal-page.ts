import { expect, type Locator, type Page } from "@playwright/test";
import { formatPhone } from "@/lib/phone/format";

/**
 * The sandbox RapidSOS Portal as a telecommunicator at the sharing center uses it (RapidSOS Data Share Partner Guide):
 * select a 911 call, open Tools, pick our solution, confirm.
 */
export class PortalPage {
  readonly tools: Locator;
  readonly outcome: Locator;

  constructor(readonly page: Page) {
    this.tools = page.getByRole("button", { name: /Tools/ });
    this.outcome = page.getByRole("status");
  }

  async goto() {
    await this.page.goto("/sandbox/portal");
    await expect(this.page.getByRole("heading", { name: "Calls" })).toBeVisible();
  }

  /** Select the call and open the confirmation; the test clicks Share itself, to time from there. */
  async prepareShare(phone: string): Promise<Locator> {
    await this.page.getByRole("radio", { name: `911 call from ${formatPhone(phone)}` }).check();
    await this.tools.click();
    await this.page.getByRole("menuitem", { name: /Dispatcher Map/ }).click();
    const dialog = this.page.getByRole("dialog", { name: /Share with Dispatcher Map/ });
    await expect(dialog).toContainText(formatPhone(phone));
    return dialog.getByRole("button", { name: "Share" });
  }
}
