import { describe, expect, it } from "vitest";
import { consoleReducer, initialConsoleState } from "./console-state";

const base = initialConsoleState;

describe("consoleReducer", () => {
  it("asks the map to frame a selection only when told to, with a fresh request each time", () => {
    const a = consoleReducer(base, { type: "selectCall", id: "c1", frame: true });
    expect(a.frame).toEqual({ kind: "call", id: "c1", seq: 1 });
    const b = consoleReducer(a, { type: "selectCall", id: "c1", frame: true });
    expect(b.frame?.seq).toBe(2);
    const c = consoleReducer(b, { type: "selectDevice", id: "d1", frame: false });
    expect(c.frame).toBe(b.frame);
  });

  it("follows only a selected caller, and a different caller starts unfollowed", () => {
    expect(consoleReducer(base, { type: "toggleFollow" }).follow).toBe(false);
    const following = consoleReducer(consoleReducer(base, { type: "selectCall", id: "c1", frame: false }), { type: "toggleFollow" });
    expect(following.follow).toBe(true);
    expect(consoleReducer(following, { type: "selectCall", id: "c1", frame: true }).follow).toBe(true);
    expect(consoleReducer(following, { type: "selectCall", id: "c2", frame: true }).follow).toBe(false);
  });

  it("Esc clears the device first, then the caller and follow", () => {
    let s = consoleReducer(base, { type: "selectCall", id: "c1", frame: false });
    s = consoleReducer(s, { type: "toggleFollow" });
    s = consoleReducer(s, { type: "selectDevice", id: "d1", frame: false });
    s = consoleReducer(s, { type: "clear" });
    expect([s.selectedCallId, s.selectedDeviceId, s.follow]).toEqual(["c1", null, true]);
    s = consoleReducer(s, { type: "clear" });
    expect([s.selectedCallId, s.selectedDeviceId, s.follow]).toEqual([null, null, false]);
  });

  it("toggles one status filter at a time", () => {
    const s = consoleReducer(base, { type: "toggleStatus", status: "docked" });
    expect(s.shownStatuses).toMatchObject({ docked: false, recording: true });
    expect(consoleReducer(s, { type: "toggleStatus", status: "docked" }).shownStatuses.docked).toBe(true);
  });
});
