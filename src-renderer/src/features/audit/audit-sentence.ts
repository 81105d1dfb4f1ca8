import type { TFunction } from 'i18next';
import type { AuditEntry } from '../../../../src-shared/contract/audit';
import { formatValue, isChange, targetName, type AuditNames } from './audit-format';

// Values whose words depend on the action, not on the key alone.
const BATCH_STATUSES = ['running', 'done', 'cancelled', 'failed'];
const ALERT_KINDS = ['low_stock', 'slow_moving', 'negative_stock'];
const ALERT_STATUSES = ['new', 'acknowledged', 'snoozed', 'resolved'];

function word(t: TFunction, entry: AuditEntry, key: string, value: unknown, names: AuditNames) {
  if (typeof value === 'string') {
    if (
      entry.action === 'coupons.batchFinished' &&
      key === 'status' &&
      BATCH_STATUSES.includes(value)
    )
      return t(`coupons.batches.status.${value as 'done'}`);
    if (entry.action === 'claims.setIssuanceStatus' && (key === 'from' || key === 'to'))
      return t(`coupons.status.${value as 'active'}`);
    if (key === 'kind' && ALERT_KINDS.includes(value))
      return t(`alertKinds.${value as 'low_stock'}`);
    if (entry.action.startsWith('alerts.') && key === 'status' && ALERT_STATUSES.includes(value))
      return t(`alertStatuses.${value as 'new'}`);
  }
  return formatValue(t, key, value, names);
}

/** "：角色 收银员 → 店长" for the fields an update changed; empty when it names none. */
function changesOf(t: TFunction, entry: AuditEntry, names: AuditNames): string {
  const changes = Object.entries(entry.details)
    .filter(([, value]) => isChange(value))
    .map(([key, value]) => {
      const change = value as { from: unknown; to: unknown };
      return t('audit.detail', {
        label: t(`audit.detailKeys.${key}` as 'audit.detailKeys.name', { defaultValue: key }),
        value: t('audit.changed', {
          from: word(t, entry, key, change.from, names),
          to: word(t, entry, key, change.to, names),
        }),
      });
    });
  return changes.length
    ? t('audit.changesIntro', { list: changes.join(t('audit.listSeparator')) })
    : '';
}

/** The sentence key: one per action, and a few actions read differently by what they did. */
function sentenceKey(entry: AuditEntry): string {
  if (entry.action === 'printing.setLogo' && entry.details.removed === true)
    return 'printing.removeLogo';
  if (entry.action === 'auth.pinFailed' && typeof entry.details.purpose === 'string')
    return `auth.pinFailed.${entry.details.purpose}`;
  return entry.action;
}

/**
 * An entry as a sentence in the UI language ("核销券 1234 5678 9012，优惠 ¥20.00"): what a
 * shop owner reads. Ids, transports and the like stay behind 详情. An action without a
 * sentence yet reads as its name and target.
 */
export function auditSentence(t: TFunction, entry: AuditEntry, names: AuditNames): string {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(entry.details))
    if (value !== undefined && !isChange(value)) values[key] = word(t, entry, key, value, names);
  const target = targetName(entry, names);
  const action = t(`actions.${entry.action}`, { defaultValue: entry.action });
  const fallback = target ? t('audit.fallbackSentence', { action, target }) : action;
  return t(`audit.sentences.${sentenceKey(entry)}`, {
    ...values,
    target: target ?? '',
    changes: changesOf(t, entry, names),
    defaultValue: fallback,
  });
}
