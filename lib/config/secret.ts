/**
 * A value that must never reach a log line, a JSON body or the browser.
 * `String(secret)`, `JSON.stringify(secret)` and `util.inspect(secret)` all print "[redacted]";
 * only `reveal()` gives the value, so every use of the real value is greppable.
 */
export class Secret {
  readonly #value: string;

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
