/**
 * Runs once when a Next.js server starts, before it answers: validate configuration (a bad value
 * stops the app with a message naming the variable), then start what the server needs.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // First: every request's client address comes from its socket, not from a header (client-address.ts).
  const { installPeerAddressHeader } = await import("@/lib/server/client-address");
  installPeerAddressHeader();
  const { startServer } = await import("@/lib/startup");
  await startServer();
}
