/** What the admin API accepts, validated once for the routes and the forms. */
import { z } from "zod";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password";
import { ROLES } from "./types";

const password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `must have at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH);

const name = z.string().trim().min(1, "is required").max(120);

export const newUserSchema = z.object({
  email: z.email("must be an e-mail address").trim().toLowerCase().max(254),
  name,
  role: z.enum(ROLES),
  password,
});

export const userPatchSchema = z
  .object({ name: name.optional(), role: z.enum(ROLES).optional(), disabled: z.boolean().optional() })
  .strict()
  .refine((p) => Object.keys(p).length > 0, "name, role or disabled is required");

export const passwordResetSchema = z.object({ password });

export const userIdSchema = z.object({ id: z.uuid() });
