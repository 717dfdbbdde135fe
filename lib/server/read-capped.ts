/**
 * Read a whole body, but never more than `maxBytes`: a declared Content-Length over the cap is refused
 * without touching the stream (the caller decides whether to cancel it), and a stream that runs past
 * the cap is cancelled at once. Null means "too large". Used for requests we receive (API, webhook,
 * sandbox) and answers we fetch from upstreams alike.
 */
export async function readCapped(
  body: ReadableStream<Uint8Array> | null,
  contentLength: string | null,
  maxBytes: number,
): Promise<Uint8Array | null> {
  if (!body) return new Uint8Array(0);
  const declared = Number(contentLength ?? "NaN");
  if (Number.isFinite(declared) && declared > maxBytes) return null;
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
