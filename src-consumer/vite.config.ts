// The consumer web app's build: static files in out/consumer/ that the cloud serves at
// /c/<merchantCode>/ (index.html, the SPA fallback) and /c/_app/assets/ (hashed files).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
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

/**
 * Brotli and gzip twins of each text file (x.js.br, x.js.gz), which the cloud sends to browsers
 * that accept them (@fastify/static preCompressed): on a 4G phone the JS is a third of its size,
 * with no compression work per request.
 */
function precompress(outDir: string): Plugin {
  return {
    name: 'storedesk-consumer-precompress',
    apply: 'build',
    closeBundle() {
      const walk = (dir: string): string[] =>
        fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
          const file = path.join(dir, entry.name);
          return entry.isDirectory() ? walk(file) : [file];
        });
      for (const file of walk(outDir).filter((name) => /\.(js|css|html|svg|json)$/.test(name))) {
        const bytes = fs.readFileSync(file);
        fs.writeFileSync(
          `${file}.br`,
          zlib.brotliCompressSync(bytes, {
            params: { [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY },
          }),
        );
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

const outDir = path.join(root, CONSUMER_APP_OUT_DIR);

export default defineConfig({
  root: import.meta.dirname,
  // Absolute: a deep page (/c/M/i/<id>) loads the same /c/_app/assets/… as the wallet's home.
  base: CONSUMER_APP_ASSETS_PATH,
  plugins: [react(), cspMeta(), precompress(outDir)],
  define: { __CONSUMER_ROUTES__: JSON.stringify(consumerRoutes()) },
  build: {
    outDir,
    emptyOutDir: true,
    // Phones that run the app support modules; the polyfill would be bytes on every load.
    modulePreload: { polyfill: false },
    // Older phones and WeChat's in-app browsers: the browsers that first ran ES modules.
    target: ['es2020', 'chrome87', 'safari14', 'edge88', 'firefox78'],
  },
});
