// The consumer web app's build: static files in out/consumer/ that the cloud serves at
// /c/<merchantCode>/ (index.html, the SPA fallback) and /c/_app/assets/ (hashed files).
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { cloudEndpoints } from '../src-shared/sync/endpoints';
import {
  CONSUMER_APP_ASSETS_PATH,
  CONSUMER_APP_CONTENT_SECURITY_POLICY,
  CONSUMER_APP_OUT_DIR,
} from '../src-shared/sync/consumer-app';

const root = path.resolve(import.meta.dirname, '..');

/**
 * The consumer endpoints' methods and paths, taken from the shared table at build time: the phone
 * gets the paths without shipping zod and every schema (~30 kB gzipped) to a 4G browser.
 */
function consumerRoutes() {
  return Object.fromEntries(
    Object.entries(cloudEndpoints)
      .filter(([name]) => name.startsWith('consumers.'))
      .map(([name, endpoint]) => [name, { method: endpoint.method, path: endpoint.path }]),
  );
}

/** The CSP in a <meta> too, for a page opened without the cloud's header (frame-ancestors cannot go there). */
function cspMeta(): Plugin {
  return {
    name: 'storedesk-consumer-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: {
          'http-equiv': 'Content-Security-Policy',
          content: CONSUMER_APP_CONTENT_SECURITY_POLICY.split('; ')
            .filter((directive) => !directive.startsWith('frame-ancestors'))
            .join('; '),
        },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  root: import.meta.dirname,
  // Absolute: a deep page (/c/M/i/<id>) loads the same /c/_app/assets/… as the wallet's home.
  base: CONSUMER_APP_ASSETS_PATH,
  plugins: [react(), cspMeta()],
  define: { __CONSUMER_ROUTES__: JSON.stringify(consumerRoutes()) },
  build: {
    outDir: path.join(root, CONSUMER_APP_OUT_DIR),
    emptyOutDir: true,
    // Phones that run the app support modules; the polyfill would be bytes on every load.
    modulePreload: { polyfill: false },
  },
});
