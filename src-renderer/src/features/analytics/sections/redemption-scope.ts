import type { REDEMPTION_KINDS } from '../../../../../src-shared/contract/analytics';
import type { AnalyticsFilters } from '../analytics-filters';

export type RedemptionKind = (typeof REDEMPTION_KINDS)[number];

/** The redemption charts' input: the page's filters and which redemptions count. */
export type RedemptionScope = AnalyticsFilters & { kinds: RedemptionKind[] };
