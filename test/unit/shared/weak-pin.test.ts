import { describe, expect, it } from 'vitest';
import { isWeakPin } from '../../../src-shared/auth/weak-pin';
import { newPinSchema } from '../../../src-shared/validation';

describe('weak PINs', () => {
  it.each([
    '123456',
    '654321',
    '000000',
    '999999',
    '246810',
    '135791',
    '024680',
    '890123',
    '121212',
    '123123',
    '112233',
    '101112',
    '102030',
    '111222',
    '777888',
    '989898',
  ])('%s is refused', (pin) => {
    expect(isWeakPin(pin)).toBe(true);
    const parsed = newPinSchema.safeParse(pin);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('validation.pinTooWeak');
  });

  it.each(['135790', '975310', '258036', '314159', '900215', '051231', '861127'])(
    '%s is fine (birthdays as YYMMDD too)',
    (pin) => {
      expect(isWeakPin(pin)).toBe(false);
      expect(newPinSchema.safeParse(pin).success).toBe(true);
    },
  );
});
