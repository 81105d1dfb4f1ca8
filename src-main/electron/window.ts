import type { BrowserWindowConstructorOptions } from 'electron';

export const WINDOW_TITLE = '店务通 StoreDesk';
/** The smallest layout the back office is designed for. */
export const MIN_WINDOW_SIZE = { width: 1280, height: 720 };
const PREFERRED_WINDOW_SIZE = { width: 1440, height: 900 };
/** antd's layout grey: no white flash before the first paint. */
const BACKGROUND_COLOR = '#f5f5f5';

export interface MainWindowOptions {
  preloadPath: string;
  iconPath?: string;
  /** The screen's usable area: many shop PCs have 1366×768 displays. */
  workArea?: { width: number; height: number };
}

const fit = (preferred: number, available: number | undefined, min: number) =>
  Math.max(min, Math.min(preferred, available ?? preferred));

export function mainWindowOptions({
  preloadPath,
  iconPath,
  workArea,
}: MainWindowOptions): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: fit(PREFERRED_WINDOW_SIZE.width, workArea?.width, MIN_WINDOW_SIZE.width),
    height: fit(PREFERRED_WINDOW_SIZE.height, workArea?.height, MIN_WINDOW_SIZE.height),
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    // Shown on 'ready-to-show', once the page has painted.
    show: false,
    backgroundColor: BACKGROUND_COLOR,
    ...(iconPath ? { icon: iconPath } : {}),
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // Product names and codes are not words: no red underlines at the till.
      spellcheck: false,
      navigateOnDragDrop: false,
    },
  };
}

/** The parts of a BrowserWindow that opening one takes. */
export interface OpenableWindow {
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
  loadURL(url: string): Promise<void>;
}

export interface CreateMainWindowDeps<W extends OpenableWindow> extends MainWindowOptions {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => W;
  /** The renderer: the built index.html as a file URL, or the dev server (see app-url.ts). */
  url: string;
  /** Runs before the page loads, so the page's first IPC call finds its window attached. */
  beforeLoad?: (window: W) => void;
}

/** Opens the main window and loads the renderer; it appears once painted. */
export async function createMainWindow<W extends OpenableWindow>({
  BrowserWindow,
  url,
  beforeLoad,
  ...options
}: CreateMainWindowDeps<W>): Promise<W> {
  const window = new BrowserWindow(mainWindowOptions(options));
  window.once('ready-to-show', () => window.show());
  beforeLoad?.(window);
  await window.loadURL(url);
  return window;
}
