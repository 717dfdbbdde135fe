/**
 * The clock data ages are measured against. With the embedded sandbox, that is the sandbox's own
 * clock (which tests and demos pause and advance), so a location's age on screen matches the world
 * that produced it; against real upstreams it is the server's clock. Either way the browser computes
 * ages from this server time, never from its own possibly-skewed clock.
 *
 * Start-up chooses the source (`setDataClock`), so nothing here knows the sandbox exists.
 */
import "server-only";
import { singleton } from "./singleton";

type Now = () => number;

const source = () => singleton<{ now: Now }>("data-clock", () => ({ now: Date.now }));

export function dataNow(): number {
  return source().now();
}

export function setDataClock(now: Now): void {
  source().now = now;
}
