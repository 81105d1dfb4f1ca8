import { AppError } from '../../../src-node/app-error';

/**
 * Seals the secrets the database keeps (the merchant's signing keys, the cloud device token) so
 * that a copy of the database file alone does not give them away. The Electron shell hands in one
 * backed by the OS key store (safeStorage: DPAPI, Keychain, libsecret); under plain Node (browser
 * mode, tests, benches) the passthrough below keeps them as they are, protected only by the data
 * folder's file modes. Core never imports electron: it only sees this interface.
 */
export interface SecretSealer {
  /** What protects sealed values ('plain' for none), for the log. */
  readonly kind: string;
  seal(plain: string): string;
  /** A sealed value's plain text; a value that was never sealed is returned as it is. */
  open(stored: string): string;
}

/** Sealed values carry this prefix, so plaintext from an older version is told apart. */
export const SEALED_PREFIX = 'sealed:v1:';

export const isSealed = (stored: string) => stored.startsWith(SEALED_PREFIX);

/** No sealing. Refuses a sealed value: that database belongs to the desktop app's key store. */
export const plainSealer: SecretSealer = {
  kind: 'plain',
  seal: (plain) => plain,
  open(stored) {
    if (isSealed(stored)) throw new AppError('SECRETS_SEALED');
    return stored;
  },
};

/** A sealer over any encrypt/decrypt pair of bytes (Electron's safeStorage, a test cipher). */
export function bytesSealer(
  kind: string,
  encrypt: (plain: string) => Buffer,
  decrypt: (sealed: Buffer) => string,
): SecretSealer {
  return {
    kind,
    seal: (plain) => SEALED_PREFIX + encrypt(plain).toString('base64'),
    open: (stored) =>
      isSealed(stored)
        ? decrypt(Buffer.from(stored.slice(SEALED_PREFIX.length), 'base64'))
        : stored,
  };
}
