import type { TFunction } from 'i18next';
import { formatFen } from '../../../../src-shared/money';
import {
  EXCLUSION_REASONS,
  type AudienceStratum,
  type ExclusionReason,
} from '../../../../src-shared/outreach/audience';
import { isApiError } from '../../api/api-error';
import { errorText } from '../../i18n/error-text';

// How outreach says its numbers: a segment's name, who was left out and why, a lift with its
// interval, and the checker's refusal with every rule by name.

/** The unsubscribe instruction the carriers expect; part of the text itself, so always Chinese. */
export const UNSUBSCRIBE_TEXT = '拒收请回复R';

/** 高价值 / 流失风险 … (the members page's names), or 消费记录不足 for too little history. */
export const stratumName = (t: TFunction, stratum: AudienceStratum): string =>
  stratum === 'none' ? t('outreach.strataNone') : t(`members.profile.segments.${stratum}`);

/** "未同意营销短信 3 人、已退订 1 人": only the reasons someone was left out for. */
export function exclusionList(
  t: TFunction,
  excluded: Partial<Record<ExclusionReason, number>>,
): string {
  return EXCLUSION_REASONS.filter((reason) => (excluded[reason] ?? 0) > 0)
    .map((reason) =>
      t('outreach.excludedItem', { rule: t(`smsRules.${reason}`), count: excluded[reason] }),
    )
    .join(t('outreach.listSeparator'));
}

export const excludedTotal = (excluded: Partial<Record<ExclusionReason, number>>): number =>
  EXCLUSION_REASONS.reduce((sum, reason) => sum + (excluded[reason] ?? 0), 0);

/** +3.2 / −0.5: a signed figure with a real minus sign. */
export function signed(value: number, digits = 1): string {
  const text = Math.abs(value).toFixed(digits);
  if (Number(text) === 0) return text;
  return `${value > 0 ? '+' : '−'}${text}`;
}

/** A rate difference (fraction of 1) in percentage points: 0.032 → "+3.2". */
export const points = (fraction: number): string => signed(fraction * 100);

/** A money difference in fen: 123.4 → "+¥1.23", −50 → "−¥0.50". */
export function signedFen(fen: number): string {
  const rounded = Math.round(fen);
  if (rounded === 0) return formatFen(0);
  return `${rounded > 0 ? '+' : '−'}${formatFen(Math.abs(rounded))}`;
}

/** CAMPAIGN_CHECK_FAILED names its rules; every other error as the app says it. */
export function outreachErrorText(t: TFunction, error: unknown): string {
  if (isApiError(error) && error.code === 'CAMPAIGN_CHECK_FAILED') {
    const rules = error.details.failures;
    if (Array.isArray(rules))
      return t('errors.CAMPAIGN_CHECK_FAILED', {
        rules: rules
          .map((rule) => t(`smsRules.${String(rule)}` as 'smsRules.empty', String(rule)))
          .join(t('outreach.listSeparator')),
      });
  }
  return errorText(t, error);
}
