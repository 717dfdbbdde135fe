import { expect, test } from "./fixtures";

/**
 * The sandbox Portal, as the RapidSOS Data Share Partner Guide describes RapidSOS Portal: a call must be selected before the
 * Tools menu offers our solution; picking it asks for confirmation; confirming sends the signed
 * delivery to our handler, and the Portal shows how the handler answered.
 */
test("sharing a 911 call from the sandbox Portal reaches our handler and gets a 200", async ({ page, request }) => {
  await request.post("/sandbox/control/reset", { data: {} });
  await page.goto("/sandbox/portal");
  await expect(page.getByRole("heading", { name: "Calls" })).toBeVisible();

  const tools = page.getByRole("button", { name: /Tools/ });
  await expect(tools).toBeDisabled();

  const calls = page.getByRole("radio", { name: /911 call from/ });
  await expect(calls.first()).toBeVisible();
  const label = (await calls.first().getAttribute("aria-label")) ?? "";
  await calls.first().check();
  await expect(tools).toBeEnabled();

  await tools.click();
  const item = page.getByRole("menuitem", { name: /Dispatcher Map/ });
  await expect(item).toBeVisible();
  await expect(item).toContainText("Track this caller live");
  await page.screenshot({ path: "test-results/datashare-portal-menu.png", fullPage: true });
  await item.click();

  const dialog = page.getByRole("dialog", { name: "Share with Dispatcher Map?" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(label.replace("911 call from ", ""));
  await page.screenshot({ path: "test-results/datashare-portal-confirm.png" });
  await dialog.getByRole("button", { name: "Share" }).click();
  await expect(dialog).toBeHidden();

  const status = page.getByRole("status");
  await expect(status).toContainText("Response 200");
  await page.screenshot({ path: "test-results/datashare-portal-shared.png", fullPage: true });

  // The partner's secret key never reaches the page.
  expect(await page.content()).not.toContain("sandbox-datashare-secret");
  await expect(page.getByText("Configured (not shown)")).toBeVisible();
});

test("the control API sends deliberately bad deliveries, and the handler refuses them as documented", async ({ request }) => {
  const send = async (data: Record<string, unknown>) => {
    const res = await request.post("/sandbox/control/datashare", { data });
    expect(res.status()).toBe(200);
    return ((await res.json()) as { attempts: { status: number }[] }).attempts.map((a) => a.status);
  };
  expect(await send({ repeat: 2 })).toEqual([200, 200]);
  expect(await send({ signature: "wrong" })).toEqual([401]);
  expect(await send({ signature: "missing" })).toEqual([401]);
  expect(await send({ signature: "uppercase" })).toEqual([200]);
  expect(await send({ body: "{not json" })).toEqual([400]);
  expect(await send({ fields: { bounding_box: [-80, 41, -79, 40] } })).toEqual([400]);
  expect(await send({ fields: { access_token: null } })).toEqual([400]);
  expect(await send({ body: JSON.stringify({ pad: "x".repeat(70_000) }) })).toEqual([400]);
});
