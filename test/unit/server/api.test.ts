import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { initializedShop, setupInput, tempDir, testCore } from '../../support/core';
import { startServer } from '../../support/server';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('local API over HTTP', () => {
  it('runs the first-run wizard and logs in over HTTP', async () => {
    const { core } = await testCore();
    const { post } = await startServer(core);
    expect((await post('setup.status', {})).body).toEqual({
      ok: true,
      data: { initialized: false, merchant: null, demo: false },
    });
    const init = await post('setup.initialize', setupInput);
    expect(init.status).toBe(200);
    const login = await post('auth.login', {
      staffId: init.body.data.ownerId,
      pin: setupInput.owner.pin,
    });
    const staff = await post('staff.list', {}, bearer(login.body.data.token));
    expect(staff.body.data.map((s: { name: string }) => s.name)).toEqual(['王店主']);
  });

  it('answers each kind of bad request with its status and a translated error', async () => {
    const { core, ownerToken } = await initializedShop();
    const { post, base } = await startServer(core);

    const badJson = await post('staff.list', '{"includeInactive": tru', bearer(ownerToken));
    expect(badJson).toMatchObject({
      status: 400,
      body: { ok: false, error: { code: 'BAD_JSON' } },
    });

    const wrongTypes = await post(
      'staff.create',
      { name: 42, role: 'boss', pin: 123456 },
      bearer(ownerToken),
    );
    expect(wrongTypes.status).toBe(400);
    expect(wrongTypes.body.error.code).toBe('VALIDATION_FAILED');
    expect(
      wrongTypes.body.error.details.issues.map((i: { path: string[] }) => i.path[0]).sort(),
    ).toEqual(['name', 'pin', 'role']);
    expect(wrongTypes.body.error.message).toMatch(/^输入有误：/);

    const huge = await post(
      'staff.list',
      { padding: 'x'.repeat(1024 * 1024 + 10) },
      bearer(ownerToken),
    );
    expect(huge).toMatchObject({ status: 413, body: { error: { code: 'PAYLOAD_TOO_LARGE' } } });

    const unknown = await post('coupons.fly', {}, bearer(ownerToken));
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'UNKNOWN_METHOD' } } });

    expect((await post('staff.list', {})).status).toBe(401);
    expect((await post('staff.list', {}, bearer('forged'))).status).toBe(401);
    expect((await post('setup.initialize', setupInput)).status).toBe(409);

    const english = await post('staff.list', {}, { 'accept-language': 'en-US,en;q=0.9' });
    expect(english.body.error.message).toBe('Please log in first');

    const get = await fetch(`${base}/api/staff.list`);
    expect(get.status).toBe(404);
  });

  it('answers 403 to a role that may not call a method', async () => {
    const { core, ok, ownerToken } = await initializedShop();
    const cashier = await ok(
      'staff.create',
      { name: '李收银', role: 'cashier', pin: '135790' },
      ownerToken,
    );
    const { token } = await ok('auth.login', { staffId: cashier.id, pin: '135790' });
    const { post } = await startServer(core);
    const refused = await post('audit.list', {}, bearer(token));
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
  });

  it('answers 500 without a stack and logs the failure', async () => {
    const { core, logger } = await testCore();
    core.handlers['setup.status'] = () => {
      throw new Error('disk on fire');
    };
    const { post } = await startServer(core);
    const failed = await post('setup.status', {});
    expect(failed.status).toBe(500);
    expect(JSON.stringify(failed.body)).not.toMatch(/disk on fire|at .*\.ts/);
    expect(failed.body.error.code).toBe('INTERNAL');
    expect(
      logger.lines.some(
        (l) => l.level === 'error' && String(l.fields?.error).includes('disk on fire'),
      ),
    ).toBe(true);
  });

  it('accepts terminal keys only when started for the LAN', async () => {
    const { core, ok, ownerToken, ids } = await initializedShop();
    const { key } = await ok(
      'apiKeys.create',
      { terminalId: ids.terminalId, label: 'POS' },
      ownerToken,
    );
    const loopback = await startServer(core);
    expect((await loopback.post('terminals.whoami', {}, bearer(key))).status).toBe(403);
    const lan = await startServer(core, { allowTerminalKeys: true });
    const whoami = await lan.post('terminals.whoami', {}, bearer(key));
    expect(whoami.body.data.terminal.code).toBe('T01');
  });

  it('pushes contract events over SSE to sessions allowed to see them', async () => {
    const { core, ok, ownerToken } = await initializedShop();
    const { base, post } = await startServer(core);
    expect((await fetch(`${base}/api/events`)).status).toBe(401);

    const controller = new AbortController();
    const stream = await fetch(`${base}/api/events?access_token=${ownerToken}`, {
      signal: controller.signal,
    });
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const reader = stream.body!.getReader();
    await post(
      'staff.create',
      { name: '新员工', role: 'cashier', pin: '458258' },
      bearer(ownerToken),
    );
    let text = '';
    while (!text.includes('event: audit.appended')) {
      const { value } = await reader.read();
      text += new TextDecoder().decode(value);
    }
    controller.abort();
    expect(text).toContain('event: staff.changed');
    const audit = text.split('\n').find((line) => line.startsWith('data: {"id"'));
    expect(JSON.parse(audit!.slice('data: '.length))).toMatchObject({ action: 'staff.create' });
    await ok('auth.session', {}, ownerToken);
  });

  it('serves the built renderer with a strict Content-Security-Policy', async () => {
    const staticDir = tempDir();
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>店务通</title>');
    const { core } = await testCore();
    const { base } = await startServer(core, { staticDir });
    const page = await fetch(`${base}/`);
    expect(await page.text()).toContain('店务通');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });
});
