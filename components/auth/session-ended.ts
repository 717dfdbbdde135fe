/**
 * What the browser does when the server says the session is over (any API answering 401): go to
 * the sign-in page, which explains why (idle timeout, time limit, sign-out) and comes back here.
 */
export class SessionEndedError extends Error {
  constructor() {
    super("The session has ended.");
    this.name = "SessionEndedError";
  }
}

let leaving = false;

export function goToSignIn(): void {
  if (typeof window === "undefined" || leaving) return;
  leaving = true;
  const here = `${window.location.pathname}${window.location.search}`;
  window.location.assign(`/signin?reason=ended&next=${encodeURIComponent(here)}`);
}

/** `fetch` for our own API: same-origin cookies, and a 401 sends the user to sign in again. */
export async function apiFetch(input: string, init: RequestInit = {}): Promise<Response> {
  const res = await fetch(input, { credentials: "same-origin", ...init });
  if (res.status === 401) {
    goToSignIn();
    throw new SessionEndedError();
  }
  return res;
}

/** The API's error body `{ error, detail }` as one sentence for the screen. */
export async function errorDetail(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { detail?: unknown };
    if (typeof body.detail === "string" && body.detail !== "") return body.detail;
  } catch {
    // not JSON
  }
  return `The request failed (${res.status}).`;
}
