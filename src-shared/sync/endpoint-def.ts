import type { z } from 'zod';

// How one cloud endpoint is described (sync/endpoints.ts lists them all, per feature files add
// theirs): the server registers it, the desktop calls it, /docs describes it.

/**
 * Who may call an endpoint:
 * - admin: the operator's admin token (`Authorization: Bearer <admin token>`);
 * - device: a paired device's token;
 * - public: anyone (pairing with a code, consumers); rate-limited by address;
 * - consumer: a phone signed in to the merchant's wallet (session cookie of `consumers.session`);
 * - provider: the SMS provider reporting receipts and replies (its callback token).
 */
export type EndpointAuth = 'admin' | 'device' | 'public' | 'consumer' | 'provider';

export interface EndpointDef {
  method: 'GET' | 'POST';
  /** Fastify style: `:name` for a path parameter. */
  path: string;
  auth: EndpointAuth;
  tag: 'admin' | 'devices' | 'sync' | 'consumers' | 'tasks' | 'outreach';
  summary: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The `data` of a `{ ok: true, data }` answer. */
  response: z.ZodType;
}

/** Keeps each definition's literal types (the client and the routes are typed from them). */
export const endpoint = <E extends EndpointDef>(def: E) => def;
