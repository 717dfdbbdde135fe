/**
 * The Data Share partner configuration of the RapidSOS Data Share Partner Guide's "Requirements for Implementation" table:
 * what a partner hands RapidSOS, and what the sandbox Portal uses to list and reach our solution.
 */
import "server-only";
import { z } from "zod";
import type { AppConfig } from "@/lib/config/env";
import { isSecret, Secret } from "@/lib/config/secret";
import { SOLUTION_DESCRIPTION_MAX, SOLUTION_NAME_MAX, type PartnerView } from "./types";

export const partnerSchema = z.object({
  handlerUrl: z.url({ protocol: /^https?$/, error: "Handler URL must be a valid http(s) URL" }),
  solutionName: z
    .string()
    .trim()
    .min(1, "Solution name is required")
    .max(SOLUTION_NAME_MAX, `Solution name is at most ${SOLUTION_NAME_MAX} characters including spaces`),
  solutionDescription: z
    .string()
    .trim()
    .min(1, "Solution description is required")
    .max(SOLUTION_DESCRIPTION_MAX, `Solution description is at most ${SOLUTION_DESCRIPTION_MAX} characters including spaces`),
  partnerName: z.string().trim().min(1, "Partner name is required").max(200, "Partner name is at most 200 characters"),
  secretKey: z.custom<Secret>(
    (v) => isSecret(v) && v.reveal().length > 0,
    "Secret key is required",
  ),
  // "The name and email address of the Data Share Partner team member".
  supportContact: z
    .string()
    .trim()
    .max(320, "Support contact is at most 320 characters")
    .regex(/\S+@\S+\.\S+/, "Support contact needs a name and an email address"),
});

export type PartnerConfig = z.infer<typeof partnerSchema>;

export type PartnerCheck = { ok: true; partner: PartnerConfig; view: PartnerView } | { ok: false; view: PartnerView };

/** The partner as this app is configured: RapidSOS signs with the first (current) secret. */
export function checkPartner(config: Pick<AppConfig, "datashare">): PartnerCheck {
  const d = config.datashare;
  const raw = {
    handlerUrl: d.handlerUrl,
    solutionName: d.solutionName,
    solutionDescription: d.solutionDescription,
    partnerName: d.partnerName,
    secretKey: d.secrets[0] ?? new Secret(""),
    supportContact: d.supportContact,
  };
  const parsed = partnerSchema.safeParse(raw);
  const view: PartnerView = {
    handlerUrl: raw.handlerUrl,
    solutionName: raw.solutionName,
    solutionDescription: raw.solutionDescription,
    partnerName: raw.partnerName,
    supportContact: raw.supportContact,
    secretKeyConfigured: raw.secretKey.reveal().length > 0,
    problems: parsed.success ? [] : parsed.error.issues.map((i) => i.message),
  };
  return parsed.success ? { ok: true, partner: parsed.data, view } : { ok: false, view };
}
