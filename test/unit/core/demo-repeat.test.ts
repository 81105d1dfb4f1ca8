import { describe, expect, it } from 'vitest';
import { initializedShop } from '../../support/core';

describe('demo shop: a believable repeat-purchase rate', () => {
  it('returning customers make a plausible share of member sales, lower in the first weeks', async () => {
    const { ok, ownerToken, core } = await initializedShop();
    core.services.settings.set('shop.demo', true);
    await ok('demo.generate', { days: 90, seed: 7 }, ownerToken);
    await core.services.analyticsJobs.settled();
    const rates = async (from: string, to: string) =>
      (await ok('analytics.storeTrend', { from, to, grain: 'month' }, ownerToken)).stores.map(
        (store) => [store.storeName, store.total.repeatRate, store.total.identifiedSales] as const,
      );
    const lastMonth = await rates('2026-10-23', '2026-11-21');
    const firstWeeks = await rates('2026-08-24', '2026-09-06');
    const demoStores = lastMonth.filter(([, , identified]) => identified > 0);
    expect(demoStores).toHaveLength(6);
    for (const [, rate, identified] of demoStores) {
      expect(identified).toBeGreaterThan(100);
      // Regulars come back, but new faces keep arriving: not 98–99 %.
      expect(rate).toBeGreaterThan(0.45);
      expect(rate).toBeLessThan(0.85);
    }
    firstWeeks
      .filter(([, , identified]) => identified > 0)
      .forEach(([, rate], i) => expect(rate!).toBeLessThan(demoStores[i]![1]!));
  }, 120_000);
});
