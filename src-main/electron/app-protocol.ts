import fs from 'node:fs/promises';
import path from 'node:path';

// The renderer is served from app://storedesk/ rather than file://: a standard, secure scheme of
// our own gives the page a real origin ('self' in the CSP means our bundle, not the disk), keeps
// it from reading other files, and lets the packaged binary turn off the file:// privileges fuse.

export const APP_SCHEME = 'app';
export const APP_HOST = 'storedesk';
/** The page the main window loads. */
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** For `protocol.registerSchemesAsPrivileged`, before the app is ready. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  // standard: relative URLs and an origin; secure: like https (ES modules, crypto.subtle).
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
};

/** The bundle file an app:// URL names, or null when it names anything outside the bundle. */
export function appFileFor(rendererDir: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  // A NUL or a backslash never names a file of the bundle (and a backslash is a separator on
  // Windows that the URL parser did not see).
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, `.${pathname === '/' ? '/index.html' : pathname}`);
  const relative = path.relative(root, file);
  if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return file;
}

/** Answers app:// requests from the built renderer folder: the file, or 404. */
export function appProtocolHandler(rendererDir: string) {
  return async (request: { url: string; method?: string }): Promise<Response> => {
    const notFound = () => new Response('Not found', { status: 404 });
    if (request.method && request.method !== 'GET' && request.method !== 'HEAD')
      return new Response('Method not allowed', { status: 405 });
    const file = appFileFor(rendererDir, request.url);
    if (!file) return notFound();
    const body = await fs.readFile(file).catch(() => null);
    if (!body) return notFound();
    return new Response(body, {
      headers: {
        'content-type':
          CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'x-content-type-options': 'nosniff',
      },
    });
  };
}

/** The parts of Electron's `protocol` the shell uses. */
export interface ProtocolLike {
  registerSchemesAsPrivileged(schemes: (typeof APP_SCHEME_PRIVILEGES)[]): void;
  handle(scheme: string, handler: (request: Request) => Promise<Response>): void;
}
