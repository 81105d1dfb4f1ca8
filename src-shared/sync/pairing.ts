import { z } from 'zod';
import { epochMsSchema, idSchema } from '../validation';

/**
 * A merchant HMAC key for the coupon QR tokens. The desktop signs with the newest key that is
 * not retired; any till that holds the key verifies offline. `secret` is 32 bytes, base64.
 */
export const signingKeySchema = z.object({
  kid: z.string().regex(/^[A-Za-z0-9_-]{1,16}$/),
  secret: z.base64().refine((s) => s.length >= 43 && s.length <= 88, {
    message: 'validation.signingKey',
  }),
  createdAt: epochMsSchema,
  retiredAt: epochMsSchema.nullable(),
});
export type SigningKey = z.infer<typeof signingKeySchema>;

/**
 * The merchant's keys as the cloud holds them. `active`: the one every till signs new codes
 * with. Two stores set up before pairing may both hold a `k1` with different secrets: both are
 * kept, so a verifier tries each key with the token's kid.
 */
export const merchantKeySchema = signingKeySchema.extend({ active: z.boolean() });
export type MerchantKey = z.infer<typeof merchantKeySchema>;

export const merchantSummarySchema = z.object({
  id: idSchema,
  name: z.string(),
  code: z.string(),
});

/** A pairing code as typed by a manager: 8 Crockford symbols, shown as XXXX-XXXX. */
export const pairingCodeSchema = z
  .string()
  .trim()
  .transform((s) => s.replace(/[\s-]/g, '').toUpperCase())
  .pipe(z.string().regex(/^[0-9A-Z]{8}$/, { message: 'validation.pairingCode' }));

export const pairRequestSchema = z.object({
  pairingCode: pairingCodeSchema,
  device: z.object({
    name: z.string().trim().min(1).max(64),
    /** The desktop's own store id, for the conflicts list and the admin's device list. */
    storeId: idSchema.optional(),
    appVersion: z.string().max(32).optional(),
  }),
  /**
   * Every key the desktop holds, retired ones included. The first device to pair gives the
   * merchant its keys (its current key becomes the merchant's active key), so codes it already
   * printed stay valid; later devices' keys are kept to verify the codes they printed.
   */
  signingKeys: z.array(signingKeySchema).max(32).default([]),
});

export const pairResponseSchema = z.object({
  deviceId: idSchema,
  /** Shown once: the cloud keeps only its hash. Send as `Authorization: Bearer <token>`. */
  deviceToken: z.string(),
  merchant: merchantSummarySchema,
  signingKeys: z.array(merchantKeySchema),
  /** Pull from here to receive everything the merchant's other devices pushed so far. */
  cursor: z.string(),
});

export const deviceInfoSchema = z.object({
  deviceId: idSchema,
  name: z.string(),
  storeId: idSchema.nullable(),
  merchant: merchantSummarySchema,
  pairedAt: epochMsSchema,
  tokenIssuedAt: epochMsSchema,
});

export const rotateTokenResponseSchema = z.object({
  /** The old token keeps working until this one is first used, so a crash loses nothing. */
  deviceToken: z.string(),
  tokenIssuedAt: epochMsSchema,
});

export const unpairResponseSchema = z.object({ revokedAt: epochMsSchema });

export const uploadKeysRequestSchema = z.object({
  keys: z.array(signingKeySchema).min(1).max(32),
  /** After a rotation at the till: this key (uploaded now or held) signs for every till. */
  activeKid: z.string().optional(),
});

export const signingKeysResponseSchema = z.object({ signingKeys: z.array(merchantKeySchema) });
