import fs from 'node:fs';
import path from 'node:path';
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DATABASE_FILE } from '../../../src-main/core';
import { defaultMigrationsDir } from '../../../src-main/core/db/open';
import { runShell, type ShellElectron } from '../../../src-main/electron/shell';
import {
  CONTENT_SECURITY_POLICY,
  DEV_CONTENT_SECURITY_POLICY,
} from '../../../src-main/electron/security';
import type { applicationMenu } from '../../../src-main/electron/menu';
import type { mainWindowOptions } from '../../../src-main/electron/window';
import { IPC_CALL, IPC_SAVE_PDF } from '../../../src-shared/ipc';
import { tempDir } from '../../support/core';
import { FakeIpcMain, FakeProtocol, FakeSession, FakeWebContents } from './fakes';

type BrowserWindowConstructorOptions = ReturnType<typeof mainWindowOptions>;
type MenuItemConstructorOptions = ReturnType<typeof applicationMenu>[number];

/** An installed app's folder: out/main with the migrations the build copies beside it. */
function fakeBundle() {
  const mainDir = path.join(tempDir(), 'resources', 'app.asar', 'out', 'main');
  fs.cpSync(defaultMigrationsDir(), path.join(mainDir, 'migrations'), { recursive: true });
  // The built renderer: the shell serves this folder at app://storedesk/.
  const rendererDir = path.join(mainDir, '../renderer');
  fs.mkdirSync(rendererDir, { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>店务通</title>');
  return { mainDir, rendererUrl: 'app://storedesk/index.html' };
}

class FakeApp extends EventEmitter {
  name = 'StoreDesk 店务通';
  isPackaged = true;
  hasLock = true;
  readonly quit = vi.fn();
  readonly exit = vi.fn();
  readonly paths: Map<string, string>;
  constructor(appData: string) {
    super();
    this.paths = new Map([
      ['appData', appData],
      ['documents', path.join(appData, 'Documents')],
    ]);
  }
  setName(name: string) {
    this.name = name;
  }
  getPath(name: string) {
    return this.paths.get(name)!;
  }
  setPath(name: string, value: string) {
    this.paths.set(name, value);
  }
  requestSingleInstanceLock() {
    return this.hasLock;
  }
  whenReady() {
    return Promise.resolve();
  }
  getLocale() {
    return 'zh-CN';
  }
  getVersion() {
    return '0.1.0';
  }
}

class FakeWindow extends EventEmitter {
  static opened: FakeWindow[] = [];
  static failLoad: Error | null = null;
  readonly webContents = new FakeWebContents();
  readonly loaded: string[] = [];
  minimized = true;
  focused = false;
  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    FakeWindow.opened.push(this);
  }
  static fromWebContents(contents: FakeWebContents) {
    return FakeWindow.opened.find((w) => w.webContents === contents) ?? null;
  }
  async loadURL(url: string) {
    if (FakeWindow.failLoad) throw FakeWindow.failLoad;
    this.loaded.push(url);
  }
  isMinimized() {
    return this.minimized;
  }
  restore() {
    this.minimized = false;
  }
  show() {}
  focus() {
    this.focused = true;
  }
}

/** Starts the shell over fakes, with the data folder in a temp dir. */
async function startShell(
  setup: { packaged?: boolean; env?: NodeJS.ProcessEnv; lock?: boolean } = {},
) {
  const appData = tempDir();
  const { mainDir, rendererUrl } = fakeBundle();
  const app = new FakeApp(appData);
  app.isPackaged = setup.packaged ?? true;
  app.hasLock = setup.lock ?? true;
  FakeWindow.opened = [];
  const electron = {
    app,
    BrowserWindow: FakeWindow,
    dialog: {
      showErrorBox: vi.fn(),
      // The user accepts the proposed name, in a folder of their choosing.
      showSaveDialog: vi.fn(async (_window: FakeWindow, options: { defaultPath: string }) => ({
        canceled: false,
        filePath: path.join(appData, path.basename(options.defaultPath)),
      })),
    },
    ipcMain: new FakeIpcMain(),
    Menu: {
      buildFromTemplate: (template: MenuItemConstructorOptions[]) => ({ template }),
      setApplicationMenu: vi.fn(),
    },
    screen: { getPrimaryDisplay: () => ({ workAreaSize: { width: 1920, height: 1040 } }) },
    session: { defaultSession: new FakeSession() },
    protocol: new FakeProtocol(),
    shell: { openExternal: vi.fn(async () => {}), openPath: vi.fn(async () => '') },
  };
  const process = Object.assign(new EventEmitter(), { env: setup.env ?? {} });
  await runShell(electron as unknown as ShellElectron, { mainDir, process });
  afterEach(() => void app.emit('will-quit'));
  const dataDir = path.join(appData, 'StoreDesk');
  const window = FakeWindow.opened[0];
  const menu = electron.Menu.setApplicationMenu.mock.calls[0]?.[0] as
    { template: MenuItemConstructorOptions[] } | undefined;
  const callFromWindow = (method: string, input: unknown = {}) =>
    electron.ipcMain.invoke(
      IPC_CALL,
      window!.webContents,
      { url: window!.loaded[0]!, parent: null },
      method,
      input,
    );
  return { app, electron, process, dataDir, mainDir, rendererUrl, window, menu, callFromWindow };
}

const labels = (items: MenuItemConstructorOptions[] | undefined): string[] =>
  (items ?? []).flatMap((item) => [
    ...(item.label ? [item.label] : []),
    ...labels(item.submenu as MenuItemConstructorOptions[] | undefined),
  ]);

describe('the desktop shell', () => {
  it('opens the data folder’s core, and a window on the built renderer that can call it', async () => {
    const { app, electron, dataDir, mainDir, rendererUrl, window, menu, callFromWindow } =
      await startShell();
    expect(app.name).toBe('StoreDesk');
    expect(app.getPath('userData')).toBe(dataDir);
    expect(fs.existsSync(path.join(dataDir, DATABASE_FILE))).toBe(true);

    expect(window!.loaded).toEqual([rendererUrl]);
    // The page comes from the bundle through app://, as a secure standard scheme.
    expect(electron.protocol.privileged).toEqual([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ]);
    const page = await electron.protocol.fetch(rendererUrl);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<title>店务通</title>');
    expect(window!.options.webPreferences).toMatchObject({
      preload: path.join(mainDir, '../preload/index.cjs'),
      sandbox: true,
      contextIsolation: true,
    });
    expect(await callFromWindow('setup.status')).toEqual({
      ok: true,
      data: { initialized: false, merchant: null, demo: false },
    });
    expect(electron.session.defaultSession.respond({})).toEqual({
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
    expect(electron.session.defaultSession.request('geolocation')).toBe(false);
    expect(menu!.template.map((item) => item.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    expect(labels(menu!.template)).not.toContain('重新加载');
  });

  it('locks down every web contents it creates', async () => {
    const { app, electron, rendererUrl } = await startShell();
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    expect(contents.navigate('will-navigate', 'https://example.com/')).toBe(true);
    expect(contents.navigate('will-navigate', `${rendererUrl}#/login`)).toBe(false);
    expect(contents.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({
      action: 'deny',
    });
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://example.com/');
  });

  it('leaves a second instance to the first: it quits before opening anything', async () => {
    const { app, dataDir, window, electron } = await startShell({ lock: false });
    expect(app.quit).toHaveBeenCalled();
    expect(window).toBeUndefined();
    expect(electron.ipcMain.handlers.size).toBe(0);
    expect(fs.existsSync(path.join(dataDir, DATABASE_FILE))).toBe(false);
  });

  it('brings its window forward when a second instance starts', async () => {
    const { app, window } = await startShell();
    app.emit('second-instance');
    expect(window!.minimized).toBe(false);
    expect(window!.focused).toBe(true);
  });

  it('quits when its window closes, and closes the database', async () => {
    const { app, electron, dataDir, callFromWindow } = await startShell();
    await callFromWindow('setup.status');
    const wal = path.join(dataDir, `${DATABASE_FILE}-wal`);
    expect(fs.existsSync(wal)).toBe(true);
    app.emit('window-all-closed');
    expect(app.quit).toHaveBeenCalled();
    app.emit('will-quit');
    expect(electron.ipcMain.handlers.size).toBe(0);
    // SQLite removes the write-ahead log when the last connection closes.
    expect(fs.existsSync(wal)).toBe(false);
  });

  it('loads the dev server with reload in the menu when unpackaged, never when packaged', async () => {
    const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173/' };
    const dev = await startShell({ packaged: false, env });
    expect(dev.window!.loaded).toEqual(['http://localhost:5173/']);
    expect(dev.electron.session.defaultSession.respond({})).toEqual({
      'Content-Security-Policy': [DEV_CONTENT_SECURITY_POLICY],
    });
    expect(labels(dev.menu!.template)).toContain('重新加载');

    const packaged = await startShell({ packaged: true, env });
    expect(packaged.window!.loaded).toEqual([packaged.rendererUrl]);
  });

  it('saves the report page as a PDF through a save dialog over its window', async () => {
    const { app, electron, window } = await startShell();
    const written = await electron.ipcMain.invokeOther<string>(
      IPC_SAVE_PDF,
      { sender: window!.webContents, senderFrame: { url: window!.loaded[0]!, parent: null } },
      '玄武店-2026-11.pdf',
    );
    expect(electron.dialog.showSaveDialog).toHaveBeenCalledWith(
      window,
      expect.objectContaining({
        defaultPath: path.join(app.getPath('documents'), '玄武店-2026-11.pdf'),
      }),
    );
    expect(fs.readFileSync(written, 'utf8')).toBe('%PDF-1.7 stand-in');
    app.emit('will-quit');
    expect(electron.ipcMain.handlers.size).toBe(0);
  });

  it('reports an error it did not expect in a dialog and the log, and keeps running', async () => {
    const { process, electron, dataDir, app } = await startShell();
    process.emit('uncaughtException', new Error('printer queue broke'));
    expect(electron.dialog.showErrorBox).toHaveBeenCalledWith(
      '店务通遇到意外错误',
      expect.stringContaining('printer queue broke'),
    );
    expect(app.exit).not.toHaveBeenCalled();
    await vi.waitFor(() =>
      expect(fs.readFileSync(path.join(dataDir, 'logs', 'storedesk.log'), 'utf8')).toContain(
        'printer queue broke',
      ),
    );
  });

  it('explains a failed start in a dialog, closes the database and exits', async () => {
    FakeWindow.failLoad = new Error('ERR_FILE_NOT_FOUND');
    try {
      const { electron, app, dataDir } = await startShell();
      expect(electron.dialog.showErrorBox).toHaveBeenCalledWith(
        '店务通无法启动',
        expect.stringContaining('ERR_FILE_NOT_FOUND'),
      );
      expect(electron.ipcMain.handlers.size).toBe(0);
      expect(fs.existsSync(path.join(dataDir, DATABASE_FILE))).toBe(true);
      expect(fs.existsSync(path.join(dataDir, `${DATABASE_FILE}-wal`))).toBe(false);
      expect(app.exit).toHaveBeenCalledWith(1);
    } finally {
      FakeWindow.failLoad = null;
    }
  });
});
