import { QueryClient, QueryObserver } from "@tanstack/react-query";
import { afterEach, describe, expect, it } from "vitest";
import { nudgeRefetcher } from "./use-live-nudges";

/** A query whose every fetch waits until the test answers it, as a slow `/api/calls` would. */
function harness() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  const answers: { resolve: (v: number) => void; reject: (e: Error) => void }[] = [];
  let started = 0;
  const observer = new QueryObserver(client, {
    queryKey: ["calls", "list"],
    queryFn: () => {
      started += 1;
      return new Promise<number>((resolve, reject) => answers.push({ resolve, reject }));
    },
  });
  const unsubscribe = observer.subscribe(() => undefined);
  const refetcher = nudgeRefetcher(client);
  const settle = async (value: number | Error) => {
    const answer = answers.shift();
    if (value instanceof Error) answer?.reject(value);
    else answer?.resolve(value);
    await new Promise((r) => setTimeout(r, 0));
  };
  return {
    client,
    refetcher,
    settle,
    started: () => started,
    data: () => client.getQueryData<number>(["calls", "list"]),
    stop: () => {
      refetcher.stop();
      unsubscribe();
      client.clear();
    },
  };
}

let stop: (() => void) | null = null;
afterEach(() => stop?.());

describe("nudge refetching", () => {
  it("starts nothing for a query this console does not hold (another call's additional data)", async () => {
    const h = harness();
    stop = h.stop;
    await h.settle(1);
    h.refetcher.nudge(["calls", "detail", "some-other-call", "additional-data"]);
    h.refetcher.nudge(["calls"]); // a prefix is not the list: nudges are exact
    expect(h.started()).toBe(1);
    expect(h.client.getQueryCache().getAll()).toHaveLength(1);
  });

  it("fetches at once when nothing is in flight", async () => {
    const h = harness();
    stop = h.stop;
    await h.settle(1);
    expect(h.started()).toBe(1);
    h.refetcher.nudge(["calls", "list"]);
    expect(h.started()).toBe(2);
    await h.settle(2);
    expect(h.data()).toBe(2);
  });

  it("never cancels a fetch in flight; a burst of nudges during it costs exactly one more fetch", async () => {
    const h = harness();
    stop = h.stop;
    expect(h.started()).toBe(1); // the observer's first fetch, still unanswered
    h.refetcher.nudge(["calls", "list"]);
    h.refetcher.nudge(["calls", "list"]);
    h.refetcher.nudge(["calls", "list"]);
    expect(h.started()).toBe(1);
    await h.settle(10);
    // The first answer landed (not cancelled), and one follow-up started after the nudges.
    expect(h.data()).toBe(10);
    expect(h.started()).toBe(2);
    await h.settle(11);
    expect(h.data()).toBe(11);
    expect(h.started()).toBe(2);
  });

  it("follows up after a failed fetch too", async () => {
    const h = harness();
    stop = h.stop;
    h.refetcher.nudge(["calls", "list"]);
    expect(h.started()).toBe(1);
    await h.settle(new Error("502"));
    expect(h.started()).toBe(2);
  });
});
