import { describe, expect, it } from "vitest";
import { SingleFlight } from "./single-flight";

describe("SingleFlight", () => {
  it("runs one call for identical concurrent keys and gives everyone its result", async () => {
    const flight = new SingleFlight<number>();
    let calls = 0;
    let release!: (n: number) => void;
    const call = () => {
      calls++;
      return new Promise<number>((resolve) => (release = resolve));
    };
    const all = Promise.all([flight.run("a", call), flight.run("a", call), flight.run("a", call)]);
    release(42);
    expect(await all).toEqual([42, 42, 42]);
    expect(calls).toBe(1);
    expect(flight.size).toBe(0);
  });

  it("keeps different keys apart", async () => {
    const flight = new SingleFlight<string>();
    const results = await Promise.all([
      flight.run("a", async () => "A"),
      flight.run("b", async () => "B"),
    ]);
    expect(results).toEqual(["A", "B"]);
  });

  it("shares a failure, then forgets it so the next call tries again", async () => {
    const flight = new SingleFlight<string>();
    let calls = 0;
    const failing = async () => {
      calls++;
      await new Promise((r) => setTimeout(r, 5));
      throw new Error("down");
    };
    const results = await Promise.allSettled([flight.run("k", failing), flight.run("k", failing)]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect(calls).toBe(1);
    expect(await flight.run("k", async () => "up")).toBe("up");
  });

  it("does not cache: a call after the first settled goes upstream again", async () => {
    const flight = new SingleFlight<number>();
    let calls = 0;
    await flight.run("k", async () => ++calls);
    await flight.run("k", async () => ++calls);
    expect(calls).toBe(2);
  });
});
