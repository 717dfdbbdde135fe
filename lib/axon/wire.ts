/**
 * Axon Respond device state on the wire (the Axon Respond device-state search, as independent public clients
 * validate it against live responses). Numbers are JSON numbers here; sub-objects we read are
 * validated one by one so a malformed battery does not cost us the whole device.
 */
import { z } from "zod";

const numeric = z.union([z.number(), z.string().trim().regex(/^\d+(\.\d+)?$/).transform(Number)]);

/** POST /api/oauth2/token → our shape. expires_on (epoch ms) is the fallback for expires_in. */
export const axonTokenResponseSchema = z
  .looseObject({
    access_token: z.string().min(1),
    token_type: z.string().optional(),
    expires_in: numeric.pipe(z.number().positive()).optional(),
    expires_on: numeric.optional(),
  })
  .transform((t, ctx) => {
    const seconds =
      t.expires_in ?? (t.expires_on !== undefined ? (t.expires_on - Date.now()) / 1000 : undefined);
    if (seconds === undefined || !(seconds > 0)) {
      ctx.addIssue({ code: "custom", path: ["expires_in"], message: "no usable lifetime" });
      return z.NEVER;
    }
    return { accessToken: t.access_token, expiresInSeconds: seconds };
  });

export const searchEnvelopeSchema = z.looseObject({
  meta: z
    .looseObject({
      totalHits: z.number().int().nonnegative().optional(),
      count: z.number().int().nonnegative().optional(),
    })
    .optional(),
  // Absent when the API client lacks scopes; kept unparsed so one bad device is dropped alone.
  data: z.array(z.unknown()).optional(),
});

/** The fields without which a device cannot be shown or told apart. */
export const deviceCoreSchema = z.looseObject({
  partnerId: z.string().optional(),
  partnerName: z.string(),
  axonDeviceId: z.string().min(1),
  deviceModel: z.string(),
  deviceUpdateTimestamp: z.number().int().nonnegative(),
  attributes: z.looseObject({
    deviceSerial: z.string(),
    status: z.string(),
    location: z.unknown().optional(),
    batteries: z.unknown().optional(),
    signalStrengths: z.unknown().optional(),
    assignees: z.unknown().optional(),
  }),
});

export const locationSchema = z.looseObject({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  accuracy: z.number().nullable().optional(),
  locationUpdateTimestamp: z.number().int().nonnegative(),
});

export const batteriesSchema = z.array(
  z.looseObject({ batteryPercentage: z.number().min(0).max(100) }),
);

export const signalStrengthsSchema = z.array(z.looseObject({ signalStrength: z.string() }));

export const assigneesSchema = z.array(
  z.looseObject({
    assigneeType: z.string().optional(),
    firstName: z.string(),
    lastName: z.string(),
    badgeNumber: z.string(),
    userId: z.string(),
    primary: z.boolean().optional(),
  }),
);
