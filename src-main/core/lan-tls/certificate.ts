import { generateKeyPairSync, randomBytes, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { privateFile, privateFolder } from '../platform/private-files';

// The shop LAN's HTTPS certificate: made on this PC the first time it serves the LAN, kept in
// the data folder, and trusted by the terminals by its fingerprint (shown on the terminal keys
// page), not by a certificate authority: a shop has none, and its PC's address changes.

const YEAR_MS = 365 * 24 * 3600_000;
/** Pinned by fingerprint, so it may live long; renewed when it has less than this left. */
const VALIDITY_MS = 5 * YEAR_MS;
const RENEW_BEFORE_MS = 30 * 24 * 3600_000;

export interface LanCertificate {
  key: string;
  cert: string;
  /** SHA-256 of the certificate, `AB:CD:…`: what a terminal checks. */
  fingerprint256: string;
  validTo: number;
}

export const lanTlsDir = (dataDir: string) => path.join(dataDir, 'tls');
const keyFile = (dataDir: string) => path.join(lanTlsDir(dataDir), 'lan-key.pem');
const certFile = (dataDir: string) => path.join(lanTlsDir(dataDir), 'lan-cert.pem');

/** The certificate this PC serves the LAN with, or null when it has never made one. */
export function readLanCertificate(dataDir: string): LanCertificate | null {
  try {
    const cert = fs.readFileSync(certFile(dataDir), 'utf8');
    const key = fs.readFileSync(keyFile(dataDir), 'utf8');
    const parsed = new X509Certificate(cert);
    return {
      key,
      cert,
      fingerprint256: parsed.fingerprint256,
      validTo: Date.parse(parsed.validTo),
    };
  } catch {
    return null;
  }
}

/** The names and addresses the PC answers to on the LAN now (the certificate's alt names). */
export function lanNames(): { dns: string[]; ips: string[] } {
  const hostname = os.hostname();
  const ips = Object.values(os.networkInterfaces())
    .flat()
    .filter((i) => i && i.family === 'IPv4' && !i.internal)
    .map((i) => i!.address);
  return { dns: ['localhost', hostname, `${hostname}.local`], ips: ['127.0.0.1', ...ips] };
}

/**
 * The certificate to serve the LAN with: the one kept, or a new one when there is none or it
 * ends within 30 days. Terminals that pinned the old fingerprint must be shown the new one.
 */
export async function loadOrCreateLanCertificate(
  dataDir: string,
  now = Date.now(),
  names = lanNames(),
): Promise<LanCertificate> {
  const kept = readLanCertificate(dataDir);
  if (kept && kept.validTo - now > RENEW_BEFORE_MS) return kept;
  // Only LAN mode makes certificates: the library is not loaded otherwise.
  const { default: forge } = await import('node-forge');

  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(
    publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  );
  // Positive (first bit clear), random: two PCs never share a serial.
  cert.serialNumber = `0${randomBytes(15).toString('hex')}`;
  cert.validity.notBefore = new Date(now - 3600_000);
  cert.validity.notAfter = new Date(now + VALIDITY_MS);
  const subject = [
    { name: 'commonName', value: `StoreDesk ${names.dns[1] ?? 'LAN'}` },
    { name: 'organizationName', value: 'StoreDesk' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: [
        ...names.dns.map((value) => ({ type: 2, value })),
        ...names.ips.map((ip) => ({ type: 7, ip })),
      ],
    },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(keyPem), forge.md.sha256.create());
  const certPem = forge.pki.certificateToPem(cert);

  privateFolder(lanTlsDir(dataDir));
  // The key file is made private before the key is written into it.
  fs.writeFileSync(privateFile(keyFile(dataDir)), keyPem);
  fs.writeFileSync(certFile(dataDir), certPem);
  return readLanCertificate(dataDir)!;
}
