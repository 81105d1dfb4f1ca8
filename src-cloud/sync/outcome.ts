import type { ErrorCode } from '../../src-shared/errors';
import type { Conflict } from '../../src-shared/sync/sync';
import type { CloudTx } from '../db/open';

/** What the cloud decided about one pushed event (before it is numbered and stored). */
export type Outcome =
  | { status: 'accepted' }
  | { status: 'conflict'; conflict: Conflict }
  | { status: 'rejected'; code: ErrorCode; details: Record<string, unknown> };

export const ACCEPTED: Outcome = { status: 'accepted' };

/** Everything a rule needs to decide one event, inside the push transaction. */
export interface EventScope {
  tx: CloudTx;
  merchantId: string;
  deviceId: string;
  eventId: string;
  receivedAt: number;
  /** Device names of the merchant, for conflict details. */
  deviceName(id: string | null): string | null;
}
