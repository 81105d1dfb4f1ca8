// The log files a shop sends to support (and a cloud's log) hold no PIN, no token and no full
// phone number: a real core and server writing their real log file, driven through the paths
// that used to leak (a token in the URL of a failed request, a failed statement's parameters,
// the cloud's log SMS provider), then the file itself is searched.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, it } from 'vitest';
import { createFileLogger } from '../../../src-node/logger';
import { redactText } from '../../../src-node/log-redaction';
import { logSmsProvider } from '../../../src-cloud/sms/log';
import { OWNER_PIN, setupInput, tempDir, testCore } from '../../support/core';
import { startServer } from '../../support/server';

const PHONE = '13812345678';

/** The log file once `expected` lines are in it (the logger appends asynchronously). */
async function logText(file: string, expected: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (text.includes(expected)) return text;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`"${expected}" never reached ${file}`);
}

/** What must never be in a log: each secret, and any full mainland mobile number. */
function expectNoSecrets(text: string, secrets: string[]) {
  for (const secret of secrets) expect(text, secret.slice(0, 6)).not.toContain(secret);
  expect(text).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
}

describe('log files', () => {
  it('hold no PIN, session token, query parameter or full phone after the paths that leaked', async () => {
    const dataDir = tempDir();
    const logFile = path.join(dataDir, 'logs', 'storedesk.log');
    const { core } = await testCore({
      dataDir,
      logger: createFileLogger(path.join(dataDir, 'logs')),
    });
    const { base, post } = await startServer(core);
    const ids = (await post('setup.initialize', setupInput)).body.data;
    const token = (await post('auth.login', { staffId: ids.ownerId, pin: OWNER_PIN })).body.data
      .token as string;
    await post('auth.login', { staffId: ids.ownerId, pin: '999999' });

    // `..` used to be the data folder itself: a 500 that logged the URL and its token.
    const dotdot = await fetch(`${base}/api/exports/..?access_token=${token}`);
    expect(dotdot.status).toBe(404);
    expect((await fetch(`${base}/api/exports/.?access_token=${token}`)).status).toBe(404);

    // A statement that fails with a phone and a token among its parameters, under a URL with a
    // token in its query: the log says what failed, never with what.
    const db = drizzle(core.sqlite);
    core.handlers['setup.status'] = () => {
      db.run(sql`INSERT INTO no_such_table (phone, token) VALUES (${PHONE}, ${token})`);
      return { initialized: true, merchant: null, demo: false };
    };
    const failed = await post(`setup.status?access_token=${token}&pin=${OWNER_PIN}`, {});
    expect(failed.status).toBe(500);
    // The error PostgreSQL's driver raises for a failed push: the batch's payloads as params.
    core.handlers['setup.status'] = () => {
      const payload = JSON.stringify({ phone: `+86${PHONE}`, note: 'x'.repeat(10_000) });
      throw new DrizzleQueryError('insert into "sync_events" values ($1, $2)', [payload, token]);
    };
    expect((await post('setup.status', {})).status).toBe(500);

    const text = await logText(logFile, 'Failed query');
    expect(text).toContain('no_such_table');
    expect(text).toContain('[params not logged]');
    expectNoSecrets(text, [token, OWNER_PIN]);
  });

  it('of the cloud with the log SMS provider hold neither the phone nor the code', async () => {
    const dir = tempDir();
    const sms = logSmsProvider(createFileLogger(dir));
    await sms.send({
      id: '01938a6e-7c00-7000-8000-000000000001',
      to: `+86${PHONE}`,
      text: '【鲜果优选】验证码 482913，5 分钟内有效。请勿告诉他人。',
      template: 'otp',
      params: { code: '482913', minutes: 5 },
      merchant: { code: 'XGYX-01', name: '鲜果优选' },
    });
    const text = await logText(path.join(dir, 'storedesk.log'), 'sms (log provider');
    expect(text).toContain('138****5678');
    expect(text).toContain('验证码 ******');
    expectNoSecrets(text, ['482913']);
  });

  it('redact secrets wherever they appear in a line', () => {
    expect(redactText('GET /api/events?access_token=abc.def&x=1')).toBe(
      'GET /api/events?access_token=[redacted]&x=1',
    );
    expect(redactText('Authorization: Bearer sds_123abc')).toBe('Authorization: Bearer [redacted]');
    expect(redactText('call +8613912345678 or 13912345678')).toBe(
      'call +86139****5678 or 139****5678',
    );
    expect(redactText('Failed query: insert into x values (?)\nparams: ["+8613912345678"]')).toBe(
      'Failed query: insert into x values (?) [params not logged]',
    );
  });
});
