// Where the consumer web app's built files live on the cloud, and the policy they are served
// with. The app (src-consumer/vite.config.ts) builds to these; the cloud serves by them.

/**
 * Every asset of the app is fetched from here, whatever the merchant and the page depth
 * (/c/M/, /c/M/i/<id>, …). `_` is not allowed in a merchant code, so it never collides with
 * `/c/<merchantCode>/`. The cloud serves `out/consumer/assets/*` at `<this>assets/*` and
 * `out/consumer/index.html` for `/c/<merchantCode>` and everything under it.
 */
export const CONSUMER_APP_ASSETS_PATH = '/c/_app/';

/** Where `npm run build` writes the app, from the repository root. */
export const CONSUMER_APP_OUT_DIR = 'out/consumer';

/**
 * The app loads only what the cloud itself serves: no inline script, no third-party host. QR and
 * barcode are drawn on <canvas>. antd-mobile sets style attributes (CSS variables) at run time.
 */
export const CONSUMER_APP_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');
