import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signToken, verifyToken } from '../../../src-node/coupons/token';

const secret = randomBytes(32);
const claims = {
  kid: 'k1',
  code: '49291758362019485730',
  templateId: '0195f3c2-1234-7abc-8def-0123456789ab',
  validUntil: Date.UTC(2026, 11, 31, 15, 59, 59, 999),
};

describe('signed QR tokens', () => {
  it('carry code, template and expiry, and verify with the merchant key', () => {
    const token = signToken(claims, secret);
    expect(token.length).toBeLessThan(90);
    expect(token).toMatch(/^[\x20-\x7e]+$/); // ASCII only, for any QR reader
    expect(verifyToken(token, (kid) => (kid === 'k1' ? secret : null))).toEqual({
      ok: true,
      claims,
    });
  });

  it("tries every key with the token's kid (two shops set up apart both start at k1)", () => {
    const otherShop = randomBytes(32);
    const token = signToken(claims, secret);
    const both = (kid: string) => (kid === 'k1' ? [otherShop, secret] : null);
    expect(verifyToken(token, both)).toEqual({ ok: true, claims });
    expect(verifyToken(token, () => [otherShop, randomBytes(32)])).toEqual({
      ok: false,
      problem: 'bad-signature',
    });
    expect(verifyToken(token, () => [])).toEqual({ ok: false, problem: 'unknown-key' });
  });

  it('is a standard HMAC-SHA256, truncated to 80 bits', () => {
    const token = signToken(claims, secret);
    const body = token.slice(0, token.lastIndexOf('.'));
    const expected = createHmac('sha256', secret)
      .update(body)
      .digest()
      .subarray(0, 10)
      .toString('base64url');
    expect(token.endsWith(`.${expected}`)).toBe(true);
  });

  it('refuses a changed code, expiry or template, an unknown key and a wrong key', () => {
    const token = signToken(claims, secret);
    const keys = (kid: string) => (kid === 'k1' ? secret : null);
    const tamper = (index: number, value: string) => {
      const parts = token.split('.');
      parts[index] = value;
      return parts.join('.');
    };
    expect(verifyToken(tamper(2, '49291758362019485731'), keys)).toEqual({
      ok: false,
      problem: 'bad-signature',
    });
    expect(verifyToken(tamper(3, 'zzzzzz'), keys)).toEqual({ ok: false, problem: 'bad-signature' });
    expect(verifyToken(tamper(1, 'k9'), keys)).toEqual({ ok: false, problem: 'unknown-key' });
    expect(verifyToken(token, () => randomBytes(32))).toEqual({
      ok: false,
      problem: 'bad-signature',
    });
    expect(verifyToken('SD1.k1.garbage', keys)).toEqual({ ok: false, problem: 'malformed' });
  });
});
