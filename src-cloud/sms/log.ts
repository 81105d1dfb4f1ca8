import type { Logger } from '../../src-node/logger';
import type { SmsProvider } from './provider';

/** Development: the message goes to the log, where the developer reads the code. */
export const logSmsProvider = (logger: Logger): SmsProvider => ({
  name: 'log',
  async send(message) {
    logger.info('sms (log provider, not sent)', { to: message.to, text: message.text });
  },
});
