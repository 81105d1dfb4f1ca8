import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { CROCKFORD } from '../../src-shared/coupons/codes';

/** 256 random bits, URL-safe, with a prefix that says what the token is for. */
export const newToken = (prefix: string): string => prefix + randomBytes(32).toString('base64url');

/** Tokens, pairing codes and one-time codes are stored as their SHA-256 only. */
export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** n symbols of Crockford base32 (5 bits each) from a cryptographic source. */
export function randomSymbols(n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += CROCKFORD[randomInt(32)];
  return out;
}

export const randomDigits = (n: number): string =>
  Array.from({ length: n }, () => String(randomInt(10))).join('');
