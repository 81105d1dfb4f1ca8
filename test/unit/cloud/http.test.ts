import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  describeOnEachBackend,
  event,
  CLOUD_START_TIMEOUT_MS,
  startCloud,
  type TestCloud,
} from '../../support/cloud';

describeOnEachBackend('cloud HTTP: limits, errors and documentation', (backend) => {
  let cloud: TestCloud;
  beforeAll(async () => {
    cloud = await startCloud(backend, {
      config: (config) => {
        config.rateLimits.device = { capacity: 5, refillPerSecond: 0.5 };
        config.rateLimits.public = { capacity: 3, refillPerSecond: 0.2 };
      },
    });
  }, CLOUD_START_TIMEOUT_MS);
  afterAll(() => cloud.close(), CLOUD_START_TIMEOUT_MS);

  it('answers 429 with Retry-After when a device exceeds its rate, per device', async () => {
    const merchant = await cloud.newMerchant();
    const a = await cloud.pair(merchant.id);
    const answers = [];
    for (let i = 0; i < 7; i++)
      answers.push(await cloud.request('GET', '/v1/sync/pull', { token: a.token }));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const limited = answers[5]!;
    expect(limited.body.error).toMatchObject({
      code: 'RATE_LIMITED',
      details: { retryAfterSeconds: 2 },
    });
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(limited.body.error.message).toBe('请求过于频繁，请 2 秒后再试');
    // Another device of the same merchant has its own bucket.
    expect(
      (
        await cloud.request('GET', '/v1/sync/pull', {
          token: (await cloud.pair(merchant.id)).token,
        })
      ).status,
    ).toBe(200);
  });

  it('answers 413 to a body over 1 MiB, 400 to bad JSON and 404 to unknown paths', async () => {
    const merchant = await cloud.newMerchant();
    const a = await cloud.pair(merchant.id);
    const huge = await cloud.request('POST', '/v1/sync/push', {
      token: a.token,
      body: { events: [event('sales.recorded', { padding: 'x'.repeat(1024 * 1024 + 10) })] },
      headers: { 'accept-language': 'en' },
    });
    expect(huge.status).toBe(413);
    expect(huge.body.error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: 'The request is too large (limit 1 MiB)',
    });
    const badJson = await cloud.request('POST', '/v1/sync/push', {
      token: a.token,
      body: '{"events": [',
    });
    expect(badJson.status).toBe(400);
    expect(badJson.body.error.code).toBe('BAD_JSON');
    const missing = await cloud.request('GET', '/v1/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
    const tooMany = await cloud.request('POST', '/v1/sync/push', {
      token: a.token,
      body: { events: Array.from({ length: 1001 }, () => event('stock.moved', {})) },
    });
    expect(tooMany.status).toBe(400);
  });

  it('serves the OpenAPI document and a readable page at /docs, built from the zod schemas', async () => {
    const json = await cloud.request('GET', '/docs/openapi.json');
    expect(json.status).toBe(200);
    expect(json.body.openapi).toBe('3.1.0');
    const push = json.body.paths['/v1/sync/push'].post;
    expect(push.security).toEqual([{ deviceToken: [] }]);
    expect(push.requestBody.content['application/json'].schema.properties.events.maxItems).toBe(
      1000,
    );
    const pull = json.body.paths['/v1/sync/pull'].get;
    expect(pull.parameters.map((p: any) => p.name)).toEqual(['after', 'limit', 'includeOwn']);
    expect(
      json.body.paths['/v1/admin/merchants/{merchantId}/pairing-codes'].post.parameters[0],
    ).toMatchObject({ name: 'merchantId', in: 'path', required: true });
    const result = pull.responses['200'].content['application/json'].schema.properties.data;
    expect(result.properties.events.items.properties.status.enum).toEqual(['accepted', 'conflict']);

    const page = await fetch(`${cloud.base}/docs`);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('/v1/consumers/:merchantCode/cashback/redeem');
    expect(html).toContain('href="/docs/openapi.json"');
    expect(html).not.toMatch(/<script|https?:\/\/(?!127)/);
  });
  it('limits the public endpoints per address', async () => {
    const statuses = [];
    for (let i = 0; i < 5; i++)
      statuses.push(
        (
          await cloud.request('POST', '/v1/consumers/NOBODY/otp', {
            body: { phone: '13800000000' },
          })
        ).status,
      );
    // Pairing above used the same bucket (per address); in any case it runs out, and stays out.
    expect(statuses).toContain(429);
    expect(statuses.slice(statuses.indexOf(429))).toEqual(
      statuses.slice(statuses.indexOf(429)).map(() => 429),
    );
    // Guessing the admin token draws on the same bucket.
    const guess = await cloud.request('GET', '/v1/admin/merchants', { token: 'guess-0123456789' });
    expect(guess.status).toBe(429);
  });
});
