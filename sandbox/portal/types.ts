/** What the sandbox Portal page and its control API exchange (no secrets: the browser sees this). */

/** The RapidSOS Data Share Partner Guide's partner table, as the Portal shows it. The secret key is never shown. */
export interface PartnerView {
  handlerUrl: string;
  solutionName: string;
  solutionDescription: string;
  partnerName: string;
  supportContact: string;
  secretKeyConfigured: boolean;
  /** Why the configuration cannot be used as it is (empty when it can). */
  problems: string[];
}

/** One simulated 911 call in the Portal's list. */
export interface PortalCall {
  phone: string;
  callerName: string | null;
  kind: string;
  callStart: number;
  /** Latest location the caller's device reported, if any yet. */
  latest: { lat: number; lon: number } | null;
}

export interface PortalState {
  partner: PartnerView;
  calls: PortalCall[];
  /** Sandbox clock (ms). */
  now: number;
}

/** One POST to the handler and how it answered. */
export interface DeliveryAttempt {
  /** HTTP status, or null when no answer came (refused, timed out). */
  status: number | null;
  ms: number;
  /** The handler's answer (truncated), or why there was none. */
  response: string;
}

export interface ShareResult {
  phone: string;
  handlerUrl: string;
  signature: SignatureMode;
  bodyBytes: number;
  attempts: DeliveryAttempt[];
}

export const SIGNATURE_MODES = ["valid", "missing", "wrong", "uppercase", "malformed"] as const;
export type SignatureMode = (typeof SIGNATURE_MODES)[number];

export const SOLUTION_NAME_MAX = 30;
export const SOLUTION_DESCRIPTION_MAX = 280;
