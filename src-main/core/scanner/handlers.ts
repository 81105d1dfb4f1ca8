import type { HandlerMap } from '../platform/context';
import type { ScannerService } from './service';

export const scannerHandlers = (
  scanner: ScannerService,
): Pick<HandlerMap, 'scanner.settings' | 'scanner.updateSettings' | 'scanner.devices'> => ({
  'scanner.settings': () => scanner.settings(),
  'scanner.updateSettings': (input, ctx) => scanner.update(ctx, input),
  'scanner.devices': () => scanner.devices(),
});
