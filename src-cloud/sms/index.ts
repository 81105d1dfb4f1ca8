import type { Logger } from '../../src-node/logger';
import type { SmsConfig } from '../config';
import { logSmsProvider } from './log';
import type { SmsProvider } from './provider';
import { webhookSmsProvider } from './webhook';

export function createSmsProvider(config: SmsConfig, logger: Logger): SmsProvider {
  return config.provider === 'webhook' ? webhookSmsProvider(config) : logSmsProvider(logger);
}
