import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callerMayUse, methodNames, methods, type Caller } from '../../../src-shared/contract';
import { OWNER_PIN, tempDir } from '../../support/core';
import { couponShop, CASHIER_PIN } from '../../support/coupons';
import { Prng } from '../../support/prng';
import { startServer } from '../../support/server';
import { fuzzValue } from '../../support/zod-fuzz';

// Requests per method for each caller the method admits, and for each it refuses. The whole
// contract (about 170 methods × 5 callers) took 190–210 s on this 2-core box with other suites
// running (the calls that reach for a cloud address wait for its timeouts): the budget is 420 s.
const RUNS = Number(process.env.FUZZ_RUNS ?? 10);
const REFUSED_RUNS = 2;
const SEED = Number(process.env.FUZZ_SEED ?? 18);
const MANAGER_PIN = '975310';

type Role = 'owner' | 'manager' | 'cashier' | 'terminal' | 'anonymous';
const ROLES: Role[] = ['owner', 'manager', 'cashier', 'terminal', 'anonymous'];

describe('contract fuzz over the real local HTTP API', () => {
  it(
    'answers every method, for every caller, with no 500 and no crash',
    { timeout: 420_000 },
    async () => {
      const shop = await couponShop();
      const { core, ok, ids, ownerToken, clock, logger } = shop;
      const { post, base } = await startServer(core, { allowTerminalKeys: true });

      // A shop with something in it, so generated ids reach real rows.
      const manager = await ok(
        'staff.create',
        { name: '赵店长', role: 'manager', pin: MANAGER_PIN },
        ownerToken,
      );
      const template = await shop.activeTemplate();
      const cashback = await ok(
        'coupons.createTemplate',
        {
          name: '苹果返现',
          rule: { type: 'cashback', rewardFen: 200 },
          validity: { kind: 'relative', days: 30 },
        },
        ownerToken,
      );
      await ok('coupons.setTemplateStatus', { id: cashback.id, status: 'active' }, ownerToken);
      const codes = (
        await ok('coupons.issue', { templateId: template.id, count: 3 }, ownerToken)
      ).codes.map((c) => c.code);
      await ok(
        'stock.receive',
        { storeId: ids.storeId, lines: [{ sku: 'APL-1', qty: 50 }] },
        ownerToken,
      );
      const sale = await ok(
        'sales.record',
        {
          terminalSaleId: 'FUZZ-1',
          storeId: ids.storeId,
          lines: [{ sku: 'APL-1', qty: 2, unitPriceFen: 1299 }],
        },
        ownerToken,
      );
      const printerDir = tempDir('storedesk-fuzz-printer-');
      const products = (await ok('products.list', {}, ownerToken)).map((p) => p.id);
      const staffIds = new Set([ids.ownerId, manager.id, shop.cashier.id]);

      const credentials: Record<Role, string | null> = {
        owner: ownerToken,
        manager: null,
        cashier: shop.cashierToken,
        terminal: null,
        anonymous: null,
      };
      const pins: Record<string, [string, string]> = {
        owner: [ids.ownerId, OWNER_PIN],
        manager: [manager.id, MANAGER_PIN],
        cashier: [shop.cashier.id, CASHIER_PIN],
      };
      /** A fresh credential when the fuzz ended one (logout, a PIN lockout, a revoked key). */
      async function renew(role: Role): Promise<void> {
        if (role === 'anonymous') return;
        if (role === 'terminal') {
          const owner = await renewStaff('owner');
          const key = await core.call(
            'apiKeys.create',
            { terminalId: ids.terminalId, label: 'fuzz' },
            { credential: owner, source: 'app' },
          );
          if (!key.ok) throw new Error(`no terminal key: ${JSON.stringify(key.error)}`);
          credentials.terminal = (key.data as { key: string }).key;
          return;
        }
        await renewStaff(role);
      }
      async function renewStaff(role: string): Promise<string> {
        const [staffId, pin] = pins[role]!;
        for (let attempt = 0; attempt < 3; attempt++) {
          const login = await core.call('auth.login', { staffId, pin }, { source: 'app' });
          if (login.ok) {
            credentials[role as Role] = (login.data as { token: string }).token;
            return credentials[role as Role]!;
          }
          clock.advance(3_600_000); // out of a lockout the fuzz caused
        }
        throw new Error(`${role} cannot log in again`);
      }
      await renew('manager');
      await renew('terminal');

      const rng = new Prng(SEED);
      const idPool = [
        ids.storeId,
        ids.terminalId,
        template.id,
        cashback.id,
        sale.sale.id,
        ...products,
      ];
      const options = {
        rng,
        hostile: 0,
        ids: {
          storeId: [ids.storeId],
          terminalId: [ids.terminalId],
          productId: products,
          templateId: [template.id, cashback.id],
          saleId: [sale.sale.id],
          saleLineId: sale.sale.lines.map((l) => l.id),
          // Never the fuzz's own staff: deactivating them would end the run, not find a bug.
          '*': idPool.filter((id) => !staffIds.has(id)),
        },
        likely: {
          sku: ['APL-1', 'MLK-1', 'BAG-1'],
          barcode: ['6901234567892'],
          phone: ['13800001111', '+86 139 0000 2222'],
          customerPhone: ['13800001111'],
          code: codes,
          couponCodes: [codes.slice(0, 1), []],
          from: ['2026-11-01'],
          to: ['2026-11-30'],
        },
        // Nothing reaches the network or the disk outside the test's folder.
        fixed: {
          cloudUrl: () => 'http://127.0.0.1:1/',
          host: () => '127.0.0.1',
          port: () => 1,
          path: () => path.join(printerDir, 'printer.bin'),
        },
      };

      const failures: {
        method: string;
        role: Role;
        status: number;
        input: unknown;
        body: unknown;
      }[] = [];
      let requests = 0;
      const statuses = new Map<number, number>();
      const answered = new Set<string>();
      const started = Date.now();
      for (const method of methodNames) {
        const def = methods[method];
        for (const role of ROLES) {
          const caller: Caller = role === 'anonymous' ? 'public' : role;
          const admitted =
            def.access.includes('public') ||
            def.access.includes('setup') ||
            (role !== 'anonymous' && callerMayUse(def.access, caller));
          const runs = admitted ? RUNS : REFUSED_RUNS;
          for (let i = 0; i < runs; i++) {
            // Two in three requests fit the schema (to reach the handler), the rest carry hostile values.
            const input = fuzzValue(def.input, { ...options, hostile: rng.chance(0.66) ? 0 : 0.1 });
            const credential = credentials[role];
            const response = await post(
              method,
              input === undefined ? 'null' : input,
              credential ? { authorization: `Bearer ${credential}` } : {},
            );
            requests++;
            statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
            if (response.status === 200) answered.add(method);
            else if (process.env.FUZZ_DEBUG === method && admitted)
              console.info(
                JSON.stringify(input).slice(0, 300),
                JSON.stringify(response.body).slice(0, 300),
              );
            if (response.status >= 500 && response.body?.error?.code === 'INTERNAL')
              failures.push({ method, role, status: response.status, input, body: response.body });
            else if (response.status === 500)
              failures.push({ method, role, status: response.status, input, body: response.body });
            if (response.status === 401 && role !== 'anonymous') await renew(role);
            if (response.status === 403 && response.body?.error?.code === 'STAFF_INACTIVE')
              await renew(role);
          }
        }
      }
      const elapsed = Date.now() - started;
      // The server still answers, and the core never logged a handler that failed.
      expect((await fetch(`${base}/api/health`)).status).toBe(200);
      const crashes = logger.lines.filter(
        (line) =>
          line.level === 'error' && /handler failed|outside its contract/.test(line.message),
      );
      if (failures.length || crashes.length)
        fs.writeFileSync(
          path.join(process.cwd(), 'test-results-contract-fuzz.json'),
          JSON.stringify({ seed: SEED, failures, crashes }, null, 2),
        );
      console.info(
        `contract fuzz: ${requests} requests over ${methodNames.length} methods × ${ROLES.length} callers in ${elapsed} ms (seed ${SEED}); statuses ${JSON.stringify(Object.fromEntries(statuses))}; ${answered.size} methods answered 200 at least once`,
      );
      if (process.env.FUZZ_VERBOSE)
        console.info('never 200:', methodNames.filter((m) => !answered.has(m)).join(' '));
      expect(failures.map((f) => `${f.method} as ${f.role}: ${JSON.stringify(f.body)}`)).toEqual(
        [],
      );
      expect(
        crashes.map(
          (c) =>
            `${String(c.fields?.method)}: ${String((c.fields?.error as Error)?.stack ?? c.fields?.issues)}`,
        ),
      ).toEqual([]);
    },
  );
});
