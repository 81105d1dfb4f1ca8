import { keepPreviousData } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { AudienceRules } from '../../../../src-shared/outreach/audience';
import { useApiMutation, useApiQuery, useInvalidateOnEvent } from '../../api/queries';

// 精准营销 talks to these methods only. The live counts and the checker are queries keyed by
// what is being edited, debounced, and keep their last answer while the next one is on its way
// (the number on screen never blinks to empty while a manager types).

const AFTER_CAMPAIGN = ['campaigns.list', 'campaigns.results', 'audit.list'] as const;

/** `value`, once it has stopped changing for `ms`. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** Keys of the same rules written in another order are one key: JSON of sorted arrays. */
const canonical = (rules: AudienceRules): AudienceRules => ({
  ...rules,
  segments: [...rules.segments].sort(),
  regions: [...rules.regions].sort(),
  levelIds: [...rules.levelIds].sort(),
});

/**
 * The live count of an audience's rules (debounced; the last count stays while counting).
 * Counted again whenever the page shows it: consents, unsubscribes pulled from the cloud and
 * today's sales change it without the rules changing.
 */
export function useAudiencePreview(rules: AudienceRules, enabled = true) {
  const settled = useDebounced(rules, 350);
  return useApiQuery(
    'audiences.preview',
    { rules: canonical(settled) },
    { enabled, placeholderData: keepPreviousData, staleTime: 0 },
  );
}

export const useAudiences = () => useApiQuery('audiences.list', {});
export const useSaveAudience = () =>
  useApiMutation('audiences.save', { invalidates: ['audiences.list', 'audit.list'] });

/** The checker's verdict on a text as it is typed (and on a campaign's frozen recipients). */
export function useSmsCheck(text: string, sendAt: number | null, campaignId?: string) {
  const settled = useDebounced(text, 250);
  return useApiQuery(
    'campaigns.check',
    { text: settled, sendAt, ...(campaignId ? { campaignId } : {}) },
    { placeholderData: keepPreviousData },
  );
}

/** Campaigns, refreshed after each sync round (the cloud's receipts and replies come with it). */
export function useCampaigns() {
  useInvalidateOnEvent('sync.statusChanged', ['campaigns.list', 'campaigns.results']);
  return useApiQuery('campaigns.list', {}, { refetchOnMount: 'always' });
}

/** A campaign's results; polled while the cloud is still sending or the window is open. */
export function useCampaignResults(campaignId: string) {
  return useApiQuery(
    'campaigns.results',
    { campaignId },
    {
      refetchOnMount: 'always',
      refetchInterval: (query) => {
        const data = query.state.data;
        if (!data) return false;
        return data.campaign.state === 'sending' || data.sending?.state === 'sending'
          ? 15_000
          : false;
      },
    },
  );
}

export const useCreateCampaign = () =>
  useApiMutation('campaigns.create', { invalidates: AFTER_CAMPAIGN });
export const useSendCampaign = () =>
  useApiMutation('campaigns.send', { invalidates: AFTER_CAMPAIGN });

export const useAutomations = () => useApiQuery('automations.list', {});
export const useSaveAutomation = () =>
  useApiMutation('automations.save', { invalidates: ['automations.list', 'audit.list'] });

export const useOutreachSettings = () => useApiQuery('outreach.settings', {});
export const useSaveOutreachSettings = () =>
  useApiMutation('outreach.saveSettings', {
    invalidates: ['outreach.settings', 'campaigns.check', 'audit.list'],
  });
