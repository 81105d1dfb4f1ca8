import path from 'node:path';
import type { App } from 'electron';
import { APP_FOLDER } from '../server/options';

/** Files of the built app, found from the main bundle's folder (out/main). */
export interface BundlePaths {
  preload: string;
  rendererIndex: string;
  /** Copied beside the bundle by the build (electron.vite.config.ts). */
  migrations: string;
  /** The window icon (Linux shows it; Windows and macOS take the packaged app's icon). */
  icon: string;
}

export function bundlePaths(mainDir: string): BundlePaths {
  return {
    preload: path.join(mainDir, '../preload/index.cjs'),
    rendererIndex: path.join(mainDir, '../renderer/index.html'),
    migrations: path.join(mainDir, 'migrations'),
    // resources/ sits beside out/ in the repo and inside app.asar (electron-builder.yml).
    icon: path.join(mainDir, '../../resources/icon.png'),
  };
}

/**
 * Names the app and points `userData` at the data folder; returns that folder. Must run before
 * `ready` and before the single-instance lock, which lives in `userData`.
 *
 * Electron derives `userData` from package.json's productName ("StoreDesk 店务通") at start-up,
 * and a later `setName` does not move it, so the path is set explicitly to the same folder
 * `npm run serve` uses (`defaultDataDir()`): appData/StoreDesk. STOREDESK_DATA_DIR overrides
 * both, as it does for the server.
 */
export function useDataDir(
  app: Pick<App, 'setName' | 'getPath' | 'setPath'>,
  env: NodeJS.ProcessEnv,
): string {
  app.setName(APP_FOLDER);
  const dataDir = env.STOREDESK_DATA_DIR
    ? path.resolve(env.STOREDESK_DATA_DIR)
    : path.join(app.getPath('appData'), APP_FOLDER);
  app.setPath('userData', dataDir);
  return dataDir;
}
