import type { TFunction } from 'i18next';
import type { Alert, AlertKind } from '../../../../src-shared/contract/alerts';
import { formatFen, formatZhe } from '../../../../src-shared/money';

export const KIND_COLORS: Record<AlertKind, string> = {
  low_stock: 'orange',
  slow_moving: 'blue',
  negative_stock: 'red',
};

/** Why the alert is up, in one line: "库存 3 件，已到补货线 5 件". */
export function alertCause(t: TFunction, alert: Alert): string {
  switch (alert.kind) {
    case 'low_stock':
      return t('alerts.cause.low', { qty: alert.qty, low: alert.lowLevel ?? 0 });
    case 'slow_moving':
      return t('alerts.cause.slow', {
        qty: alert.qty,
        high: alert.highLevel ?? 0,
        days: alert.slowDays ?? 0,
      });
    case 'negative_stock':
      return t('alerts.cause.negative', { qty: alert.qty });
  }
}

/** What to do about it: a restock quantity, a discount, or a stocktake. */
export function alertAdvice(t: TFunction, alert: Alert): { main: string; detail?: string } {
  if (alert.kind === 'low_stock' && alert.restock)
    return {
      main: t('alerts.advice.restock', { qty: alert.restock.qty }),
      detail: t('alerts.advice.restockDetail', {
        avg: Number(alert.restock.avgDailySales.toFixed(1)),
        window: alert.restock.windowDays,
        lead: alert.restock.leadTimeDays,
        cover: alert.restock.coverDays,
      }),
    };
  if (alert.kind === 'slow_moving' && alert.discount)
    return {
      main: t('alerts.advice.discount', { zhe: formatZhe(alert.discount.payPermille) }),
      detail: t('alerts.advice.discountDetail', {
        from: formatFen(alert.discount.unitPriceFen),
        to: formatFen(alert.discount.discountedPriceFen),
      }),
    };
  if (alert.kind === 'negative_stock') return { main: t('alerts.advice.negative') };
  return { main: t('common.empty') };
}
