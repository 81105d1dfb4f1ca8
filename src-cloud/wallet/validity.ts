import { addDays, endOfLocalDay, localDate, startOfLocalDay } from '../../src-shared/time';
import type { TemplateValidity } from './schema';

/**
 * When a coupon claimed at `claimedAt` may be used, as the desktop's issue computes it
 * (src-main/core/coupons/issue.ts codeValidity): the template's fixed window, or from the claim
 * through the end of the local day N − 1 days later, in the store's zone.
 */
export function claimValidity(validity: TemplateValidity, claimedAt: number, timeZone: string) {
  if (validity.kind === 'fixed')
    return {
      validFrom: startOfLocalDay(validity.startDate, timeZone),
      validUntil: endOfLocalDay(validity.endDate, timeZone),
    };
  return {
    validFrom: claimedAt,
    validUntil: endOfLocalDay(addDays(localDate(claimedAt, timeZone), validity.days - 1), timeZone),
  };
}
