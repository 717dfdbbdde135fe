/**
 * The clock data ages are measured against. With the embedded sandbox, that is the sandbox's own
 * clock (which tests and demos pause and advance), so a location's age on screen matches the world
 * that produced it; against real upstreams it is the server's clock. Either way the browser computes
 * ages from this server time, never from its own possibly-skewed clock.
 */
import "server-only";
import { getSandbox } from "@/lib/sandbox";

export function dataNow(): number {
  return getSandbox()?.clock.now() ?? Date.now();
}
