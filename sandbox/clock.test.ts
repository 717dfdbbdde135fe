import { describe, expect, it } from "vitest";
import { OffsetClock } from "./clock";

function fakeReal(start = 1_000_000) {
  let t = start;
  return { now: () => t, tick: (ms: number) => (t += ms) };
}

describe("OffsetClock", () => {
  it("starts at real time and follows it", () => {
    const real = fakeReal();
    const clock = new OffsetClock(real.now);
    expect(clock.now()).toBe(1_000_000);
    real.tick(500);
    expect(clock.now()).toBe(1_000_500);
  });

  it("freezes while paused and carries on from there when resumed", () => {
    const real = fakeReal();
    const clock = new OffsetClock(real.now);
    clock.pause();
    real.tick(10_000);
    expect(clock.now()).toBe(1_000_000);
    expect(clock.isPaused()).toBe(true);
    clock.resume();
    expect(clock.now()).toBe(1_000_000);
    real.tick(1);
    expect(clock.now()).toBe(1_000_001);
  });

  it("advances running or paused, never backwards", () => {
    const real = fakeReal();
    const clock = new OffsetClock(real.now);
    clock.advance(60_000);
    expect(clock.now()).toBe(1_060_000);
    clock.pause();
    clock.advance(5_000);
    expect(clock.now()).toBe(1_065_000);
    expect(() => clock.advance(-1)).toThrow(RangeError);
  });

  it("reset returns to real time, running", () => {
    const real = fakeReal();
    const clock = new OffsetClock(real.now);
    clock.advance(99_000);
    clock.pause();
    clock.reset();
    expect(clock.isPaused()).toBe(false);
    expect(clock.now()).toBe(1_000_000);
  });
});
