/**
 * The pages' Content-Security-Policy, with a per-request nonce (set by proxy.ts). The headers every
 * response carries (HSTS, nosniff, frame and referrer policy) are in next.config.mjs.
 */

export interface CspOptions {
  nonce: string;
  /** MAP_STYLE_URL: an external style pulls tiles, glyphs and sprites from hosts we cannot list. */
  mapStyleUrl: string | null;
  dev: boolean;
}

export function contentSecurityPolicy({ nonce, mapStyleUrl, dev }: CspOptions): string {
  const externalMap = mapStyleUrl !== null && /^https?:\/\//.test(mapStyleUrl);
  const mapHosts = externalMap ? " https:" : "";
  return [
    "default-src 'self'",
    // Next's runtime loads its chunks from the nonce'd bootstrap script.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Style attributes set by React and MapLibre; no third-party stylesheets.
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${mapHosts}`,
    "font-src 'self'",
    // MapLibre fetches styles, tiles and glyphs, and runs its worker from our origin (or a blob).
    `connect-src 'self'${mapHosts}`,
    "worker-src 'self' blob:",
    "child-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
