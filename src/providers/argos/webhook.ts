// Argos webhooks. Argos documents no signature or HMAC (provider-specs/argos.md, "Webhooks"), so
// the webhook URL configured in the Argos dashboard carries HTTP Basic credentials
// (https://argos:<secret>@host/webhooks/argos); the password must equal one of the configured
// secrets (constant-time, rotation), checked before the body is parsed. Argos sends no event id:
// the dedup key is derived from submission, trigger, attempts and kyc_result.updated_at.
import { sha256Hex } from '../../domain/digest.js';
import { type ProviderEvent, type WebhookRequest, WebhookFormatError } from '../contract.js';
import { parseWebhookJson, webhookBodySchema, webhookJson } from '../parse.js';
import { basicAuthorization as basic, verifyBasicAuth } from '../webhook-auth.js';
import { argosWebhookSchema, fromWebhook } from './mapper.js';

/** The webhook body's schema, compiled ahead of the first webhook (fast-check.ts). */
const BODY = webhookBodySchema(argosWebhookSchema);

export const WEBHOOK_USER = 'argos';

export function basicAuthorization(secret: string, user = WEBHOOK_USER): string {
  return basic(user, secret);
}

export function verify(req: WebhookRequest, secrets: readonly string[]): void {
  verifyBasicAuth(req.headers.authorization, secrets);
}

/** Triggers that report a change of a submission's KYC state; the others are acknowledged and ignored. */
const STATE_TRIGGERS = new Set(['created', 'retry', 'approved', 'rejected', 'submit', 'updated']);

export function parse(req: WebhookRequest, ttlMs: number): ProviderEvent[] {
  const raw = webhookJson(req.rawBody);
  if (raw && typeof raw === 'object' && !Array.isArray(raw) && 'data' in raw && Object.keys(raw).length === 1) {
    throw new WebhookFormatError('encrypted webhooks are not supported; turn payload encryption off');
  }
  const body = parseWebhookJson('ARGOS', BODY, raw, req.rawBody);
  if (!STATE_TRIGGERS.has(body.webhook_trigger)) return [];
  const kyc = body.kyc_result;
  if (!kyc) throw new WebhookFormatError('kyc_result does not match the documented shape (required for this trigger)');
  const attempts = Array.isArray(body.attempts) ? body.attempts.length : (body.attempts ?? null);
  const eventId = sha256Hex(JSON.stringify([body.submission_id, body.webhook_trigger, kyc.status, attempts, kyc.updated_at ?? null]));
  return [{ eventId, kind: 'verification', view: fromWebhook(body, ttlMs) }];
}
