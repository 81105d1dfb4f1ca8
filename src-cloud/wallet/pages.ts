import fs from 'node:fs/promises';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { claimPageHtml, compressedFor } from './claim-page';

/**
 * The consumer pages' policy: everything from this cloud only (no CDN, tracker or font host).
 * Inline style attributes are allowed (antd-mobile sets them); inline scripts are not.
 */
export const CONSUMER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

// Vite names built assets with a content hash (index-3fA9c_1b.js): a new build, a new name, so
// they may be cached for good. index.html is what points at them: never cached.
const HASHED = /^assets\/.+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

async function isFile(file: string) {
  try {
    return (await fs.stat(file)).isFile();
  } catch {
    return false;
  }
}

/**
 * Serves the built consumer app (out/consumer) at /c/<merchantCode>/…: a file of the build
 * when the rest of the path names one (with or without the merchant segment, whichever `base`
 * the build used), else index.html (the app routes /i/<id>, /s/<id>, … itself).
 */
export async function registerConsumerPages(
  app: FastifyInstance,
  root: string,
  /** For claim pages served with their offer in the HTML (claim-page.ts). */
  claimSources?: Parameters<typeof claimPageHtml>[2],
) {
  await app.register(fastifyStatic, {
    root,
    serve: false,
    cacheControl: false,
    // The build writes x.js.br and x.js.gz beside x.js (src-consumer/vite.config.ts).
    preCompressed: true,
    suppressWarning: true,
  });

  const page = (reply: FastifyReply, file: string) => {
    reply.header('Content-Security-Policy', CONSUMER_CSP);
    reply.header('Referrer-Policy', 'same-origin');
    reply.header('X-Frame-Options', 'DENY');
    reply.header(
      'Cache-Control',
      HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-store',
    );
    return reply.sendFile(file);
  };

  app.get('/c/*', async (request, reply) => {
    const rest = (request.params as { '*': string })['*'] ?? '';
    const segments = rest.split('/').filter(Boolean);
    if (segments.some((s) => s === '..' || s.startsWith('.')))
      return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
    if (!(await isFile(path.join(root, 'index.html'))))
      return reply
        .code(404)
        .header('Cache-Control', 'no-store')
        .type('text/plain; charset=utf-8')
        .send(
          `The consumer app is not built (no index.html in ${root}): run npm run build, ` +
            'or point STOREDESK_CONSUMER_APP_DIR at the built app.\n',
        );
    // /c/assets/x.js (base '/c/') or /c/<merchant>/assets/x.js (relative base).
    for (const candidate of [segments.join('/'), segments.slice(1).join('/')])
      if (candidate && (await isFile(path.join(root, candidate)))) return page(reply, candidate);
    // A missing asset is a 404, not the app's page (a stale tab asking for an old build's file).
    if (segments.includes('assets'))
      return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
    const claimPage = claimSources ? await claimPageHtml(root, request.url, claimSources) : null;
    if (claimPage !== null) {
      reply.header('Content-Security-Policy', CONSUMER_CSP);
      reply.header('Referrer-Policy', 'same-origin');
      reply.header('X-Frame-Options', 'DENY');
      reply.header('Cache-Control', 'no-store');
      reply.header('Vary', 'Accept-Encoding');
      const { encoding, body } = compressedFor(request.headers['accept-encoding'], claimPage);
      if (encoding) reply.header('Content-Encoding', encoding);
      return reply.type('text/html; charset=utf-8').send(body);
    }
    return page(reply, 'index.html');
  });
}
