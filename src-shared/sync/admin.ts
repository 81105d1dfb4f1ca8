import { z } from 'zod';
import { epochMsSchema, idSchema, merchantCodeSchema } from '../validation';

export const merchantSchema = z.object({
  id: idSchema,
  name: z.string(),
  /** The merchant's code (as at the desktop's setup); consumer URLs carry it. */
  code: z.string(),
  createdAt: epochMsSchema,
});

export const createMerchantRequestSchema = z.object({
  name: z.string().trim().min(1).max(64),
  code: merchantCodeSchema,
});

export const merchantListSchema = z.object({ merchants: z.array(merchantSchema) });

export const merchantParamsSchema = z.object({ merchantId: idSchema });

export const DEFAULT_PAIRING_TTL_MINUTES = 60;

export const issuePairingCodeRequestSchema = z.object({
  ttlMinutes: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(DEFAULT_PAIRING_TTL_MINUTES),
  label: z.string().trim().max(64).optional(),
});

export const pairingCodeResponseSchema = z.object({
  /** Single use; the cloud keeps only its hash. */
  code: z.string(),
  display: z.string(),
  expiresAt: epochMsSchema,
});

export const deviceSchema = z.object({
  id: idSchema,
  name: z.string(),
  storeId: idSchema.nullable(),
  pairedAt: epochMsSchema,
  lastSeenAt: epochMsSchema.nullable(),
  revokedAt: epochMsSchema.nullable(),
});

export const deviceListSchema = z.object({ devices: z.array(deviceSchema) });

export const deviceParamsSchema = merchantParamsSchema.extend({ deviceId: idSchema });

export const signingKeyParamsSchema = merchantParamsSchema.extend({
  kid: z.string().regex(/^[A-Za-z0-9_-]{1,16}$/),
});
