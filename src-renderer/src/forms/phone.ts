import { z } from 'zod';
import { normalizeMainlandMobile } from '../../../src-shared/phone';

/** A mainland mobile number as typed, or nothing (the contract's optional customer phone). */
export const optionalPhoneSchema = z
  .string()
  .refine((text) => text.trim() === '' || normalizeMainlandMobile(text) !== null, {
    message: 'validation.phone',
  });

/** Typed phone → E.164 for the API, or undefined when left empty. */
export const phoneOrUndefined = (text: string | undefined): string | undefined =>
  (text && normalizeMainlandMobile(text)) || undefined;
