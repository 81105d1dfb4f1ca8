import { readLanCertificate } from '../lan-tls/certificate';
import { asStaff, type HandlerMap } from '../platform/context';
import type { ApiKeysService } from './service';

export const apiKeysHandlers = (
  keys: ApiKeysService,
  dataDir: string,
): Pick<
  HandlerMap,
  'apiKeys.list' | 'apiKeys.create' | 'apiKeys.revoke' | 'apiKeys.lanCertificate'
> => ({
  'apiKeys.list': (input) => keys.list(input.terminalId),
  'apiKeys.lanCertificate': () => {
    const certificate = readLanCertificate(dataDir);
    return (
      certificate && { fingerprint256: certificate.fingerprint256, validTo: certificate.validTo }
    );
  },
  'apiKeys.create': (input, ctx) => keys.create(asStaff(ctx), input),
  'apiKeys.revoke': (input, ctx) => keys.revoke(ctx, input.id),
});
