import { z } from 'zod';
import { isWeakPin } from './auth/weak-pin';

/**
 * Field rules shared by the contract and the renderer's forms. A custom message is an i18n key
 * under `validation.` so both the server and the UI can say it in the user's language.
 */
export const idSchema = z.uuid({ message: 'validation.id' });
export const epochMsSchema = z.number().int().nonnegative();
export const pinSchema = z.string().regex(/^\d{6}$/, { message: 'validation.pinSixDigits' });
/** A PIN being set (setup, new staff, reset): also not one of the first guesses (123456, 246810). */
export const newPinSchema = pinSchema.refine((pin) => !isWeakPin(pin), {
  message: 'validation.pinTooWeak',
});
export const personNameSchema = z
  .string()
  .trim()
  .min(1, { message: 'validation.required' })
  .max(32, { message: 'validation.tooLong' });
export const merchantCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{3,20}$/, { message: 'validation.merchantCode' })
  .transform((s) => s.toUpperCase());
export const shortCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9]{1,8}$/, { message: 'validation.shortCode' })
  .transform((s) => s.toUpperCase());

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
export const timeZoneSchema = z
  .string()
  .refine(isValidTimeZone, { message: 'validation.timeZone' });
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
