/** Await a promise that must reject with one of our HTTP errors (UpstreamError included) and return it. */
import { isHttpError, type HttpError } from "@/lib/server/http";
import { isUpstreamError, type UpstreamError } from "@/lib/upstream/errors";

export async function httpFailure(promise: Promise<unknown>): Promise<HttpError> {
  const err = await promise.then(
    () => {
      throw new Error("expected the call to fail with an HttpError");
    },
    (e: unknown) => e,
  );
  if (!isHttpError(err)) throw err;
  return err;
}

export async function upstreamFailure(promise: Promise<unknown>): Promise<UpstreamError> {
  const err = await httpFailure(promise);
  if (!isUpstreamError(err)) throw err;
  return err;
}
