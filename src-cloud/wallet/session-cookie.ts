import { serializeCookie } from '../http/cookies';
import type { ReplyHooks } from '../http/context';

export const WALLET_SESSION_COOKIE = 'sd_wallet';

// The cookie's path is the merchant's consumer API: a phone signed in at two shops holds two
// cookies, each sent only to its own shop (sessions are per merchant).
const pathOf = (merchantCode: string) => `/v1/consumers/${encodeURIComponent(merchantCode)}/`;

export function setWalletCookie(
  reply: ReplyHooks,
  merchantCode: string,
  token: string,
  maxAgeMs: number,
) {
  reply.header(
    'set-cookie',
    serializeCookie(WALLET_SESSION_COOKIE, token, {
      path: pathOf(merchantCode),
      maxAge: maxAgeMs / 1000,
      secure: reply.secure,
    }),
  );
}

export function clearWalletCookie(reply: ReplyHooks, merchantCode: string) {
  reply.header(
    'set-cookie',
    serializeCookie(WALLET_SESSION_COOKIE, '', {
      path: pathOf(merchantCode),
      maxAge: 0,
      secure: reply.secure,
    }),
  );
}
