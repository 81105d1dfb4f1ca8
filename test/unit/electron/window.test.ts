import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import {
  createMainWindow,
  mainWindowOptions,
  MIN_WINDOW_SIZE,
  WINDOW_TITLE,
} from '../../../src-main/electron/window';

type BrowserWindowConstructorOptions = ReturnType<typeof mainWindowOptions>;

describe('main window options', () => {
  it('isolate the page: no Node, sandboxed, context-isolated, web security on, no webview', () => {
    const { webPreferences } = mainWindowOptions({ preloadPath: '/app/out/preload/index.cjs' });
    expect(webPreferences).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
    });
  });

  it('open hidden at a size for a shop PC, titled, with a background colour', () => {
    const options = mainWindowOptions({ preloadPath: 'p', iconPath: '/app/resources/icon.png' });
    expect(options).toMatchObject({
      title: WINDOW_TITLE,
      show: false,
      minWidth: 1280,
      minHeight: 720,
      width: 1440,
      height: 900,
      icon: '/app/resources/icon.png',
      backgroundColor: expect.stringMatching(/^#[0-9a-f]{6}$/),
    });
    expect(WINDOW_TITLE).toBe('店务通 StoreDesk');
    expect(mainWindowOptions({ preloadPath: 'p' })).not.toHaveProperty('icon');
  });

  it('fit a small screen, but never below the minimum layout', () => {
    expect(
      mainWindowOptions({ preloadPath: 'p', workArea: { width: 1366, height: 728 } }),
    ).toMatchObject({ width: 1366, height: 728 });
    expect(
      mainWindowOptions({ preloadPath: 'p', workArea: { width: 1024, height: 600 } }),
    ).toMatchObject(MIN_WINDOW_SIZE);
  });
});

class FakeWindow extends EventEmitter {
  readonly loaded: string[] = [];
  visible = false;
  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
  }
  show() {
    this.visible = true;
  }
  async loadURL(url: string) {
    this.loaded.push(url);
  }
}

describe('createMainWindow', () => {
  it('prepares the window before loading the renderer, and shows it once painted', async () => {
    const steps: string[] = [];
    const window = await createMainWindow({
      BrowserWindow: FakeWindow,
      url: 'app://storedesk/index.html',
      preloadPath: '/app/out/preload/index.cjs',
      beforeLoad: (w) => steps.push(`prepared, ${w.loaded.length} loaded`),
    });
    expect(steps).toEqual(['prepared, 0 loaded']);
    expect(window.loaded).toEqual(['app://storedesk/index.html']);
    expect(window.options.webPreferences?.preload).toBe('/app/out/preload/index.cjs');
    expect(window.visible).toBe(false);
    window.emit('ready-to-show');
    expect(window.visible).toBe(true);
  });
});
