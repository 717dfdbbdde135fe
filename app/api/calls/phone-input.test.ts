/**
 * A phone number is checked once, at the edge: every route that takes one answers 400 naming the
 * field, and nothing goes upstream. (The LEI client itself takes only normalised queries.)
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn, startApp, type RunningApp } from "@/testing/app-server";

let app: RunningApp;
let cookie: string;

beforeAll(async () => {
  app = await startApp();
  cookie = await signIn(app.url, "telecommunicator@sandbox.local", "sandbox-demo");
});
afterAll(async () => {
  await app?.stop();
});

const leiRequests = async () =>
  ((await (await fetch(`${app.url}/sandbox/control/requests`)).json()) as { rapidsos: { location: number } }).rapidsos.location;

describe("a number that cannot be a phone number", () => {
  it.each([
    ["GET /api/lei/location", () => fetch(`${app.url}/api/lei/location?caller_id=call%20me`, { headers: { cookie } }), "caller_id"],
    [
      "POST /api/lei/location",
      () =>
        fetch(`${app.url}/api/lei/location`, {
          method: "POST",
          headers: { cookie, "content-type": "application/json" },
          body: JSON.stringify({ caller_id: "555-0101" }),
        }),
      "caller_id",
    ],
    [
      "POST /api/calls",
      () =>
        fetch(`${app.url}/api/calls`, {
          method: "POST",
          headers: { cookie, "content-type": "application/json" },
          body: JSON.stringify({ phone: "pizza" }),
        }),
      "phone",
    ],
  ])("%s answers 400 naming the field, before anything goes upstream", async (_route, send, field) => {
    const before = await leiRequests();
    const res = await send();
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; detail: string };
    expect(body.error).toBe("bad_request");
    expect(body.detail).toMatch(new RegExp(`^${field}: .*(not a phone number|cannot be a phone number)`));
    expect(await leiRequests()).toBe(before);
  });
});
