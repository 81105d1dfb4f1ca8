import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { couponShop } from '../../support/coupons';
import { startServer } from '../../support/server';

/** Starts a second StoreDesk process; resolves `ready` once it has opened the database. */
function redeemProcess(args: string[]) {
  const child = spawn(process.execPath, [
    '--import',
    'tsx',
    'test/support/redeem-process.ts',
    ...args,
  ]);
  let stdout = '';
  const ready = new Promise<void>((resolve) =>
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('ready')) resolve();
    }),
  );
  const done = new Promise<{ won: number; startedAt: number; endedAt: number }>((resolve, reject) =>
    child.on('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(stdout.slice(stdout.indexOf('{'))))
        : reject(new Error(`exit ${code}: ${stdout}`)),
    ),
  );
  return { ready, done, go: () => child.stdin.end('go\n') };
}

describe('single use under concurrency', () => {
  it('gives one success per code to fifty parallel HTTP requests', async () => {
    const { core, cashierToken, activeTemplate, issueOne } = await couponShop();
    const coupon = await issueOne((await activeTemplate()).id);
    const { post } = await startServer(core);
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        post(
          'redemption.redeem',
          {
            code: coupon.qrPayload,
            order: { subtotalFen: 12000 },
            idempotencyKey: `http-parallel-${i}`,
          },
          { authorization: `Bearer ${cashierToken}` },
        ),
      ),
    );
    expect(responses.filter((r) => r.status === 200)).toHaveLength(1);
    expect(
      responses.filter((r) => r.status === 409 && r.body.error.code === 'COUPON_ALREADY_REDEEMED'),
    ).toHaveLength(49);
  });

  it('gives one success per code to two processes on one database file', async () => {
    const { core, dataDir, clock, ok, ownerToken, cashierToken, activeTemplate } =
      await couponShop();
    const template = await activeTemplate();
    const { codes } = await ok(
      'coupons.issue',
      { templateId: template.id, count: 200 },
      ownerToken,
    );
    const list = codes.map((c) => c.code);
    const args = (prefix: string, order: string[]) => [
      dataDir,
      String(clock.now()),
      cashierToken,
      prefix,
      ...order,
    ];
    const a = redeemProcess(args('proc-a', list));
    const b = redeemProcess(args('proc-b', [...list].reverse()));
    await Promise.all([a.ready, b.ready]);
    a.go();
    b.go();
    const [resultA, resultB] = await Promise.all([a.done, b.done]);
    expect(resultA.won + resultB.won).toBe(200);
    // The two really ran at the same time (their redeeming windows overlap).
    expect(resultA.startedAt).toBeLessThan(resultB.endedAt);
    expect(resultB.startedAt).toBeLessThan(resultA.endedAt);
    expect(
      core.sqlite.prepare("SELECT count(*) n FROM redemptions WHERE status = 'completed'").get(),
    ).toEqual({ n: 200 });
    expect(
      core.sqlite.prepare('SELECT count(DISTINCT coupon_id) n FROM redemptions').get(),
    ).toEqual({ n: 200 });
  });
});
