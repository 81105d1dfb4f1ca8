// The signing keys and the cloud device token are sealed in the database by the sealer the shell
// hands to core (the OS key store in Electron; here a real AES-GCM cipher): the file alone gives
// them away no more. Codes keep verifying, the batch worker keeps signing, plaintext left by an
// older version is sealed at start, and browser mode says plainly that it cannot open them.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bytesSealer, SEALED_PREFIX } from '../../../src-main/core/platform/secret-sealer';
import { SyncLink } from '../../../src-main/core/sync/link';
import { safeStorageSealer } from '../../../src-main/electron/secret-sealer';
import { createMemoryLogger } from '../../../src-node/logger';
import { couponShop } from '../../support/coupons';
import { OWNER_PIN, tempDir, testCore } from '../../support/core';

function testCipher() {
  const key = crypto.randomBytes(32);
  return bytesSealer(
    'test-cipher',
    (plain) => {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    (sealed) => {
      const decipher = crypto.createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString();
    },
  );
}

const storedSecrets = (core: { sqlite: import('better-sqlite3').Database }) =>
  core.sqlite.prepare('SELECT kid, secret FROM signing_keys').all() as {
    kid: string;
    secret: string;
  }[];

describe('signing keys in the database', () => {
  it('are sealed; codes issued on the till and by the batch worker verify', async () => {
    const sealer = testCipher();
    const shop = await couponShop({ secretSealer: sealer });
    const template = await shop.activeTemplate();
    const { codes } = await shop.ok(
      'coupons.issue',
      { templateId: template.id, count: 1 },
      shop.ownerToken,
    );
    const [row] = storedSecrets(shop.core);
    expect(row!.secret.startsWith(SEALED_PREFIX)).toBe(true);
    expect(Buffer.from(sealer.open(row!.secret), 'base64')).toHaveLength(32);
    const order = { subtotalFen: 100_000 };
    const verified = await shop.ok(
      'redemption.verify',
      { code: codes[0]!.qrPayload, order },
      shop.cashierToken,
    );
    expect(verified.valid).toBe(true);

    const batch = await shop.ok(
      'coupons.startBatch',
      { templateId: template.id, count: 20 },
      shop.ownerToken,
    );
    await shop.core.services.batches.whenIdle();
    const csv = await shop.ok(
      'coupons.exportBatch',
      { batchId: batch.id, format: 'csv' },
      shop.ownerToken,
    );
    await shop.core.services.batches.whenIdle();
    const qr = fs.readFileSync(csv.path, 'utf8').split('\n')[1]!.split(',')[2]!;
    expect((await shop.ok('redemption.verify', { code: qr, order }, shop.cashierToken)).valid).toBe(
      true,
    );
    expect(storedSecrets(shop.core)).toHaveLength(1); // the worker made no plain key of its own
  });

  it('left plain by an older version are sealed at start; without the key store they are refused by name', async () => {
    const dataDir = tempDir();
    const plain = await couponShop({ dataDir });
    const template = await plain.activeTemplate();
    const { codes } = await plain.ok(
      'coupons.issue',
      { templateId: template.id, count: 1 },
      plain.ownerToken,
    );
    const before = storedSecrets(plain.core)[0]!.secret;
    await plain.core.close();

    const sealer = testCipher();
    const sealed = await testCore({ dataDir, secretSealer: sealer });
    const after = storedSecrets(sealed.core)[0]!.secret;
    expect(after.startsWith(SEALED_PREFIX)).toBe(true);
    expect(after).not.toContain(before);
    expect(sealer.open(after)).toBe(before);
    await sealed.core.close();

    const browser = await testCore({ dataDir });
    const login = await browser.ok('auth.login', {
      staffId: plain.ids.ownerId,
      pin: OWNER_PIN,
    });
    const refused = await browser.fails(
      'redemption.verify',
      { code: codes[0]!.qrPayload, order: { subtotalFen: 100_000 } },
      login.token,
    );
    expect(refused.code).toBe('SECRETS_SEALED');
    expect(refused.message).toContain('桌面版');
  });
});

describe('the cloud device token', () => {
  it('is sealed at rest and read back plain', async () => {
    const sealer = testCipher();
    const { core } = await testCore({ secretSealer: sealer });
    const link = new SyncLink(core.adb, sealer);
    link.create(
      {
        cloudUrl: 'http://127.0.0.1:9',
        deviceId: 'dev-1',
        deviceName: '前台',
        token: 'sdt_device_token_0123456789',
        nextToken: null,
        merchantId: 'm-1',
        merchantName: '鲜果优选',
        merchantCode: 'XGYX-01',
        cursor: '0',
        state: 'paired',
        pairedAt: 1,
        lastSyncAt: null,
        lastError: null,
        lastErrorAt: null,
      },
      [
        {
          kid: 'k1',
          secret: crypto.randomBytes(32).toString('base64'),
          active: true,
          createdAt: 1,
          retiredAt: null,
        },
      ],
    );
    link.update({ nextToken: 'sdt_next_token_0123456789' });
    const raw = JSON.stringify([
      core.sqlite.prepare('SELECT * FROM sync_link').all(),
      core.sqlite.prepare('SELECT * FROM merchant_keys').all(),
    ]);
    expect(raw).not.toContain('sdt_device_token');
    expect(raw).not.toContain('sdt_next_token');
    expect(link.get()).toMatchObject({
      token: 'sdt_device_token_0123456789',
      nextToken: 'sdt_next_token_0123456789',
    });
    expect(link.secretsFor('k1')[0]).toHaveLength(32);
  });
});

describe('the Electron shell’s sealer', () => {
  const fakeSafeStorage = (backend: string, available = true) => ({
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend as 'gnome_libsecret',
    encryptString: (plain: string) => Buffer.from(`enc:${plain}`),
    decryptString: (sealed: Buffer) => sealed.toString().slice(4),
  });

  it('uses the OS key store, and says so in the log when there is none', () => {
    const logger = createMemoryLogger();
    const sealer = safeStorageSealer(fakeSafeStorage('gnome_libsecret'), logger);
    const sealed = sealer.seal('secret');
    expect(sealed.startsWith(SEALED_PREFIX)).toBe(true);
    expect(sealer.open(sealed)).toBe('secret');
    expect(safeStorageSealer(fakeSafeStorage('basic_text'), logger).kind).toBe('plain');
    expect(safeStorageSealer(fakeSafeStorage('dpapi', false), logger).kind).toBe('plain');
    expect(safeStorageSealer(undefined, logger).kind).toBe('plain');
    expect(logger.lines.filter((l) => l.level === 'warn')).toHaveLength(3);
  });
});
