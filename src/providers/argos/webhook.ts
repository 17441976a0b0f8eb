// Argos webhooks. Argos documents no signature or HMAC (provider-specs/argos.md, "Webhooks"), so
// the webhook URL configured in the Argos dashboard carries HTTP Basic credentials
// (https://argos:<secret>@host/webhooks/argos); the password must equal one of the configured
// secrets (constant-time, rotation), checked before the body is parsed. Argos sends no event id:
// the dedup key is derived from submission, trigger, attempts and kyc_result.updated_at.
import { createHash, timingSafeEqual } from 'node:crypto';
import { type ProviderEvent, type WebhookRequest, WebhookAuthError, WebhookFormatError } from '../contract.js';
import { parseWebhookBody } from '../parse.js';
import { argosWebhookSchema, fromWebhook } from './mapper.js';

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
  let raw: unknown;
  try {
    raw = JSON.parse(req.rawBody.toString('utf8'));
  } catch {
    throw new WebhookFormatError('body is not JSON');
  }
  if (raw && typeof raw === 'object' && !Array.isArray(raw) && 'data' in raw && Object.keys(raw).length === 1) {
    throw new WebhookFormatError('encrypted webhooks are not supported; turn payload encryption off');
  }
  const body = parseWebhookBody('ARGOS', argosWebhookSchema, req.rawBody);
  if (!STATE_TRIGGERS.has(body.webhook_trigger)) return [];
  const kyc = body.kyc_result;
  if (!kyc) throw new WebhookFormatError('kyc_result does not match the documented shape (required for this trigger)');
  const attempts = Array.isArray(body.attempts) ? body.attempts.length : (body.attempts ?? null);
  const eventId = createHash('sha256')
    .update(JSON.stringify([body.submission_id, body.webhook_trigger, kyc.status, attempts, kyc.updated_at ?? null]))
    .digest('hex');
  return [{ eventId, kind: 'verification', view: fromWebhook(body, ttlMs) }];
}
