// One Content-Security-Policy for the app's page, in the browser (served with it) and in
// Electron (set on the session). Kept apart from the server so the shell need not load fastify.

/** The page may load only what the app itself serves. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // antd writes its styles at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The policy as a <meta http-equiv> may carry it: browsers ignore frame-ancestors there (the
 * header still sends it).
 */
export const metaContentSecurityPolicy = (policy = CONTENT_SECURITY_POLICY) =>
  policy
    .split('; ')
    .filter((directive) => !directive.startsWith('frame-ancestors'))
    .join('; ');
