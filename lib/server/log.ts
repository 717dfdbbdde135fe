import pino, { type Logger } from "pino";
import { getConfig } from "@/lib/config/env";
import { singleton } from "./singleton";

/**
 * Structured logs on stdout. Secrets are `Secret` objects that print "[redacted]"; the redact list
 * is a second net for anything that slipped through as a plain string under a telling name.
 */
export function log(): Logger {
  return singleton("logger", () =>
    pino({
      level: getConfig().logLevel,
      base: undefined,
      redact: {
        paths: [
          "*.access_token",
          "*.accessToken",
          "*.token",
          "*.client_secret",
          "*.clientSecret",
          "*.secret",
          "*.password",
          "*.authorization",
          "*.Authorization",
          "*.headers.authorization",
          "*.headers.cookie",
        ],
        censor: "[redacted]",
      },
    }),
  );
}
