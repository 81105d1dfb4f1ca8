// What every bench over a real shop starts with: a data folder of its own, a core over it, the
// set-up wizard's answers and the owner's session; and the one way a bench calls a method.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core, type CoreOptions } from '../src-main/core';
import { useBuiltWorkers } from '../src-main/core/platform/worker-job';
import { createMemoryLogger } from '../src-node/logger';

/** The owner's PIN in the bench shops (a strong one: the weak-PIN rule refuses 123456 and kin). */
export const BENCH_OWNER_PIN = '314159';
/** The cashier's, for benches that ring sales or redeem as a till does. */
export const BENCH_CASHIER_PIN = '135790';

/** Calls a method as the app does; a refusal stops the bench, naming the method and the error. */
export async function must<T>(
  core: Core,
  method: string,
  input: unknown,
  credential?: string,
): Promise<T> {
  const result = await core.call(method, input, { credential, source: 'app' });
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.data as T;
}

/** A fresh data folder, under BENCH_DIR when set (to measure on a disk of one's choosing). */
export function benchDataDir(name: string): string {
  return fs.mkdtempSync(
    path.join(process.env.BENCH_DIR ?? os.tmpdir(), `storedesk-bench-${name}-`),
  );
}

export interface BenchShop {
  core: Core;
  dataDir: string;
  ids: { ownerId: string; storeId: string; terminalId: string };
  /** The owner's session. */
  token: string;
  /** Closes the core and removes its folder. */
  close(): Promise<void>;
}

/**
 * A shop for a bench: a core over its own folder (a memory logger; options merged in), set up
 * with one store, and its owner logged in. A failure while setting up removes the folder.
 */
export async function benchShop(
  name: string,
  options: { storeName?: string; ownerPin?: string; core?: Partial<CoreOptions> } = {},
): Promise<BenchShop> {
  const dataDir = benchDataDir(name);
  const core = await createCore({ dataDir, logger: createMemoryLogger(), ...options.core });
  const close = async () => {
    await core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const pin = options.ownerPin ?? BENCH_OWNER_PIN;
    const ids = await must<BenchShop['ids']>(core, 'setup.initialize', {
      merchant: { name: '基准商户', code: 'BENCH' },
      store: { name: options.storeName ?? '基准门店', districtCode: '320102' },
      owner: { name: '基准店主', pin },
    });
    const { token } = await must<{ token: string }>(core, 'auth.login', {
      staffId: ids.ownerId,
      pin,
    });
    return { core, dataDir, ids, token, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** A cashier of the shop, logged in: the session a till's calls carry. */
export async function benchCashier(shop: BenchShop): Promise<{ id: string; token: string }> {
  const cashier = await must<{ id: string }>(
    shop.core,
    'staff.create',
    { name: '基准收银', role: 'cashier', pin: BENCH_CASHIER_PIN },
    shop.token,
  );
  const { token } = await must<{ token: string }>(shop.core, 'auth.login', {
    staffId: cashier.id,
    pin: BENCH_CASHIER_PIN,
  });
  return { id: cashier.id, token };
}

/** An active 满100减20 template of the shop (365 days from issue): what the coupon benches issue. */
export async function benchTemplate(
  shop: BenchShop,
  extra: { stackable?: boolean } = {},
): Promise<{ id: string }> {
  const template = await must<{ id: string }>(
    shop.core,
    'coupons.createTemplate',
    {
      name: '满100减20',
      rule: { type: 'threshold', thresholdFen: 10000, amountFen: 2000 },
      validity: { kind: 'relative', days: 365 },
      ...extra,
    },
    shop.token,
  );
  await must(
    shop.core,
    'coupons.setTemplateStatus',
    { id: template.id, status: 'active' },
    shop.token,
  );
  return template;
}

const ROOT = path.resolve(import.meta.dirname, '..');
const BUILT_MAIN = path.join(ROOT, 'out/main');

/** The newest modification time of the files under `dir`. */
function newestUnder(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (entry.isFile())
      newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  return newest;
}

/**
 * The benches time the worker threads the app ships (out/main, built by `npm run build`), not
 * tsx compiling their source at each start (~1 s a job here). Only a build newer than every
 * source file is used; the line it answers says which ran.
 */
export function preferBuiltWorkers(): string {
  const bundle = path.join(BUILT_MAIN, 'inventory-worker.js');
  if (!fs.existsSync(bundle))
    return 'workers from source (tsx): run npm run build to time the built ones';
  const built = fs.statSync(bundle).mtimeMs;
  const source = Math.max(
    ...['src-main', 'src-shared', 'src-node'].map((dir) => newestUnder(path.join(ROOT, dir))),
  );
  if (source > built)
    return 'workers from source (tsx): out/main is older than the source, run npm run build';
  useBuiltWorkers(BUILT_MAIN);
  return 'workers from the build (out/main)';
}
