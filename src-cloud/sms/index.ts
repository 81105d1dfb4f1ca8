import type { SmsConfig } from '../config';
import type { Logger } from '../platform/logger';
import { logSmsProvider } from './log';
import type { SmsProvider } from './provider';
import { webhookSmsProvider } from './webhook';

export function createSmsProvider(config: SmsConfig, logger: Logger): SmsProvider {
  return config.provider === 'webhook' ? webhookSmsProvider(config) : logSmsProvider(logger);
}
