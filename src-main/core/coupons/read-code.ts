import { looksLikeToken, parseCode } from '../../../src-shared/coupons/codes';
import type { SigningKeys } from './signing-keys';
import { verifyToken, type TokenClaims } from '../../../src-node/coupons/token';

export type CodeReading =
  | { ok: true; code: string; token: TokenClaims | null }
  | { ok: false; reason: 'FORGED'; problem: 'malformed' | 'unknown-key' | 'bad-signature' }
  | { ok: false; reason: 'BAD_CHECK'; problem: 'length' | 'characters' | 'check' };

/**
 * What a cashier typed or a scanner read: a signed QR token (checked against the merchant's
 * keys) or a typed code (checked for typos). Either way, before the database is asked.
 */
export function readCode(input: string, keys: SigningKeys): CodeReading {
  if (looksLikeToken(input)) {
    const token = verifyToken(input, (kid) => keys.secretsFor(kid));
    return token.ok
      ? { ok: true, code: token.claims.code, token: token.claims }
      : { ok: false, reason: 'FORGED', problem: token.problem };
  }
  const parsed = parseCode(input);
  return parsed.ok
    ? { ok: true, code: parsed.code, token: null }
    : { ok: false, reason: 'BAD_CHECK', problem: parsed.problem };
}
