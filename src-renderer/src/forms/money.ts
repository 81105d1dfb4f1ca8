import { z } from 'zod';
import { formatFen, parseYuan } from '../../../src-shared/money';

// People type yuan ("12.5") and 折 ("8.5"); the contract wants integer fen and per-mille paid.
// These schemas check the text the way the API would check the number, in the user's language.

const isBlank = (text: string) => text.trim() === '';
const TOO_MANY_DECIMALS = /^\s*\d+\.\d{3,}\s*$/;

interface YuanOptions {
  /** Empty is allowed (the contract's nullable amounts: caps, minimum spends, budgets). */
  optional?: boolean;
  /** Zero is refused (a discount of ¥0 is a mistake). */
  positive?: boolean;
}

/** What is wrong with a typed yuan amount (an i18n key), or null when it reads as fen. */
export function yuanProblem(text: string): 'validation.yuan' | 'validation.yuanDecimals' | null {
  if (parseYuan(text) !== null) return null;
  return TOO_MANY_DECIMALS.test(text) ? 'validation.yuanDecimals' : 'validation.yuan';
}

/** A yuan amount as typed: at most two decimals (¥1.005 is a typo, not a price). */
export function yuanSchema({ optional = false, positive = false }: YuanOptions = {}) {
  return z.string().superRefine((text, ctx) => {
    if (isBlank(text)) {
      if (!optional) ctx.addIssue({ code: 'custom', message: 'validation.required' });
      return;
    }
    const problem = yuanProblem(text);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
    else if (positive && parseYuan(text) === 0)
      ctx.addIssue({ code: 'custom', message: 'validation.positive' });
  });
}

/** 折 as typed ("8.5" = pay 85%): 0.01 to 9.99, the contract's 1–999 per mille. */
export function zheSchema({ optional = false }: { optional?: boolean } = {}) {
  return z.string().superRefine((text, ctx) => {
    if (isBlank(text)) {
      if (!optional) ctx.addIssue({ code: 'custom', message: 'validation.required' });
      return;
    }
    const permille = parseYuan(text);
    if (permille === null || permille < 1 || permille > 999)
      ctx.addIssue({ code: 'custom', message: 'validation.zhe' });
  });
}

/** Typed yuan → fen; call only on text the schema accepted. */
export function yuanToFen(text: string): number {
  const fen = parseYuan(text);
  if (fen === null) throw new RangeError(`not a yuan amount: ${text}`);
  return fen;
}

/** Optional typed yuan → fen, or null when left empty. */
export const optionalYuanToFen = (text: string | undefined): number | null =>
  text === undefined || isBlank(text) ? null : yuanToFen(text);

/** Typed 折 → per mille paid: "8.5" → 850 (the same two-decimal reading as yuan → fen). */
export const zheToPermille = yuanToFen;

/** Fen → the text a yuan field starts with: 1234 → "12.34". */
export const fenToYuanText = (fen: number | null | undefined): string =>
  fen === null || fen === undefined ? '' : formatFen(fen, '');

/** Per mille paid → the text a 折 field starts with: 850 → "8.5". */
export const permilleToZheText = (permille: number | null | undefined): string =>
  permille === null || permille === undefined ? '' : String(permille / 100);

/** Fen as people say it in a rule: 10000 → "100", 1050 → "10.5", 1234 → "12.34". */
export const shortYuan = (fen: number): string => String(fen / 100);
