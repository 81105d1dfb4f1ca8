import { z } from 'zod';
import { MANAGERS, method } from './define';
import { epochMsSchema, idSchema } from '../validation';

/** Terminal API keys let POS terminals on the shop LAN call the `terminal` methods. */
export const apiKeySchema = z.object({
  id: idSchema,
  terminalId: idSchema,
  label: z.string(),
  /** The first characters of the key, so a manager can tell keys apart; the key itself is never stored. */
  prefix: z.string(),
  createdAt: epochMsSchema,
  createdBy: idSchema.nullable(),
  lastUsedAt: epochMsSchema.nullable(),
  revokedAt: epochMsSchema.nullable(),
});
export type ApiKey = z.infer<typeof apiKeySchema>;

export const apiKeysMethods = {
  'apiKeys.list': method({
    summary: 'Terminal API keys (without the secret)',
    input: z.object({ terminalId: idSchema.optional() }),
    output: z.array(apiKeySchema),
    access: MANAGERS,
  }),
  'apiKeys.create': method({
    summary: 'Create an API key for a POS terminal; the secret is shown this once',
    input: z.object({
      terminalId: idSchema,
      label: z.string().trim().min(1, { message: 'validation.required' }).max(40),
    }),
    output: z.object({ key: z.string(), apiKey: apiKeySchema }),
    access: MANAGERS,
  }),
  'apiKeys.lanCertificate': method({
    summary:
      'The HTTPS certificate this PC serves the shop LAN with: its SHA-256 fingerprint, which a terminal checks (null until the PC has served the LAN)',
    input: z.object({}),
    output: z.object({ fingerprint256: z.string(), validTo: epochMsSchema }).nullable(),
    access: MANAGERS,
  }),
  'apiKeys.revoke': method({
    summary: 'Revoke a terminal API key at once',
    input: z.object({ id: idSchema }),
    output: apiKeySchema,
    access: MANAGERS,
  }),
} as const;
