import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import type { ScanOutcome } from '../../scanning/scanner-context';

/**
 * The till's side of a phone's task QR (T1-…): the cloud completes the order and gives the
 * reward. A second scan of the same QR is no failure of the cashier's, but said apart (ok
 * false, the failure tone) so it is noticed that nothing was given this time. Refusals (not
 * paired, not checked in, another store's task) throw, and the scanner says them in words.
 */
export function useTaskVerification(): (code: string) => Promise<ScanOutcome> {
  const api = useApi();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useCallback(
    async (code) => {
      const result = await api.call('tasks.verify', { code: code.trim() });
      for (const name of ['tasks.list', 'tasks.orders'])
        void queryClient.invalidateQueries({ queryKey: [name] });
      const words = { title: result.title, phone: result.phoneMasked };
      return result.completedNow
        ? { ok: true, message: t('tasks.scan.verified', words) }
        : { ok: false, message: t('tasks.scan.already', words) };
    },
    [api, t, queryClient],
  );
}
