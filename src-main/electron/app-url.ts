import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Where the window's pages come from, and the one test for "is this our own page?". */
export interface AppLocation {
  /** What the main window loads. */
  url: string;
  /**
   * True only for the app's own pages: the built index.html (any hash route), or a page of the
   * dev server's origin. Navigation, IPC and permissions all ask this.
   */
  isAppUrl(url: string): boolean;
}

export interface AppLocationOptions {
  /** out/renderer/index.html */
  rendererIndex: string;
  /** electron-vite's dev server (ELECTRON_RENDERER_URL); never honoured by a packaged app. */
  devServerUrl?: string | undefined;
}

const parseUrl = (url: string): URL | null => {
  try {
    return new URL(url);
  } catch {
    return null;
  }
};

export function appLocation({ rendererIndex, devServerUrl }: AppLocationOptions): AppLocation {
  if (devServerUrl) {
    const origin = new URL(devServerUrl).origin;
    return { url: devServerUrl, isAppUrl: (url) => parseUrl(url)?.origin === origin };
  }
  const indexFile = path.resolve(rendererIndex);
  return {
    url: pathToFileURL(indexFile).href,
    isAppUrl(url) {
      const parsed = parseUrl(url);
      // A host would be a network share (file://server/...), never our bundle.
      if (parsed?.protocol !== 'file:' || parsed.host !== '') return false;
      // path.relative compares the way the OS does (case-insensitively on Windows), and
      // fileURLToPath undoes percent-encoding (an install folder named 店务通 StoreDesk).
      return path.relative(indexFile, fileURLToPath(parsed)) === '';
    },
  };
}
