import { randomBytes } from 'node:crypto';
import {
  BASE32_RANDOM_SYMBOLS,
  CROCKFORD,
  NUMERIC_RANDOM_DIGITS,
  crockfordCheckSymbol,
  dammCheckDigit,
  type CodeFormat,
} from '../../src-shared/coupons/codes';

// Codes come from the OS's cryptographic random source, never a counter: knowing one code says
// nothing about any other. Numeric: first digit 1–9 then 18 digits (~62.9 bits); base32: 60 bits.
const NUMERIC_SPACE = 9n * 10n ** 18n;
// The largest multiple of NUMERIC_SPACE below 2^64: values above it are drawn again, so every
// code is equally likely (no modulo bias).
const NUMERIC_LIMIT = (2n ** 64n / NUMERIC_SPACE) * NUMERIC_SPACE;

/** Draws random 64-bit values in blocks: one syscall for many codes. */
class RandomPool {
  private buffer = Buffer.alloc(0);
  private offset = 0;
  next64(): bigint {
    if (this.offset + 8 > this.buffer.length) {
      this.buffer = randomBytes(8 * 4096);
      this.offset = 0;
    }
    const value = this.buffer.readBigUInt64BE(this.offset);
    this.offset += 8;
    return value;
  }
}

function numericCode(pool: RandomPool): string {
  let value: bigint;
  do value = pool.next64();
  while (value >= NUMERIC_LIMIT);
  const digits = String(10n ** 18n + (value % NUMERIC_SPACE));
  return digits + dammCheckDigit(digits);
}

function base32Code(pool: RandomPool): string {
  let value = pool.next64() & ((1n << 60n) - 1n);
  let data = '';
  for (let i = 0; i < BASE32_RANDOM_SYMBOLS; i++) {
    data = CROCKFORD[Number(value & 31n)] + data;
    value >>= 5n;
  }
  return data + crockfordCheckSymbol(data);
}

/** `count` fresh codes, distinct among themselves (the database index checks the rest). */
export function generateCodes(format: CodeFormat, count: number): string[] {
  const pool = new RandomPool();
  const make = format === 'numeric' ? numericCode : base32Code;
  const codes = new Set<string>();
  while (codes.size < count) codes.add(make(pool));
  return [...codes];
}

export const NUMERIC_CODE_BITS = Math.log2(Number(NUMERIC_SPACE));
export const BASE32_CODE_BITS = 5 * BASE32_RANDOM_SYMBOLS;
export { NUMERIC_RANDOM_DIGITS };
