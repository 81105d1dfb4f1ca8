import { describe, expect, it } from 'vitest';
import {
  CROCKFORD,
  crockfordCheckSymbol,
  dammCheckDigit,
  displayCode,
  groupTypedDigits,
  parseCode,
} from '../../../src-shared/coupons/codes';

const numeric = (random19: string) => random19 + dammCheckDigit(random19);
const base32 = (random12: string) => random12 + crockfordCheckSymbol(random12);

describe('coupon code check symbols', () => {
  const codes = [
    numeric('4929175836201948573'),
    numeric('1000000000000000000'),
    numeric('9876543210123456789'),
  ];

  it('accepts well-formed codes with spaces or hyphens, in groups of four', () => {
    const code = codes[0]!;
    expect(parseCode(code)).toEqual({ ok: true, format: 'numeric', code });
    expect(parseCode(displayCode(code))).toEqual({ ok: true, format: 'numeric', code });
    expect(displayCode(code)).toMatch(/^\d{4} \d{4} \d{4} \d{4} \d{4}$/);
  });

  it('catches every single-digit error in numeric codes', () => {
    for (const code of codes) {
      for (let i = 0; i < code.length; i++) {
        for (let d = 0; d <= 9; d++) {
          if (String(d) === code[i]) continue;
          const typo = code.slice(0, i) + d + code.slice(i + 1);
          expect(parseCode(typo)).toEqual({ ok: false, problem: 'check' });
        }
      }
    }
  });

  it('catches every adjacent transposition in numeric codes', () => {
    for (const code of codes) {
      for (let i = 0; i + 1 < code.length; i++) {
        if (code[i] === code[i + 1]) continue;
        const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
        expect(parseCode(swapped).ok).toBe(false);
      }
    }
  });

  const b32 = [base32('7ZQ4M9K2XH3P'), base32('000000000001'), base32('ZZZZZZZZZZZZ')];

  it('reads base32 case-insensitively with O→0 and I/L→1', () => {
    const code = base32('10ABCDEFGH1J');
    const sloppy = code.toLowerCase().replace('10', 'lo');
    expect(parseCode(sloppy)).toEqual({ ok: true, format: 'base32', code });
    expect(parseCode(displayCode(code))).toEqual({ ok: true, format: 'base32', code });
    expect(displayCode(code)).toMatch(/^.{4}-.{4}-.{4}-.$/);
  });

  it('catches every single-symbol error and adjacent transposition in base32 codes', () => {
    for (const code of b32) {
      for (let i = 0; i < code.length - 1; i++) {
        for (const c of CROCKFORD) {
          if (c === code[i]) continue;
          expect(parseCode(code.slice(0, i) + c + code.slice(i + 1)).ok).toBe(false);
        }
        if (code[i] !== code[i + 1]) {
          const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
          expect(parseCode(swapped).ok).toBe(false);
        }
      }
    }
  });

  it('tells a wrong length from a wrong check', () => {
    expect(parseCode('1234')).toEqual({ ok: false, problem: 'length' });
    expect(parseCode('ABCD-EFGH-JKMN-PQ')).toEqual({ ok: false, problem: 'length' });
    expect(parseCode('ABCD-EFGH-JKM#-P')).toEqual({ ok: false, problem: 'characters' });
  });
});

describe('a code being typed', () => {
  it('is grouped as the slip prints it; letter codes and QR payloads are left alone', () => {
    expect(groupTypedDigits('12345678')).toBe('1234 5678');
    expect(groupTypedDigits('1234 56789')).toBe('1234 5678 9');
    expect(groupTypedDigits('1234 ')).toBe('1234');
    expect(groupTypedDigits('')).toBe('');
    expect(groupTypedDigits('ABCD-EFGH')).toBe('ABCD-EFGH');
    expect(groupTypedDigits('SD1.abc')).toBe('SD1.abc');
  });
});
