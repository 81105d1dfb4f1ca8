import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT, defaultDataDir, parseServeOptions } from '../../../src-main/server/options';

describe('serve options', () => {
  it('binds to loopback by default and takes flags over environment variables', () => {
    expect(parseServeOptions([], {})).toMatchObject({
      host: '127.0.0.1',
      port: DEFAULT_PORT,
      lan: false,
    });
    const env = { STOREDESK_PORT: '9000', STOREDESK_DATA_DIR: '/srv/shop' };
    expect(parseServeOptions([], env)).toMatchObject({
      port: 9000,
      dataDir: path.resolve('/srv/shop'),
    });
    expect(parseServeOptions(['--port', '0', '--data-dir', 'd'], env)).toMatchObject({
      port: 0,
      dataDir: path.resolve('d'),
    });
  });

  it('opens the LAN only when asked', () => {
    expect(() => parseServeOptions(['--host', '0.0.0.0'], {})).toThrow(/--lan/);
    expect(parseServeOptions(['--lan'], {})).toMatchObject({ host: '0.0.0.0', lan: true });
    expect(parseServeOptions([], { STOREDESK_LAN: '1' }).lan).toBe(true);
  });

  it('serves the LAN over HTTPS unless told --plain-http; loopback stays plain', () => {
    expect(parseServeOptions([], {}).tls).toBe(false);
    expect(parseServeOptions(['--lan'], {}).tls).toBe(true);
    expect(parseServeOptions(['--lan', '--plain-http'], {}).tls).toBe(false);
    expect(parseServeOptions(['--lan'], { STOREDESK_PLAIN_HTTP: '1' }).tls).toBe(false);
  });

  it('moves its clock only for an end-to-end test, never on the shop LAN', () => {
    expect(parseServeOptions([], {}).testClock).toBe(false);
    expect(parseServeOptions(['--test-clock'], {}).testClock).toBe(true);
    expect(() => parseServeOptions(['--test-clock', '--lan'], {})).toThrow(/never with --lan/);
  });

  it('refuses a port that is not a port', () => {
    expect(() => parseServeOptions(['--port', 'abc'], {})).toThrow(/Invalid port/);
    expect(() => parseServeOptions(['--port', '70000'], {})).toThrow(/Invalid port/);
  });

  it('keeps data in the OS application-data folder', () => {
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\shop\\AppData\\Roaming' }, 'win32')).toContain(
      'StoreDesk',
    );
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/home/shop/.config' }, 'linux')).toBe(
      '/home/shop/.config/StoreDesk',
    );
  });
});
