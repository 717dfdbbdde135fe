/** A payload field we understand but cannot accept: becomes a 400 naming the field. */
export class PayloadError extends Error {
  constructor(
    readonly field: string,
    readonly detail: string,
  ) {
    super(`${field}: ${detail}`);
    this.name = "PayloadError";
  }
}
