import type { z } from 'zod';
import type { Prng } from './prng';

/**
 * Inputs drawn from a zod (v4) schema for the contract fuzz test: mostly values the schema
 * accepts (so handlers are reached, with ids of real rows where a field names one), and with a
 * small chance at every node a hostile value (edge numbers, wrong types, huge or invisible text).
 */
export interface FuzzOptions {
  rng: Prng;
  /** Chance per node of a hostile value instead of a fitting one. */
  hostile: number;
  /** Real ids by field name (storeId, productId…) and a pool for any other id. */
  ids: Record<string, string[]>;
  /** Values for fields that would otherwise reach the network or the disk outside the test. */
  fixed?: Record<string, () => unknown>;
  /** Likely values by field name (a real SKU, a phone, an issued code), used most of the time. */
  likely?: Record<string, unknown[]>;
}

const HOSTILE: unknown[] = [
  null,
  -1,
  0,
  0.5,
  1e308,
  -1e308,
  8640000000000001,
  9007199254740991,
  -9007199254740991,
  '',
  ' ',
  'x'.repeat(5000),
  '\u0000',
  '\ud800',
  '9999-12-31',
  '0000-01-01',
  '2026-02-30',
  "'; DROP TABLE sales; --",
  '../../../etc/passwd',
  '__proto__',
  '%s%n',
  '０１２３',
  '𠀋😀',
  true,
  [],
  {},
  { __proto__: { polluted: true } },
  [[[[[]]]]],
];

const STRINGS = [
  'APL-1',
  'MLK-1',
  '6901234567892',
  '123456',
  '135790',
  '246810',
  '13800001111',
  '+8613900001111',
  '2026-11-21',
  '2026-11',
  '2099-12-31',
  '2000-01-01',
  'XGYX-01',
  'A1',
  'abc',
  '红富士苹果',
  'Asia/Shanghai',
  '水果',
  '320102',
  '110101',
  'http://127.0.0.1:1/',
  'AAAAAAAA',
  'ABCD2345',
  '12345678901234567890',
  'SD1.abc.def',
];

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;
const checksOf = (def: Def): Def[] =>
  ((def.checks as { _zod: { def: Def } }[] | undefined) ?? []).map((c) => c._zod.def);

export function fuzzValue(schema: z.ZodType, options: FuzzOptions, key = '', depth = 0): unknown {
  const { rng } = options;
  if (rng.chance(options.hostile)) return rng.pick(HOSTILE);
  const fixed = options.fixed?.[key];
  if (fixed) return fixed();
  const likely = options.likely?.[key];
  if (likely?.length && rng.chance(0.8)) return rng.pick(likely);
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>;
      const out: Record<string, unknown> = {};
      for (const [name, field] of Object.entries(shape)) {
        const optional = ['optional', 'default', 'prefault'].includes(defOf(field).type);
        if (optional && rng.chance(0.4)) continue;
        out[name] = fuzzValue(field, options, name, depth + 1);
      }
      if (rng.chance(0.05)) out.unexpected = rng.pick(HOSTILE);
      return out;
    }
    case 'string':
      return fuzzString(def, options, key);
    case 'number':
      return fuzzNumber(def, rng);
    case 'boolean':
      return rng.chance(0.5);
    case 'bigint':
      return rng.int(0, 100);
    case 'enum':
      return rng.pick(Object.values(def.entries as Record<string, unknown>));
    case 'literal':
      return rng.pick(def.values as unknown[]);
    case 'array': {
      const checks = checksOf(def);
      const min = Number(checks.find((c) => c.check === 'min_length')?.minimum ?? 0);
      const max = Number(checks.find((c) => c.check === 'max_length')?.maximum ?? 5);
      const length = depth > 6 ? min : rng.int(min, Math.min(max, min + 3));
      return Array.from({ length }, () =>
        fuzzValue(def.element as z.ZodType, options, key, depth + 1),
      );
    }
    case 'tuple':
      return (def.items as z.ZodType[]).map((item) => fuzzValue(item, options, key, depth + 1));
    case 'record': {
      const out: Record<string, unknown> = {};
      for (let i = rng.int(0, 2); i > 0; i--)
        out[String(fuzzValue(def.keyType as z.ZodType, options, '', depth + 1))] = fuzzValue(
          def.valueType as z.ZodType,
          options,
          '',
          depth + 1,
        );
      return out;
    }
    case 'optional':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return fuzzValue(def.innerType as z.ZodType, options, key, depth + 1);
    case 'default':
    case 'prefault':
      return rng.chance(0.2)
        ? undefined
        : fuzzValue(def.innerType as z.ZodType, options, key, depth);
    case 'nullable':
      return rng.chance(0.2) ? null : fuzzValue(def.innerType as z.ZodType, options, key, depth);
    case 'union':
      return fuzzValue(rng.pick(def.options as z.ZodType[]), options, key, depth + 1);
    case 'intersection': {
      const left = fuzzValue(def.left as z.ZodType, options, key, depth + 1);
      const right = fuzzValue(def.right as z.ZodType, options, key, depth + 1);
      return isPlain(left) && isPlain(right) ? { ...left, ...right } : rng.pick([left, right]);
    }
    case 'pipe':
      // A transform's input is what the caller sends.
      return fuzzValue(def.in as z.ZodType, options, key, depth + 1);
    case 'lazy':
      return depth > 6
        ? null
        : fuzzValue((def.getter as () => z.ZodType)(), options, key, depth + 1);
    case 'null':
      return null;
    case 'undefined':
    case 'void':
      return undefined;
    default:
      return rng.pick(HOSTILE);
  }
}

const isPlain = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v);

function fuzzString(def: Def, options: FuzzOptions, key: string): string {
  const { rng } = options;
  const format = def.format as string | undefined;
  if (format === 'uuid' || format === 'guid') {
    const pool = options.ids[key] ?? options.ids['*'] ?? [];
    if (pool.length && rng.chance(0.85)) return rng.pick(pool);
    return '0190d5a0-0000-7000-8000-' + String(rng.int(0, 999999999999)).padStart(12, '0');
  }
  const checks = checksOf(def);
  const regexes = checks
    .filter((c) => c.check === 'string_format' && c.format === 'regex')
    .map((c) => c.pattern as RegExp);
  const min = Number(checks.find((c) => c.check === 'min_length')?.minimum ?? 0);
  const max = Number(checks.find((c) => c.check === 'max_length')?.maximum ?? 40);
  const fits = (s: string) => s.length >= min && s.length <= max && regexes.every((r) => r.test(s));
  const candidates = STRINGS.filter(fits);
  if (candidates.length && rng.chance(0.8)) return rng.pick(candidates);
  const alphabet = 'abcXYZ019 -_.红果券\t\n';
  const length = rng.int(Math.max(min, 0), Math.min(Math.max(min, 1) + 12, max));
  let s = '';
  for (let i = 0; i < length; i++) s += alphabet[rng.int(0, alphabet.length - 1)];
  return s;
}

function fuzzNumber(def: Def, rng: Prng): number {
  let min = -1e6;
  let max = 1e6;
  let int = false;
  for (const check of checksOf(def)) {
    if (check.check === 'greater_than') min = Number(check.value) + (check.inclusive ? 0 : 1);
    if (check.check === 'less_than') max = Number(check.value) - (check.inclusive ? 0 : 1);
    if (check.check === 'number_format') int = true;
  }
  const edges = [min, max, Math.floor((min + max) / 2), 1, 0, -1, max + 1, min - 1];
  // Mostly the small values a shop uses, then the schema's edges (and one step beyond), then any.
  const small = Math.max(min, 0) + rng.int(0, 20);
  const value = rng.chance(0.5)
    ? Math.min(small, max)
    : rng.chance(0.5)
      ? rng.pick(edges)
      : min + rng.next() * (max - min);
  return int || rng.chance(0.7) ? Math.round(value) : value;
}
