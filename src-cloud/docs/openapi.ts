import { z } from 'zod';
import { appErrorSchema, ERROR_STATUS } from '../../src-shared/errors';
import { cloudEndpoints, type EndpointDef } from '../../src-shared/sync/endpoints';

type JsonSchema = Record<string, unknown>;

const toJson = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  return rest as JsonSchema;
};

/** Path and query parameters, one per property of the endpoint's object schema. */
function parameters(schema: z.ZodType | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const json = toJson(schema, 'input') as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: property,
  }));
}

const okEnvelope = (data: JsonSchema): JsonSchema => ({
  type: 'object',
  properties: { ok: { const: true }, data },
  required: ['ok', 'data'],
});

const errorResponse = { $ref: '#/components/responses/Error' };

function operation(name: string, def: EndpointDef) {
  const statuses = new Set(['400', '413', '500']);
  if (def.auth !== 'public') statuses.add('401');
  if (def.auth !== 'admin') statuses.add('429');
  if (def.params) statuses.add('404');
  if (def.tag === 'consumers' || def.path.includes('pairing')) statuses.add('409');
  return {
    operationId: name,
    summary: def.summary,
    tags: [def.tag],
    security:
      def.auth === 'admin'
        ? [{ adminToken: [] }]
        : def.auth === 'device'
          ? [{ deviceToken: [] }]
          : def.auth === 'consumer'
            ? [{ walletSession: [] }]
            : def.auth === 'provider'
              ? [{ smsCallbackToken: [] }]
              : [],
    parameters: [...parameters(def.params, 'path'), ...parameters(def.query, 'query')],
    ...(def.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: toJson(def.body, 'input') } },
          },
        }
      : {}),
    responses: {
      '200': {
        description: 'Done',
        content: { 'application/json': { schema: okEnvelope(toJson(def.response, 'output')) } },
      },
      ...Object.fromEntries([...statuses].sort().map((status) => [status, errorResponse])),
    },
  };
}

/** OpenAPI 3.1, built from the endpoint table and its zod schemas (one source for both). */
export function buildOpenApiDocument(version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [name, def] of Object.entries(cloudEndpoints) as [string, EndpointDef][]) {
    const path = def.path.replace(/:(\w+)/g, '{$1}');
    paths[path] ??= {};
    paths[path][def.method.toLowerCase()] = operation(name, def);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'StoreDesk cloud API',
      version,
      description:
        'Pairing, sync and consumer endpoints of the StoreDesk reference cloud. Every answer is ' +
        '`{ ok: true, data }` or `{ ok: false, error: { code, message, details } }`; codes are ' +
        'stable, messages follow Accept-Language (zh-CN, en). See docs/cloud-sync.md.',
    },
    servers: [{ url: '/' }],
    tags: [
      { name: 'admin', description: 'The operator: merchants, pairing codes, devices' },
      { name: 'devices', description: 'A paired shop PC: its token and signing keys' },
      { name: 'sync', description: 'Outbox push and change pull' },
      { name: 'consumers', description: "A consumer's phone" },
      {
        name: 'tasks',
        description: "Check-in tasks: a merchant's device creates, funds, publishes and verifies",
      },
      {
        name: 'outreach',
        description:
          "SMS campaigns: a merchant's device hands them over; the SMS provider reports receipts and replies",
      },
    ],
    paths,
    components: {
      securitySchemes: {
        adminToken: { type: 'http', scheme: 'bearer', description: 'The admin token' },
        deviceToken: { type: 'http', scheme: 'bearer', description: 'A device token (sdc_…)' },
        smsCallbackToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'The SMS provider callback token (--sms-callback-token-file)',
        },
        walletSession: {
          type: 'apiKey',
          in: 'cookie',
          name: 'sd_wallet',
          description: 'The wallet session cookie set by consumers.session',
        },
      },
      responses: {
        Error: {
          description: `An error; \`code\` is one of: ${Object.keys(ERROR_STATUS).join(', ')}`,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: { ok: { const: false }, error: toJson(appErrorSchema, 'output') },
                required: ['ok', 'error'],
              },
            },
          },
        },
      },
    },
  };
}
