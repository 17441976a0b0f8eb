// Argos webhooks. Argos documents no signature or HMAC (provider-specs/argos.md, "Webhooks"), so
// the webhook URL configured in the Argos dashboard carries HTTP Basic credentials
// (https://argos:<secret>@host/webhooks/argos); the password must equal one of the configured
// secrets (constant-time, rotation), checked before the body is parsed. Argos sends no event id:
// the dedup key is derived from submission, trigger, attempts and kyc_result.updated_at.
import { createHash, timingSafeEqual } from 'node:crypto';
import { type ProviderEvent, type WebhookRequest, WebhookAuthError, WebhookFormatError } from '../contract.js';
import { ARGOS_KYC_STATUSES, ARGOS_WEBHOOK_TRIGGERS, type ArgosWebhook, fromSubmission } from './mapper.js';

export const WEBHOOK_USER = 'argos';

export function basicAuthorization(secret: string, user = WEBHOOK_USER): string {
  return `Basic ${Buffer.from(`${user}:${secret}`, 'utf8').toString('base64')}`;
}

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

export function verify(req: WebhookRequest, secrets: readonly string[]): void {
  const header = req.headers.authorization;
  if (typeof header !== 'string' || !/^Basic\s+/i.test(header)) throw new WebhookAuthError('missing Basic authorization');
  const decoded = Buffer.from(header.replace(/^Basic\s+/i, '').trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) throw new WebhookAuthError('malformed Basic credentials');
  // compare digests: equal length, constant time, whatever the password's length
  const given = digest(decoded.slice(colon + 1));
  let ok = false;
  for (const secret of secrets) ok = timingSafeEqual(digest(secret), given) || ok;
  if (!ok) throw new WebhookAuthError('Basic credentials do not match');
}

/** Triggers that report a change of a submission's KYC state; the others are acknowledged and ignored. */
const STATE_TRIGGERS = new Set(['created', 'retry', 'approved', 'rejected', 'submit', 'updated']);

export function parse(req: WebhookRequest, ttlMs: number): ProviderEvent[] {
  let body: ArgosWebhook;
  try {
    body = JSON.parse(req.rawBody.toString('utf8'));
  } catch {
    throw new WebhookFormatError('body is not JSON');
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new WebhookFormatError('body is not an object');
  if ('data' in body && Object.keys(body).length === 1) throw new WebhookFormatError('encrypted webhooks are not supported; turn payload encryption off');
  if (!(ARGOS_WEBHOOK_TRIGGERS as readonly string[]).includes(body.webhook_trigger)) {
    throw new WebhookFormatError(`unknown webhook_trigger ${JSON.stringify(body.webhook_trigger)}`);
  }
  if (typeof body.submission_id !== 'string' || !body.submission_id) throw new WebhookFormatError('submission_id missing');
  if (!STATE_TRIGGERS.has(body.webhook_trigger)) return [];
  const kyc = body.kyc_result;
  if (!kyc || typeof kyc !== 'object' || !(ARGOS_KYC_STATUSES as readonly string[]).includes(kyc.status)) {
    throw new WebhookFormatError('kyc_result.status missing or unknown');
  }
  const eventId = createHash('sha256')
    .update(JSON.stringify([body.submission_id, body.webhook_trigger, kyc.status, body.attempts ?? null, kyc.updated_at ?? null]))
    .digest('hex');
  return [{ eventId, kind: 'verification', view: fromSubmission(body, ttlMs) }];
}
