import { describe, expect, it } from "vitest";
import { readCapped } from "./read-capped";

function stream(chunks: number[]): { body: ReadableStream<Uint8Array>; pulled: () => number } {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const size = chunks[pulled++];
      if (size === undefined) controller.close();
      else controller.enqueue(new Uint8Array(size).fill(65));
    },
  });
  return { body, pulled: () => pulled };
}

describe("reading a body with a cap", () => {
  it("reads a body up to and including the cap", async () => {
    const { body } = stream([10, 10, 4]);
    const bytes = await readCapped(body, null, 24);
    expect(bytes?.byteLength).toBe(24);
    expect(new TextDecoder().decode(bytes!)).toBe("A".repeat(24));
  });

  it("stops reading as soon as a stream passes the cap", async () => {
    const { body, pulled } = stream([10, 10, 10, 10, 10, 10]);
    expect(await readCapped(body, null, 15)).toBeNull();
    expect(pulled()).toBeLessThanOrEqual(3);
  });

  it("refuses a declared length over the cap without reading", async () => {
    const { body } = stream([10]);
    expect(await readCapped(body, "1000", 100)).toBeNull();
    // Untouched: the caller may still cancel it (upstream answers) or leave it (requests).
    expect(body.locked).toBe(false);
  });

  it("treats no body as empty", async () => {
    expect((await readCapped(null, null, 10))?.byteLength).toBe(0);
  });
});
