// The built page and the local API against another web page in the same browser: the page
// carries its CSP in a <meta> as well, and a page of another origin cannot drive the API.
import { expect, test } from '@playwright/test';
import { CONTENT_SECURITY_POLICY, metaContentSecurityPolicy } from '../../src-main/server/csp';
import { serverForThisFile } from '../support/e2e-server';

const server = serverForThisFile();

test('the page carries the CSP in a meta tag, matching the header', async ({ page }) => {
  const response = await page.goto(server.url);
  expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute(
    'content',
    metaContentSecurityPolicy(),
  );
});

test('a page of another origin cannot call the local API, not even with a simple request', async ({
  page,
}) => {
  // localhost and 127.0.0.1 are different origins for the browser: the second plays the attacker.
  const own = new URL(server.url);
  const other = `http://localhost:${own.port}/api/health`;
  await page.goto(other);
  const answers = await page.evaluate(async (target) => {
    const simple = await fetch(target, {
      method: 'POST',
      mode: 'no-cors',
      headers: { 'Content-Type': 'text/plain' },
      body: '{}',
    }).then((r) => r.type);
    const cors = await fetch(target, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: JSON.stringify({}),
    }).then(
      (r) => r.status,
      () => 'blocked',
    );
    return { simple, cors };
  }, `${server.url}/api/setup.status`);
  // The request may leave the browser, but the server refuses it (ORIGIN_NOT_ALLOWED) and the
  // page reads nothing.
  expect(answers).toEqual({ simple: 'opaque', cors: 'blocked' });
  const direct = await page.request.post(`${server.url}/api/setup.status`, {
    headers: { Origin: `http://localhost:${own.port}`, 'Content-Type': 'application/json' },
    data: {},
  });
  expect(direct.status()).toBe(403);
  expect((await direct.json()).error.code).toBe('ORIGIN_NOT_ALLOWED');
});
