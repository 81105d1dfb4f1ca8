import type { TFunction } from 'i18next';
import type { AuditEntry } from '../../../../src-shared/contract/audit';
import { formatFen } from '../../../../src-shared/money';
import { maskPhone } from '../../../../src-shared/phone';

/** Names for the ids an entry points at, from the staff and stores already loaded. */
export interface AuditNames {
  staff: Map<string, string>;
  stores: Map<string, string>;
  terminals: Map<string, string>;
}

const KNOWN_TARGETS = [
  'staff',
  'store',
  'terminal',
  'merchant',
  'apiKey',
  'product',
  'couponTemplate',
  'coupon',
  'couponBatch',
  'redemption',
  'cashbackCode',
  'printer',
  'printJob',
  'stockDocument',
  'sale',
  'category',
] as const;
type KnownTarget = (typeof KNOWN_TARGETS)[number];
const isKnownTarget = (type: string | null): type is KnownTarget =>
  KNOWN_TARGETS.includes(type as KnownTarget);

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** Which thing an entry acted on, by the name a reader knows it by ("李收银"), if any. */
export function targetName(entry: AuditEntry, names: AuditNames): string | undefined {
  if (!isKnownTarget(entry.targetType)) return undefined;
  const id = entry.targetId ?? '';
  const { details } = entry;
  const which = {
    staff: names.staff.get(id) ?? text(details.name),
    store: names.stores.get(id) ?? text(details.name),
    terminal: names.terminals.get(id),
    merchant: text(details.merchant),
    apiKey: text(details.prefix) && `${text(details.label) ?? ''} ${text(details.prefix)}…`,
    product: text(details.name) ?? text(details.product) ?? text(details.sku),
    couponTemplate: text(details.name) ?? text(details.template),
    coupon: text(details.code),
    couponBatch: text(details.template),
    redemption: text(details.code),
    cashbackCode: text(details.code),
    printer: text(details.name),
    printJob: undefined,
    stockDocument: undefined,
    sale: text(details.terminalSaleId),
    category: text(details.category) ?? (entry.targetId || undefined),
  }[entry.targetType];
  return which?.trim() || undefined;
}

/** "员工 · 李收银": the kind of thing acted on and which one. */
export function describeTarget(t: TFunction, entry: AuditEntry, names: AuditNames): string {
  if (!isKnownTarget(entry.targetType)) return entry.targetType ?? t('common.empty');
  const kind = t(`audit.targetTypes.${entry.targetType}`);
  const which = targetName(entry, names);
  return which ? `${kind} · ${which}` : kind;
}

export const isChange = (value: unknown): value is { from: unknown; to: unknown } =>
  typeof value === 'object' && value !== null && 'from' in value && 'to' in value;

const COUPON_TYPES = ['threshold', 'percent', 'voucher', 'item', 'gift', 'cashback'];
const TEMPLATE_STATUSES = ['draft', 'active', 'paused', 'ended'];

export function formatValue(t: TFunction, key: string, value: unknown, names: AuditNames): string {
  if (value === null || value === undefined || value === '') return t('common.empty');
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (key === 'role' && (value === 'owner' || value === 'manager' || value === 'cashier'))
    return t(`roles.${value}`);
  if (key === 'storeId' && typeof value === 'string') return names.stores.get(value) ?? value;
  if (key === 'terminalId' && typeof value === 'string') return names.terminals.get(value) ?? value;
  // Money is fen in the log, yuan to the reader.
  if (key.endsWith('Fen') && typeof value === 'number') return formatFen(value);
  if (key === 'phone' && typeof value === 'string') return maskPhone(value);
  if (key === 'type' && typeof value === 'string' && COUPON_TYPES.includes(value))
    return t(`coupons.types.${value as 'threshold'}`);
  // A template's status, as it is or as it changed (from → to).
  if (
    ['status', 'from', 'to'].includes(key) &&
    typeof value === 'string' &&
    TEMPLATE_STATUSES.includes(value)
  )
    return t(`coupons.status.${value as 'draft'}`);
  if (Array.isArray(value)) return value.length ? value.join('、') : t('common.empty');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** "名称：李收银", "角色：收银员 → 店长", one line per detail; unknown keys keep their own name. */
export function detailLines(
  t: TFunction,
  details: Record<string, unknown>,
  names: AuditNames,
): string[] {
  return Object.entries(details)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => {
      const label = t(`audit.detailKeys.${key}` as 'audit.detailKeys.name', { defaultValue: key });
      const shown = isChange(value)
        ? t('audit.changed', {
            from: formatValue(t, key, value.from, names),
            to: formatValue(t, key, value.to, names),
          })
        : formatValue(t, key, value, names);
      return t('audit.detail', { label, value: shown });
    });
}
