/**
 * A value that must never reach a log line, a JSON body or the browser.
 * `String(secret)`, `JSON.stringify(secret)` and `util.inspect(secret)` all print "[redacted]";
 * only `reveal()` gives the value, so every use of the real value is greppable.
 */
const BRAND = Symbol.for("dispatcher-map.secret");

export class Secret {
  readonly #value: string;
  /** Recognised by `isSecret` across bundles (Next loads a module once per bundle; instanceof fails). */
  readonly [BRAND] = true;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return "[redacted]";
  }

  toJSON(): string {
    return "[redacted]";
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return "[redacted]";
  }
}

/** Whether `value` is a Secret, from any bundle's copy of this module. */
export function isSecret(value: unknown): value is Secret {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}
