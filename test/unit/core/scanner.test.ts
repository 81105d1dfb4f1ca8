import { describe, expect, it } from 'vitest';
import type { EventName } from '../../../src-shared/contract';
import { DEFAULT_SCANNER_SETTINGS } from '../../../src-shared/contract/scanner';
import { HidScanners } from '../../../src-main/devices/scanners/hid-scanners';
import type { OpenHidScanners } from '../../../src-main/core/scanner/service';
import { createMemoryLogger } from '../../../src-node/logger';
import { initializedShop } from '../../support/core';
import { FakeHid, manualHotplug, SCANNER, scanReport } from '../../support/hid-fakes';

/** A shop whose core reads HID-POS scanners from a fake bus. */
async function shopWithHid() {
  const hid = new FakeHid();
  const hotplug = manualHotplug();
  let layer: HidScanners | null = null;
  const openHid: OpenHidScanners = async (callbacks) => {
    layer = new HidScanners({
      ...callbacks,
      hid,
      hotplug: hotplug.watch,
      logger: createMemoryLogger(),
      now: () => 1_763_700_000_000,
    });
    return layer;
  };
  const shop = await initializedShop({ hidScanners: openHid });
  const pushed: { name: EventName; payload: unknown }[] = [];
  shop.core.events.subscribe(
    () => shop.ownerToken,
    (name, payload) => pushed.push({ name, payload }),
  );
  const plug = async () => {
    hid.plugged = [SCANNER];
    hotplug.fire();
    await layer!.refresh();
  };
  return { ...shop, hid, plug, pushed, hotplug };
}

describe('scanners of this PC', () => {
  it('keeps the settings in this PC’s database, validated, audited and announced', async () => {
    const { ok, fails, ownerToken, pushed } = await shopWithHid();
    expect(await ok('scanner.settings', {}, ownerToken)).toEqual(DEFAULT_SCANNER_SETTINGS);
    const changed = { ...DEFAULT_SCANNER_SETTINGS, maxAverageGapMs: 25, suffix: 'tab' as const };
    await ok('scanner.updateSettings', changed, ownerToken);
    expect(await ok('scanner.settings', {}, ownerToken)).toEqual(changed);
    expect(pushed).toContainEqual({ name: 'scanner.settingsChanged', payload: changed });
    const audit = await ok('audit.list', {}, ownerToken);
    expect(audit.items[0]).toMatchObject({ action: 'scanner.updateSettings' });

    const bad = await fails(
      'scanner.updateSettings',
      { ...changed, humanGapMs: 20, suffix: 'custom', customSuffix: '' },
      ownerToken,
    );
    expect(bad.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(bad.details)).toContain('humanGapMs');
    expect(JSON.stringify(bad.details)).toContain('customSuffix');
  });

  it('pushes HID-POS scans and device changes over the event channel; wedge-only closes them', async () => {
    const { ok, ownerToken, hid, plug, pushed } = await shopWithHid();
    await plug();
    expect(await ok('scanner.devices', {}, ownerToken)).toMatchObject([
      { name: 'Honeywell 1900GSR-2', status: 'open' },
    ]);
    hid.opened.get('/dev/hidraw3')!.emit('data', scanReport('6901234567892', ']E0'));
    expect(pushed).toContainEqual({
      name: 'scanner.scanned',
      payload: {
        data: '6901234567892',
        symbology: 'EAN-13',
        source: 'hid',
        deviceName: 'Honeywell 1900GSR-2',
        at: 1_763_700_000_000,
        timing: null,
      },
    });
    expect(pushed.some((e) => e.name === 'scanner.devicesChanged')).toBe(true);

    await ok('scanner.updateSettings', { ...DEFAULT_SCANNER_SETTINGS, mode: 'wedge' }, ownerToken);
    await ok('scanner.settings', {}, ownerToken);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(hid.opened.get('/dev/hidraw3')!.closed).toBe(true);
    expect(await ok('scanner.devices', {}, ownerToken)).toEqual([]);
  });

  it('goes on without HID when node-hid cannot load', async () => {
    const shop = await initializedShop({
      hidScanners: () => Promise.reject(new Error('No native build was found')),
    });
    expect(await shop.ok('scanner.devices', {}, shop.ownerToken)).toEqual([]);
    expect(await shop.ok('scanner.settings', {}, shop.ownerToken)).toEqual(
      DEFAULT_SCANNER_SETTINGS,
    );
  });
});
