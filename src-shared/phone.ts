// Consumers are keyed by mainland mobile number, stored as E.164 (+8613812345678).

/** Normalizes "138 1234 5678", "+86-138-1234-5678", "8613812345678"; null when not a mainland mobile. */
export function normalizeMainlandMobile(input: string): string | null {
  const digits = input.replace(/[\s()-]/g, '').replace(/^\+/, '');
  const national = digits.length === 13 && digits.startsWith('86') ? digits.slice(2) : digits;
  return /^1[3-9]\d{9}$/.test(national) ? `+86${national}` : null;
}

/** 138****5678, for lists and slips. */
export function maskPhone(e164: string): string {
  const national = e164.replace(/^\+86/, '');
  return national.length === 11 ? `${national.slice(0, 3)}****${national.slice(7)}` : e164;
}
