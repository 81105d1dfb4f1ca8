// Coupon codes as people and scanners see them. Generation (which needs a cryptographic random
// source) is in the core; here are the formats, check symbols and normalization, so the till can
// tell a typo from an unknown code before asking the database.

export type CodeFormat = 'numeric' | 'base32';

/** 19 random digits (first one 1–9, ~63 bits) + a Damm check digit; shown as 5 groups of 4. */
export const NUMERIC_RANDOM_DIGITS = 19;
export const NUMERIC_LENGTH = NUMERIC_RANDOM_DIGITS + 1;
/** 12 random Crockford base32 symbols (60 bits) + a mod-37 check symbol. */
export const BASE32_RANDOM_SYMBOLS = 12;
export const BASE32_LENGTH = BASE32_RANDOM_SYMBOLS + 1;

// Damm's totally anti-symmetric quasigroup of order 10: catches every single-digit error and
// every adjacent transposition.
const DAMM = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

export function dammCheckDigit(digits: string): string {
  let interim = 0;
  for (let i = 0; i < digits.length; i++) interim = DAMM[interim]![digits.charCodeAt(i) - 48]!;
  return String(interim);
}

export const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Check symbols: the 32 data symbols, then * ~ $ = U for 32–36. */
export const CROCKFORD_CHECK = CROCKFORD + '*~$=U';

export function crockfordCheckSymbol(data: string): string {
  let mod = 0;
  for (const char of data) mod = (mod * 32 + CROCKFORD.indexOf(char)) % 37;
  return CROCKFORD_CHECK[mod]!;
}

export type ParsedCode =
  | { ok: true; format: CodeFormat; code: string }
  | { ok: false; problem: 'length' | 'characters' | 'check' };

/**
 * Reads what a cashier typed or a scanner sent: spaces and hyphens are ignored; in base32,
 * letters are case-insensitive and O→0, I/L→1 (Crockford's rule for misread symbols).
 */
export function parseCode(input: string): ParsedCode {
  const compact = input.replace(/[\s-]/g, '').toUpperCase();
  if (/^\d+$/.test(compact)) {
    if (compact.length !== NUMERIC_LENGTH) return { ok: false, problem: 'length' };
    if (dammCheckDigit(compact) !== '0') return { ok: false, problem: 'check' };
    return { ok: true, format: 'numeric', code: compact };
  }
  const data = compact.slice(0, -1).replace(/O/g, '0').replace(/[IL]/g, '1');
  const check = compact.slice(-1);
  if (compact.length !== BASE32_LENGTH) return { ok: false, problem: 'length' };
  if (![...data].every((c) => CROCKFORD.includes(c)) || !CROCKFORD_CHECK.includes(check))
    return { ok: false, problem: 'characters' };
  if (crockfordCheckSymbol(data) !== check) return { ok: false, problem: 'check' };
  return { ok: true, format: 'base32', code: data + check };
}

/** Groups of four for reading aloud and printing: "1234 5678 9012 3456 7890", "ABCD-EFGH-JKMN-P". */
export function displayCode(code: string): string {
  const groups = code.match(/.{1,4}/g) ?? [code];
  return /^\d+$/.test(code) ? groups.join(' ') : groups.join('-');
}

/**
 * A code being typed, grouped as the slip prints it (4 digits, a space) so the cashier can follow
 * the coupon group by group. Only all-digit input is regrouped: letter codes and QR payloads are
 * left as typed.
 */
export function groupTypedDigits(input: string): string {
  if (!/^[\d ]*$/.test(input)) return input;
  return input.replace(/ /g, '').replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** The signed QR payload starts with this; see the core's token module. */
export const TOKEN_PREFIX = 'SD1.';
export const looksLikeToken = (input: string) => input.trim().startsWith(TOKEN_PREFIX);
