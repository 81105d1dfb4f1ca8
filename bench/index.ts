// `npm run bench [-- name…]`: runs the benchmark suites (all, or those named) and prints each
// metric beside its baseline, as a table and as JSON lines.
import { cloudBench } from './cloud.bench';
import { cloudLoadBench } from './cloud-load.bench';
import { couponsBench } from './coupons.bench';
import { foundationBench } from './foundation.bench';
import { printingBench } from './printing.bench';
import { inventoryBench } from './inventory.bench';
import { scannerBench } from './scanner.bench';
import { analyticsBench } from './analytics.bench';
import { syncBench } from './sync.bench';
import { redeemBench } from './redeem.bench';
import { bestCombinationBench } from './best-combination.bench';
import { tillBench } from './till.bench';
import { crashBench } from './crash.bench';
import { startupBench } from './startup.bench';
import { membersBench } from './members.bench';
import { chainBench } from './chain.bench';
import { walletBench } from './wallet.bench';
import { walletPageBench } from './wallet-page.bench';
import { sharesBench } from './shares.bench';
import { tasksBench } from './tasks.bench';
import { outreachBench } from './outreach.bench';
import { audiencesBench } from './audiences.bench';
import { report, type Metric } from './harness';
import { preferBuiltWorkers } from './support';

const suites: Record<string, () => Promise<Metric[]>> = {
  foundation: foundationBench,
  coupons: couponsBench,
  printing: printingBench,
  cloud: cloudBench,
  'cloud-load': cloudLoadBench,
  inventory: inventoryBench,
  scanner: scannerBench,
  analytics: analyticsBench,
  sync: syncBench,
  redeem: redeemBench,
  'best-combination': bestCombinationBench,
  till: tillBench,
  crash: crashBench,
  startup: startupBench,
  members: membersBench,
  chain: chainBench,
  wallet: walletBench,
  'wallet-page': walletPageBench,
  shares: sharesBench,
  tasks: tasksBench,
  outreach: outreachBench,
  audiences: audiencesBench,
};

const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const unknown = wanted.filter((name) => !(name in suites));
if (unknown.length) {
  console.error(
    `Unknown bench suite(s): ${unknown.join(', ')}. Known: ${Object.keys(suites).join(', ')}`,
  );
  process.exit(2);
}

console.log(`bench: ${preferBuiltWorkers()}`);
const metrics: Metric[] = [];
for (const [name, run] of Object.entries(suites)) {
  if (wanted.length && !wanted.includes(name)) continue;
  console.log(`bench: ${name}…`);
  metrics.push(...(await run()));
}
report(metrics);
if (metrics.some((m) => m.met === false)) process.exitCode = 1;
