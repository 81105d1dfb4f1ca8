import { maskPhone } from '../../src-shared/phone';
import type { Logger } from '../../src-node/logger';
import type { SmsProvider } from './provider';

/**
 * Development: the message goes to the log instead of a phone. The number is masked and every
 * run of 4+ digits (the one-time code) is starred: a log that reaches a collector must not let
 * its readers sign in as a consumer. To read codes in development, use `--sms webhook` with a
 * local capture server.
 */
export const logSmsProvider = (logger: Logger): SmsProvider => ({
  name: 'log',
  async send(message) {
    logger.info('sms (log provider, not sent)', {
      id: message.id,
      template: message.template,
      to: maskPhone(message.to),
      text: message.text.replace(/\d{4,}/g, (digits) => '*'.repeat(digits.length)),
    });
  },
});
