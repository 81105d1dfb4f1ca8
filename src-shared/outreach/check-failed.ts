import { sharedMessages, type Language } from '../i18n';
import type { MessageRule } from './sms-rules';

/**
 * The details of CAMPAIGN_CHECK_FAILED, the same from the desktop and the cloud: `failures`, the
 * rules' stable keys (for programs), and `rules`, their names in the caller's language (what
 * the message says).
 */
export function checkFailedDetails(failures: readonly MessageRule[], lang: Language) {
  const names = sharedMessages[lang].smsRules;
  return {
    failures: [...failures],
    rules: failures.map((f) => names[f]).join(lang === 'en' ? '; ' : '；'),
  };
}
