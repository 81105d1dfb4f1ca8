import type { TFunction } from 'i18next';
import type { AuditEntry } from '../../../../src-shared/contract/audit';

/** Names for the ids an entry points at, from the staff and stores already loaded. */
export interface AuditNames {
  staff: Map<string, string>;
  stores: Map<string, string>;
  terminals: Map<string, string>;
}

const KNOWN_TARGETS = ['staff', 'store', 'terminal', 'merchant', 'apiKey'] as const;
type KnownTarget = (typeof KNOWN_TARGETS)[number];
const isKnownTarget = (type: string | null): type is KnownTarget =>
  KNOWN_TARGETS.includes(type as KnownTarget);

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** "员工 · 李收银": the kind of thing acted on and which one. */
export function describeTarget(t: TFunction, entry: AuditEntry, names: AuditNames): string {
  if (!isKnownTarget(entry.targetType)) return entry.targetType ?? t('common.empty');
  const id = entry.targetId ?? '';
  const { details } = entry;
  const which = {
    staff: names.staff.get(id) ?? text(details.name),
    store: names.stores.get(id) ?? text(details.name),
    terminal: names.terminals.get(id),
    merchant: text(details.merchant),
    apiKey: text(details.prefix) && `${text(details.label) ?? ''} ${text(details.prefix)}…`,
  }[entry.targetType];
  const kind = t(`audit.targetTypes.${entry.targetType}`);
  return which ? `${kind} · ${which.trim()}` : kind;
}

const isChange = (value: unknown): value is { from: unknown; to: unknown } =>
  typeof value === 'object' && value !== null && 'from' in value && 'to' in value;

function formatValue(t: TFunction, key: string, value: unknown, names: AuditNames): string {
  if (value === null || value === undefined || value === '') return t('common.empty');
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (key === 'role' && (value === 'owner' || value === 'manager' || value === 'cashier'))
    return t(`roles.${value}`);
  if (key === 'storeId' && typeof value === 'string') return names.stores.get(value) ?? value;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** "名称：李收银 · 角色：收银员", with changes as "旧 → 新"; unknown keys keep their own name. */
export function summarizeDetails(
  t: TFunction,
  details: Record<string, unknown>,
  names: AuditNames,
): string {
  return Object.entries(details)
    .map(([key, value]) => {
      const label = t(`audit.detailKeys.${key}` as 'audit.detailKeys.name', { defaultValue: key });
      const shown = isChange(value)
        ? t('audit.changed', {
            from: formatValue(t, key, value.from, names),
            to: formatValue(t, key, value.to, names),
          })
        : formatValue(t, key, value, names);
      return t('audit.detail', { label, value: shown });
    })
    .join(' · ');
}
