import type {
  HandlerDetails,
  HeadersReceivedResponse,
  OnHeadersReceivedListenerDetails,
  WindowOpenHandlerResponse,
} from 'electron';
import type { Logger } from '../../src-node/logger';
import { CONTENT_SECURITY_POLICY } from '../server/csp';

export { CONTENT_SECURITY_POLICY };

/** The Vite dev server's React refresh preamble is an inline script; a built app has none. */
export const DEV_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(
  "script-src 'self'",
  "script-src 'self' 'unsafe-inline'",
);

interface SessionLike {
  webRequest: {
    onHeadersReceived(
      listener: (
        details: Pick<OnHeadersReceivedListenerDetails, 'responseHeaders'>,
        callback: (response: HeadersReceivedResponse) => void,
      ) => void,
    ): void;
  };
  setPermissionRequestHandler(
    handler: (
      webContents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
    ) => void,
  ): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
}

/** Adds the policy to every response the session receives (the dev server's pages included). */
export function applyContentSecurityPolicy(session: SessionLike, policy: string): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] },
    });
  });
}

/**
 * Web permissions (camera, geolocation, clipboard reads, HID, ...) the window may use. Only
 * desktop notifications, for inventory alerts (features/alerts); scanners and printers are
 * driven from the main process.
 */
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set<string>(['notifications']);

/** Denies every web permission outside GRANTED_PERMISSIONS, both when asked and when checked. */
export function restrictPermissions(session: SessionLike): void {
  session.setPermissionRequestHandler((_webContents, permission, callback) =>
    callback(GRANTED_PERMISSIONS.has(permission)),
  );
  session.setPermissionCheckHandler((_webContents, permission) =>
    GRANTED_PERMISSIONS.has(permission),
  );
}

/** A web page to hand to the system browser: http(s) only, no credentials in the address. */
export function isExternalWebUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (
      (parsed.protocol === 'https:' || parsed.protocol === 'http:') &&
      parsed.username === '' &&
      parsed.password === ''
    );
  } catch {
    return false;
  }
}

type NavigationListener = (event: { url: string; preventDefault(): void }) => void;

interface WebContentsLike {
  on(event: 'will-navigate' | 'will-redirect', listener: NavigationListener): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(
    handler: (details: Pick<HandlerDetails, 'url'>) => WindowOpenHandlerResponse,
  ): void;
}

export interface LockDownDeps {
  isAppUrl: (url: string) => boolean;
  openExternal: (url: string) => Promise<void>;
  logger: Logger;
}

/**
 * Keeps every web contents on the app's own pages: no navigation or redirect elsewhere, no new
 * windows (a web link opens in the system browser instead), no <webview>.
 */
export function lockDownWebContents(
  contents: WebContentsLike,
  { isAppUrl, openExternal, logger }: LockDownDeps,
): void {
  const keepOnAppPages: NavigationListener = (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    logger.warn('navigation away from the app blocked', { url: event.url });
  };
  contents.on('will-navigate', keepOnAppPages);
  contents.on('will-redirect', keepOnAppPages);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalWebUrl(url)) {
      openExternal(url).catch((error: unknown) =>
        logger.warn('could not open a link in the browser', { url, error }),
      );
    } else {
      logger.warn('window.open refused', { url });
    }
    return { action: 'deny' };
  });
}
