import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { PayloadOf } from '../../../../src-shared/contract';
import { useApiMutation, useApiQuery, useInvalidateOnEvent } from '../../api/queries';
import { useApiEvent } from '../../api/use-api-event';

// Issuing changes a template's counters; every change is in the audit log.
const AFTER_TEMPLATE_CHANGE = ['coupons.listTemplates', 'audit.list'] as const;
const AFTER_ISSUE = ['coupons.listTemplates', 'coupons.listBatches', 'audit.list'] as const;

/** Every template with its counters, fresh when a till redeems or a batch finishes. */
export function useTemplates() {
  useInvalidateOnEvent('coupons.templateChanged', ['coupons.listTemplates']);
  useInvalidateOnEvent('redemption.changed', ['coupons.listTemplates']);
  return useApiQuery('coupons.listTemplates', {});
}

export const useCreateTemplate = () =>
  useApiMutation('coupons.createTemplate', { invalidates: AFTER_TEMPLATE_CHANGE });
export const useUpdateTemplate = () =>
  useApiMutation('coupons.updateTemplate', { invalidates: AFTER_TEMPLATE_CHANGE });
export const useSetTemplateStatus = () =>
  useApiMutation('coupons.setTemplateStatus', { invalidates: AFTER_TEMPLATE_CHANGE });

export const useIssueCodes = () => useApiMutation('coupons.issue', { invalidates: AFTER_ISSUE });
export const useStartBatch = () =>
  useApiMutation('coupons.startBatch', { invalidates: AFTER_ISSUE });
export const useCancelBatch = () =>
  useApiMutation('coupons.cancelBatch', { invalidates: ['coupons.listBatches'] });

export const useBatches = () => useApiQuery('coupons.listBatches', {});

export type BatchProgress = PayloadOf<'coupons.batchProgress'>;

/**
 * The latest progress of every batch task (issue or export) heard while mounted. Events are kept
 * by batch id as they come, so a fast batch that finishes before its start call has answered is
 * not missed.
 */
export function useBatchProgress(): (
  task: BatchProgress['task'],
  batchId: string,
) => BatchProgress | undefined {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<Record<string, BatchProgress>>({});
  useApiEvent('coupons.batchProgress', (payload) => {
    setProgress((known) => ({ ...known, [`${payload.task}:${payload.batchId}`]: payload }));
    if (payload.status !== 'running')
      for (const name of AFTER_ISSUE) void queryClient.invalidateQueries({ queryKey: [name] });
  });
  return (task, batchId) => progress[`${task}:${batchId}`];
}
