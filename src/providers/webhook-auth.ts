// Shared webhook authentication for providers that sign nothing and whose webhook URL carries HTTP
// Basic credentials (UpPass, Argos), and the secret keys of those that sign with HMAC (pawaPass).
// Each list of configured secrets (several, for rotation) is prepared once, on its first use, and
// kept for as long as the list lives (each adapter holds its own, frozen): a webhook then costs
// one digest of what it presents, not one per configured secret.
import { createSecretKey, type KeyObject, timingSafeEqual } from 'node:crypto';
import { sha256 } from '../domain/digest.js';
import { WebhookAuthError } from './contract.js';

const digests = new WeakMap<readonly string[], Buffer[]>();
const keys = new WeakMap<readonly string[], KeyObject[]>();

/** The secrets as HMAC keys (their UTF-8 bytes), prepared once per list. */
export function secretKeys(secrets: readonly string[]): KeyObject[] {
  let k = keys.get(secrets);
  if (!k) keys.set(secrets, (k = secrets.map((s) => createSecretKey(Buffer.from(s, 'utf8')))));
  return k;
}

/** `Basic base64(user:password)`, as a sender (a simulator, a test, a URL with userinfo) sets it. */
export function basicAuthorization(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
}

/**
 * Throws WebhookAuthError unless `header` is `Basic base64(user:password)` with any user and a
 * password equal to one of `secrets`. Digests are compared (equal length, so timingSafeEqual never
 * throws and the length leaks nothing), every secret without an early exit.
 */
export function verifyBasicAuth(header: string | string[] | undefined, secrets: readonly string[]): void {
  if (typeof header !== 'string' || header === '') throw new WebhookAuthError('missing Authorization header');
  const m = /^Basic[ \t]+([A-Za-z0-9+/]+={0,2})\s*$/i.exec(header);
  if (!m) throw new WebhookAuthError('Authorization is not HTTP Basic');
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) throw new WebhookAuthError('Basic credentials without a colon');
  let expected = digests.get(secrets);
  if (!expected) digests.set(secrets, (expected = secrets.map(sha256)));
  const given = sha256(decoded.slice(colon + 1));
  let ok = false;
  for (const d of expected) ok = timingSafeEqual(d, given) || ok;
  if (!ok) throw new WebhookAuthError('Basic credentials do not match');
}
