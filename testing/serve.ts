/**
 * Serve a Web-standard `(Request) => Promise<Response>` handler on a real loopback HTTP port,
 * so tests exercise real HTTP (sockets, headers, status codes, streaming) without Next.js.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { PEER_ADDRESS_HEADER } from "@/lib/server/client-address";

export interface Served {
  url: string;
  close(): Promise<void>;
}

export async function serve(handler: (req: Request) => Promise<Response>): Promise<Served> {
  const server = http.createServer(async (nodeReq, nodeRes) => {
    try {
      const origin = `http://${nodeReq.headers.host ?? "localhost"}`;
      const headers = new Headers();
      for (const [name, value] of Object.entries(nodeReq.headers)) {
        if (Array.isArray(value)) value.forEach((v) => headers.append(name, v));
        else if (value !== undefined) headers.set(name, value);
      }
      // What instrumentation's installPeerAddressHeader does for the app: the socket, never a header's say-so.
      headers.set(PEER_ADDRESS_HEADER, nodeReq.socket.remoteAddress ?? "127.0.0.1");
      const hasBody = nodeReq.method !== "GET" && nodeReq.method !== "HEAD";
      const abort = new AbortController();
      nodeRes.on("close", () => abort.abort());
      const request = new Request(new URL(nodeReq.url ?? "/", origin), {
        method: nodeReq.method,
        headers,
        body: hasBody ? (Readable.toWeb(nodeReq) as ReadableStream<Uint8Array>) : undefined,
        signal: abort.signal,
        // @ts-expect-error Node's fetch needs this for streamed request bodies
        duplex: "half",
      });
      const response = await handler(request);
      nodeRes.statusCode = response.status;
      response.headers.forEach((value, name) => nodeRes.setHeader(name, value));
      if (!response.body) {
        nodeRes.end();
        return;
      }
      const reader = response.body.getReader();
      nodeRes.flushHeaders();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        nodeRes.write(value);
      }
      nodeRes.end();
    } catch (err) {
      if (!nodeRes.headersSent) {
        nodeRes.statusCode = 500;
        nodeRes.end(String(err));
      } else {
        nodeRes.destroy();
      }
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
