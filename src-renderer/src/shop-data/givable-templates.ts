// The coupon templates a phone may be given through the cloud (a task's reward, a campaign's
// offer): read by the tasks and outreach pages.
import { useApiQuery, useInvalidateOnEvent } from '../api/queries';

/** Active templates other than cashback (bound to a sale at the till), and every one by id. */
export function useGivableTemplates() {
  useInvalidateOnEvent('coupons.templateChanged', ['coupons.listTemplates']);
  const templates = useApiQuery('coupons.listTemplates', {});
  return {
    ...templates,
    /** Every template, by id: a reward or an offer is named even after its template ended. */
    all: templates.data,
    data: templates.data?.filter(
      (template) => template.status === 'active' && template.type !== 'cashback',
    ),
  };
}
