import path from 'node:path';
import type * as Electron from 'electron';
import type { Core } from '../core';
import { ShopHost } from '../core/shop-host';
import { createFileLogger } from '../../src-node/logger';
import { systemHidScanners } from '../devices/scanners/hid-scanners';
import {
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  appProtocolHandler,
  type ProtocolLike,
} from './app-protocol';
import { appLocation } from './app-url';
import { registerIpc, type IpcBridge, type IpcMainLike } from './ipc';
import { applicationMenu } from './menu';
import { bundlePaths, useDataDir } from './paths';
import { registerPdfSaving, type PdfIpcMain } from './pdf';
import {
  applyContentSecurityPolicy,
  CONTENT_SECURITY_POLICY,
  DEV_CONTENT_SECURITY_POLICY,
  lockDownWebContents,
  restrictPermissions,
} from './security';
import { captureWedgeScans } from './scanner-keys';
import { safeStorageSealer, type SafeStorageLike } from './secret-sealer';
import { createMainWindow } from './window';

/** The Electron modules the shell drives; src-main/index.ts passes the real ones. */
export interface ShellElectron {
  app: Electron.App;
  BrowserWindow: typeof Electron.BrowserWindow;
  dialog: Pick<Electron.Dialog, 'showErrorBox' | 'showSaveDialog'>;
  ipcMain: IpcMainLike & PdfIpcMain<Electron.WebContents>;
  Menu: Pick<typeof Electron.Menu, 'buildFromTemplate' | 'setApplicationMenu'>;
  screen: Pick<Electron.Screen, 'getPrimaryDisplay'>;
  session: { readonly defaultSession: Electron.Session };
  /** Serves the built renderer at app://storedesk/ (app-protocol.ts). */
  protocol: ProtocolLike;
  shell: Pick<Electron.Shell, 'openExternal' | 'openPath'>;
  /** Seals the signing keys and device token in the database (absent: kept plain). */
  safeStorage?: SafeStorageLike;
}

export interface ShellOptions {
  /** The main bundle's folder (out/main): the preload and the renderer are found from it. */
  mainDir: string;
  process: {
    env: NodeJS.ProcessEnv;
    on(
      event: 'uncaughtException' | 'unhandledRejection',
      listener: (error: unknown) => void,
    ): unknown;
  };
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The desktop app: one instance per data folder, one window over one core. Resolves once the
 * window has loaded (or start-up has failed and the app is exiting).
 */
export async function runShell(electron: ShellElectron, options: ShellOptions): Promise<void> {
  const { app } = electron;
  const { env } = options.process;
  const dataDir = useDataDir(app, env);
  if (!app.requestSingleInstanceLock()) {
    // The running instance focuses its window ('second-instance').
    app.quit();
    return;
  }

  const dev = !app.isPackaged;
  const logDir = path.join(dataDir, 'logs');
  const logger = createFileLogger(logDir, { console: dev });
  const paths = bundlePaths(options.mainDir);
  const devServerUrl = dev ? env.ELECTRON_RENDERER_URL : undefined;
  const location = appLocation({ devServerUrl });
  // Before 'ready', as Electron requires.
  electron.protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

  const showError = (title: string, error: unknown) =>
    electron.dialog.showErrorBox(
      title,
      `${messageOf(error)}\n\n详细信息已写入日志文件夹：${logDir}`,
    );
  // A bug in the main process shows a dialog and leaves the shop's work running.
  const reportUnexpected = (error: unknown) => {
    logger.error('uncaught error in the main process', { error });
    showError('店务通遇到意外错误', error);
  };
  options.process.on('uncaughtException', reportUnexpected);
  options.process.on('unhandledRejection', reportUnexpected);

  let core: ShopHost | null = null;
  let ipc: IpcBridge | null = null;
  let pdf: { dispose(): void } | null = null;
  let mainWindow: Electron.BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  // Every web contents, whoever creates it, stays on the app's pages.
  app.on('web-contents-created', (_event, contents) =>
    lockDownWebContents(contents, {
      isAppUrl: location.isAppUrl,
      openExternal: (url) => electron.shell.openExternal(url),
      logger,
    }),
  );
  const closeCore = () => {
    pdf?.dispose();
    ipc?.dispose();
    void core?.close();
  };
  app.on('window-all-closed', () => app.quit());
  // After every window has closed, so no call is still running on the database.
  app.on('will-quit', closeCore);

  try {
    await app.whenReady();
    electron.protocol.handle(APP_SCHEME, appProtocolHandler(path.dirname(paths.rendererIndex)));
    const { defaultSession } = electron.session;
    applyContentSecurityPolicy(
      defaultSession,
      devServerUrl ? DEV_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY,
    );
    restrictPermissions(defaultSession);
    // Named, not left to the core's lookup beside its own module: the bundler may move that
    // module into out/main/chunks/.
    // The shop host: the real shop, or the demo shop the owner may open from the settings.
    core = await ShopHost.open({
      dataDir,
      logger,
      migrationsDir: paths.migrations,
      hidScanners: systemHidScanners(logger),
      secretSealer: safeStorageSealer(electron.safeStorage, logger),
    });
    const host = core;
    // The scanner settings of the shop open now (the demo shop has its own).
    const scanner = {
      settings: () => host.current.services.scanner.settings(),
      onSettingsChanged: (
        listener: Parameters<Core['services']['scanner']['onSettingsChanged']>[0],
      ) => host.current.services.scanner.onSettingsChanged(listener),
    };
    const bridge = registerIpc({
      ipcMain: electron.ipcMain,
      core,
      isAppUrl: location.isAppUrl,
      locale: app.getLocale(),
    });
    ipc = bridge;
    pdf = registerPdfSaving<Electron.WebContents>({
      ipcMain: electron.ipcMain,
      showSaveDialog: (contents, dialogOptions) => {
        const window = electron.BrowserWindow.fromWebContents(contents);
        return window
          ? electron.dialog.showSaveDialog(window, dialogOptions)
          : electron.dialog.showSaveDialog(dialogOptions);
      },
      documentsDir: app.getPath('documents'),
      isAppUrl: location.isAppUrl,
      logger,
    });
    electron.Menu.setApplicationMenu(
      electron.Menu.buildFromTemplate(
        applicationMenu({ dev, openDataFolder: () => void electron.shell.openPath(dataDir) }),
      ),
    );
    await createMainWindow({
      BrowserWindow: electron.BrowserWindow,
      url: location.url,
      preloadPath: paths.preload,
      iconPath: paths.icon,
      workArea: electron.screen.getPrimaryDisplay().workAreaSize,
      beforeLoad(window) {
        mainWindow = window;
        bridge.attachWindow(window.webContents);
        captureWedgeScans(window.webContents, {
          settings: () => scanner.settings(),
          onSettingsChanged: (listener) => scanner.onSettingsChanged(listener),
          monotonic: () => performance.now(),
          now: () => Date.now(),
        });
        window.on('closed', () => (mainWindow = null));
      },
    });
    logger.info('app started', { dataDir, version: app.getVersion() });
  } catch (error) {
    logger.error('start-up failed', { error });
    showError('店务通无法启动', error);
    closeCore(); // app.exit skips 'will-quit'
    app.exit(1);
  }
}
