import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import type { StocktakeSheet } from '../../../../src-shared/contract/stocktake';
import { stocktakeTotals } from '../../../../src-shared/inventory/stocktake-totals';
import { useApi } from '../../api/api-context';
import { apiQueryKey, useApiMutation, useApiQuery } from '../../api/queries';

// Posting a sheet moves stock: the stock page, its history and the alerts follow.
const AFTER_POSTING = [
  'stocktake.get',
  'stocktake.list',
  'stock.levels',
  'stock.movements',
  'alerts.list',
  'alerts.counts',
] as const;

export const useStocktakes = (storeId: string | undefined) =>
  useApiQuery('stocktake.list', { storeId, limit: 20 });

export const useStocktake = (id: string | null) =>
  useApiQuery('stocktake.get', { id: id ?? '' }, { enabled: !!id });

export const useStartStocktake = () =>
  useApiMutation('stocktake.start', { invalidates: ['stocktake.list'] });
export const useFinishStocktake = () =>
  useApiMutation('stocktake.finish', { invalidates: AFTER_POSTING });
export const useDiscardStocktake = () =>
  useApiMutation('stocktake.discard', { invalidates: ['stocktake.list', 'stocktake.get'] });

/** The sheet with one line replaced (or added at the end), its totals recounted. */
function withLine(sheet: StocktakeSheet, answer: OutputOf<'stocktake.count'>): StocktakeSheet {
  const { line } = answer;
  const known = sheet.lines.some((l) => l.productId === line.productId);
  const lines = known
    ? sheet.lines.map((l) => (l.productId === line.productId ? line : l))
    : [...sheet.lines, line];
  return {
    ...sheet,
    lines,
    lineCount: lines.length,
    countedCount: answer.countedCount,
    totals: stocktakeTotals(lines),
  };
}

/**
 * Saves counts as they are typed: each line a moment after its last key (a scan at once), so the
 * draft in the database is never more than a keystroke behind. The sheet on screen shows the
 * typed value at once; the saved answer (book quantity and value) replaces the line.
 */
export function useCountSaver(sheetId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  const timers = useRef(
    new Map<string, { countedQty: number | null; timer: ReturnType<typeof setTimeout> }>(),
  );
  const [pending, setPending] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const key = apiQueryKey('stocktake.get', { id: sheetId });

  const update = (change: (sheet: StocktakeSheet) => StocktakeSheet) =>
    queryClient.setQueryData<StocktakeSheet>(key, (sheet) => (sheet ? change(sheet) : sheet));

  const send = async (productId: string, countedQty: number | null) => {
    setPending((n) => n + 1);
    try {
      const answer = await api.call('stocktake.count', { id: sheetId, productId, countedQty });
      update((sheet) => withLine(sheet, answer));
      setError(null);
      return answer.line;
    } catch (caught) {
      setError(caught);
      throw caught;
    } finally {
      setPending((n) => n - 1);
    }
  };

  /** The line as typed, before the core answers (the same sums the core makes). */
  const show = (productId: string, countedQty: number | null) =>
    update((sheet) => {
      const lines = sheet.lines.map((l) => {
        if (l.productId !== productId) return l;
        const differenceQty = countedQty === null ? null : countedQty - l.bookQty;
        const valueFen = differenceQty === null ? null : differenceQty * l.unitValueFen;
        return { ...l, countedQty, differenceQty, valueFen };
      });
      return { ...sheet, lines, totals: stocktakeTotals(lines) };
    });

  /** A typed quantity: shown now, saved after a short pause. */
  const type = (productId: string, countedQty: number | null) => {
    show(productId, countedQty);
    clearTimeout(timers.current.get(productId)?.timer);
    timers.current.set(productId, {
      countedQty,
      timer: setTimeout(() => {
        timers.current.delete(productId);
        void send(productId, countedQty).catch(() => undefined);
      }, 400),
    });
  };

  /** A scan or a click: shown and saved at once (replacing a typed value still waiting). */
  const set = (productId: string, countedQty: number | null) => {
    clearTimeout(timers.current.get(productId)?.timer);
    timers.current.delete(productId);
    show(productId, countedQty);
    return send(productId, countedQty);
  };

  /** What the sheet on screen says of a line now (two quick scans each add one). */
  const counted = (productId: string) =>
    queryClient.getQueryData<StocktakeSheet>(key)?.lines.find((l) => l.productId === productId)
      ?.countedQty ?? null;

  /** Sends what was typed but is still waiting for its pause (before finishing the sheet). */
  const saveWaiting = async () => {
    const waiting = [...timers.current];
    timers.current.clear();
    await Promise.all(
      waiting.map(([productId, { countedQty, timer }]) => {
        clearTimeout(timer);
        return send(productId, countedQty);
      }),
    );
  };

  // Leaving the page saves what was typed but not yet sent.
  const flush = useEffectEvent(() => void saveWaiting().catch(() => undefined));
  useEffect(() => () => flush(), []);

  return { type, set, counted, saveWaiting, saving: pending > 0, error };
}
