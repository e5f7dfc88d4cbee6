/**
 * A self-signed TLS certificate made with openssl at test time, for the local sites server: it names every host
 * the tests visit, lives in a temporary directory and is thrown away with it. Firefox is told to accept it per
 * host (see firefox-profile.ts), so no real certificate authority and no network are involved.
 */
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ThrowawayCert {
  key: string;
  cert: string;
  /** SHA-256 of the DER certificate as Firefox writes it: upper-case hex pairs joined by colons. */
  sha256: string;
}

export async function makeThrowawayCert(hosts: readonly string[]): Promise<ThrowawayCert> {
  const dir = await mkdtemp(join(tmpdir(), 'python-inside-cert-'));
  try {
    const keyFile = join(dir, 'key.pem');
    const certFile = join(dir, 'cert.pem');
    try {
      execFileSync(
        'openssl',
        ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=Python Inside test sites', '-addext', `subjectAltName=${hosts.map((h) => `DNS:${h}`).join(',')}`, '-keyout', keyFile, '-out', certFile],
        { stdio: 'pipe' },
      );
    } catch (error) {
      // Fail loudly, never skip: without the certificate no page can be served.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error('openssl not found: apt-get install -y openssl');
      throw error;
    }
    const [key, cert] = await Promise.all([readFile(keyFile, 'utf8'), readFile(certFile, 'utf8')]);
    return { key, cert, sha256: new X509Certificate(cert).fingerprint256 };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
