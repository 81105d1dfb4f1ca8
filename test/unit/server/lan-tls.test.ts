import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  lanTlsDir,
  loadOrCreateLanCertificate,
  readLanCertificate,
} from '../../../src-main/core/lan-tls/certificate';
import { buildServer } from '../../../src-main/server/app';
import { initializedShop, tempDir } from '../../support/core';

const NAMES = {
  dns: ['localhost', 'shop-pc', 'shop-pc.local'],
  ips: ['127.0.0.1', '192.168.1.23'],
};
const DAY = 86_400_000;

/** GET over HTTPS trusting only `ca` (as a terminal that pinned the certificate does). */
function getHealth(port: number, ca?: string) {
  return new Promise<{ status: number; fingerprint: string }>((resolve, reject) => {
    const request = https.get(
      { host: '127.0.0.1', servername: 'localhost', port, path: '/api/health', ca },
      (response) => {
        response.resume();
        const peer = (response.socket as import('node:tls').TLSSocket).getPeerX509Certificate();
        resolve({ status: response.statusCode ?? 0, fingerprint: peer?.fingerprint256 ?? '' });
      },
    );
    request.on('error', reject);
  });
}

describe('the LAN HTTPS certificate', () => {
  const closers: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });

  it('is made once for the PC’s names, kept private, and renewed only near its end', async () => {
    const dataDir = tempDir();
    expect(readLanCertificate(dataDir)).toBeNull();
    const now = Date.UTC(2026, 11, 7);
    const made = await loadOrCreateLanCertificate(dataDir, now, NAMES);
    const parsed = new X509Certificate(made.cert);
    expect(parsed.subjectAltName).toBe(
      'DNS:localhost, DNS:shop-pc, DNS:shop-pc.local, IP Address:127.0.0.1, IP Address:192.168.1.23',
    );
    // The key on disk is the certificate's.
    expect(parsed.checkPrivateKey(createPrivateKey(made.key))).toBe(true);
    expect(made.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(made.validTo).toBeGreaterThan(now + 4 * 365 * DAY);
    if (process.platform !== 'win32') {
      expect(fs.statSync(lanTlsDir(dataDir)).mode & 0o777).toBe(0o700);
      expect(fs.statSync(path.join(lanTlsDir(dataDir), 'lan-key.pem')).mode & 0o777).toBe(0o600);
    }
    // Started again (even with another address): the same certificate, so terminals keep trusting it.
    const again = await loadOrCreateLanCertificate(dataDir, now + 300 * DAY, {
      ...NAMES,
      ips: ['10.0.0.9'],
    });
    expect(again.fingerprint256).toBe(made.fingerprint256);
    // Less than 30 days left: a new one.
    const renewed = await loadOrCreateLanCertificate(dataDir, made.validTo - 10 * DAY, NAMES);
    expect(renewed.fingerprint256).not.toBe(made.fingerprint256);
    expect(readLanCertificate(dataDir)?.fingerprint256).toBe(renewed.fingerprint256);
  });

  it('serves the local API over HTTPS that a terminal trusting that certificate reaches, and shows its fingerprint to a manager', async () => {
    const shop = await initializedShop();
    closers.push(() => shop.core.close());
    expect(await shop.ok('apiKeys.lanCertificate', {}, shop.ownerToken)).toBeNull();

    const certificate = await loadOrCreateLanCertificate(shop.core.dataDir);
    const app = await buildServer({ core: shop.core, allowTerminalKeys: true, https: certificate });
    await app.listen({ host: '127.0.0.1', port: 0 });
    closers.push(() => app.close());
    const { port } = app.server.address() as { port: number };

    const pinned = await getHealth(port, certificate.cert);
    expect(pinned).toEqual({ status: 200, fingerprint: certificate.fingerprint256 });
    // A client that trusts only the public authorities refuses it: no silent downgrade.
    await expect(getHealth(port)).rejects.toThrow(/self[- ]signed|unable to verify/i);
    // Plain HTTP on the same port is not answered as the API.
    const plain = await fetch(`http://127.0.0.1:${port}/api/health`).catch((error) => error);
    expect(plain instanceof Error || plain.status >= 400).toBe(true);

    expect(await shop.ok('apiKeys.lanCertificate', {}, shop.ownerToken)).toEqual({
      fingerprint256: certificate.fingerprint256,
      validTo: certificate.validTo,
    });
    // Nobody signed in may read it.
    expect((await shop.fails('apiKeys.lanCertificate', {})).code).toBe('UNAUTHENTICATED');
  });
});
