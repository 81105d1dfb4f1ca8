/** An optional field left empty ('' or only spaces) is not sent at all. */
export function blankToUndefined<T>(value: T | null | undefined): T | undefined {
  if (value === null || (typeof value === 'string' && value.trim() === '')) return undefined;
  return value;
}

/** …or sent as null, where the contract says "nullable" (coordinates). */
export const blankToNull = <T>(value: T | null | undefined): T | null =>
  blankToUndefined(value) ?? null;
