import { APP_HOST, APP_INDEX_URL, APP_SCHEME } from './app-protocol';

/** Where the window's pages come from, and the one test for "is this our own page?". */
export interface AppLocation {
  /** What the main window loads. */
  url: string;
  /**
   * True only for the app's own pages: the built index.html served at app://storedesk/ (any
   * hash route), or a page of the dev server's origin. Navigation, IPC and permissions all ask this.
   */
  isAppUrl(url: string): boolean;
}

export interface AppLocationOptions {
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

export function appLocation({ devServerUrl }: AppLocationOptions = {}): AppLocation {
  if (devServerUrl) {
    const origin = new URL(devServerUrl).origin;
    return { url: devServerUrl, isAppUrl: (url) => parseUrl(url)?.origin === origin };
  }
  return {
    url: APP_INDEX_URL,
    isAppUrl(url) {
      const parsed = parseUrl(url);
      // Not the origin: WHATWG URL gives non-special schemes an opaque ("null") one.
      return (
        parsed?.protocol === `${APP_SCHEME}:` &&
        parsed.host === APP_HOST &&
        parsed.pathname === '/index.html' &&
        parsed.search === ''
      );
    },
  };
}
