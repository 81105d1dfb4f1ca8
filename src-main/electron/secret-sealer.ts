import type * as Electron from 'electron';
import type { Logger } from '../../src-node/logger';
import { bytesSealer, plainSealer, type SecretSealer } from '../core/platform/secret-sealer';

export type SafeStorageLike = Pick<
  Electron.SafeStorage,
  'isEncryptionAvailable' | 'encryptString' | 'decryptString'
> &
  Partial<Pick<Electron.SafeStorage, 'getSelectedStorageBackend'>>;

/**
 * The signing keys and the cloud device token, sealed by the OS key store through Electron's
 * safeStorage (DPAPI on Windows, the Keychain on macOS, libsecret / kwallet on Linux). Where the
 * OS offers no store (Linux without a keyring: safeStorage falls back to a fixed key), sealing
 * would only pretend, so the secrets stay plain, protected by the data folder's modes, and the
 * log says so.
 */
export function safeStorageSealer(
  safeStorage: SafeStorageLike | undefined,
  logger: Logger,
): SecretSealer {
  if (!safeStorage?.isEncryptionAvailable()) {
    logger.warn('secrets not sealed: the OS key store is not available');
    return plainSealer;
  }
  const backend = safeStorage.getSelectedStorageBackend?.();
  if (backend === 'basic_text' || backend === 'unknown') {
    logger.warn('secrets not sealed: no keyring on this Linux desktop', { backend });
    return plainSealer;
  }
  return bytesSealer(
    'os-key-store',
    (plain) => safeStorage.encryptString(plain),
    (sealed) => safeStorage.decryptString(sealed),
  );
}
