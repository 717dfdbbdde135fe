import { describe, expect, it } from "vitest";
import { GET as devicesGET } from "@/app/api/devices/route";
import { GET, POST } from "./route";

const args = { params: Promise.resolve({}) };

// Auth is not wired yet; these pin that the proxies are behind withRole and answer before any
// upstream call (the lib functions are tested over real HTTP against the sandbox).
describe("LEI and devices routes", () => {
  it("need a signed-in telecommunicator", async () => {
    const get = await GET(new Request("http://localhost/api/lei/location?caller_id=4125550101"), args);
    const post = await POST(
      new Request("http://localhost/api/lei/location", {
        method: "POST",
        body: JSON.stringify({ query: "tel://14125550101" }),
      }),
      args,
    );
    const devices = await devicesGET(new Request("http://localhost/api/devices"), args);
    for (const res of [get, post, devices]) {
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: string }).error).toBe("unauthenticated");
    }
  });
});
