// UpPass webhooks. UpPass documents no signature; its portal (Flows → Connect) offers No Auth or
// Basic Auth (provider-specs/uppass.md). By default we require Basic Auth: any username, the
// password one of UPPASS_WEBHOOK_SECRETS (several accepted, for rotation), compared in constant
// time before the body is parsed. UPPASS_WEBHOOK_AUTH=none accepts a portal set to "No Auth"
// (the server warns at start). `event.nounce` is only a dedup key, never proof of origin.
import { createHash, timingSafeEqual } from 'node:crypto';
import { type ProviderEvent, type WebhookRequest, WebhookAuthError, WebhookFormatError } from '../contract.js';
import { parseWebhookBody } from '../parse.js';
import { toView, UpPassWebhookSchema } from './mapper.js';

/** The username the sandbox sends; any username is accepted, only the password authenticates. */
export const WEBHOOK_USERNAME = 'uppass';

export function basicAuthHeader(password: string, username = WEBHOOK_USERNAME): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}

const digest = (s: string | Buffer) => createHash('sha256').update(s).digest();

/** `secrets` null: the portal is set to "No Auth" (UPPASS_WEBHOOK_AUTH=none); nothing to check. */
export function verify(req: WebhookRequest, secrets: readonly string[] | null): void {
  if (secrets === null) return;
  const header = req.headers.authorization;
  if (typeof header !== 'string' || header === '') throw new WebhookAuthError('missing Authorization header');
  const m = /^Basic[ ]+([A-Za-z0-9+/]+={0,2})\s*$/i.exec(header);
  if (!m) throw new WebhookAuthError('Authorization is not HTTP Basic');
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) throw new WebhookAuthError('Basic credentials without a colon');
  // equal-length digests, so timingSafeEqual never throws and length leaks nothing;
  // every secret is compared (no early exit)
  const given = digest(decoded.slice(colon + 1));
  let ok = false;
  for (const secret of secrets) ok = timingSafeEqual(digest(secret), given) || ok;
  if (!ok) throw new WebhookAuthError('Basic Auth password does not match');
}

export function parse(req: WebhookRequest): ProviderEvent[] {
  const body = parseWebhookBody('UPPASS', UpPassWebhookSchema, req.rawBody);
  const { event, application } = body;
  // dedup key: the nounce scoped by event type and application; a body without one is keyed by its bytes
  const nounce = typeof event.nounce === 'string' && event.nounce ? event.nounce : `sha256:${digest(req.rawBody).toString('hex')}`;
  return [{ eventId: `${application.slug}:${event.type}:${nounce}`, kind: 'verification', view: toView(body) }];
}
