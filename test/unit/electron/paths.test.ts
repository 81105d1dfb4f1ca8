import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundlePaths, useDataDir } from '../../../src-main/electron/paths';
import { defaultDataDir } from '../../../src-main/server/options';

/**
 * An app as Electron sets it up: `appData` per platform as Electron documents it, `userData`
 * derived from package.json's productName until the shell changes it.
 */
function fakeApp(appData: string) {
  const paths = new Map([
    ['appData', appData],
    ['userData', path.join(appData, 'StoreDesk 店务通')],
  ]);
  const app = {
    name: 'StoreDesk 店务通',
    setName: (name: string) => void (app.name = name),
    getPath: (name: string) => paths.get(name)!,
    setPath: (name: string, value: string) => void paths.set(name, value),
  };
  return app;
}

describe('data folder', () => {
  const home = os.homedir();
  const platforms = [
    { platform: 'linux', env: {}, appData: path.join(home, '.config') },
    { platform: 'linux', env: { XDG_CONFIG_HOME: '/srv/cfg' }, appData: '/srv/cfg' },
    {
      platform: 'win32',
      env: { APPDATA: 'C:\\Users\\shop\\AppData\\Roaming' },
      appData: 'C:\\Users\\shop\\AppData\\Roaming',
    },
    { platform: 'darwin', env: {}, appData: path.join(home, 'Library', 'Application Support') },
  ] as const;

  it.each(platforms)(
    'is userData, the folder `npm run serve` uses ($platform, $appData)',
    ({ platform, env, appData }) => {
      const app = fakeApp(appData);
      const dataDir = useDataDir(app, env);
      expect(app.name).toBe('StoreDesk');
      expect(app.getPath('userData')).toBe(dataDir);
      expect(dataDir).toBe(path.join(appData, 'StoreDesk'));
      // path.join of this platform; the server joins with its own, so compare segments.
      expect(dataDir.split(/[\\/]/)).toEqual(defaultDataDir(env, platform).split(/[\\/]/));
    },
  );

  it('is STOREDESK_DATA_DIR when set, as for the server', () => {
    const app = fakeApp('/home/shop/.config');
    const env = { STOREDESK_DATA_DIR: '/data/shop-a' };
    expect(useDataDir(app, env)).toBe('/data/shop-a');
    expect(app.getPath('userData')).toBe('/data/shop-a');
  });
});

describe('bundle paths', () => {
  it('find the preload, renderer, migrations and icon from out/main', () => {
    expect(bundlePaths('/app/resources/app.asar/out/main')).toEqual({
      preload: '/app/resources/app.asar/out/preload/index.cjs',
      rendererIndex: '/app/resources/app.asar/out/renderer/index.html',
      migrations: '/app/resources/app.asar/out/main/migrations',
      icon: '/app/resources/app.asar/resources/icon.png',
    });
  });
});
