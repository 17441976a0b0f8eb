// pawaPass webhooks: `X-Signature` = HMAC-SHA256 of the raw body keyed with the signing secret.
// The material does not say hex or base64 (provider-specs/pawapass.md); we use lowercase hex,
// accept either case, and accept any of the configured secrets (rotation).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { type ProviderEvent, type WebhookRequest, WebhookAuthError } from '../contract.js';
import { parseWebhookBody, webhookBodySchema } from '../parse.js';
import { secretKeys } from '../webhook-auth.js';
import { PawaPassNotificationSchema, toView } from './mapper.js';

/** The webhook body's schema, compiled ahead of the first webhook (fast-check.ts). */
const BODY = webhookBodySchema(PawaPassNotificationSchema);

export const SIGNATURE_HEADER = 'x-signature';

export function sign(rawBody: Buffer | string, secret: string): string {
  return createHmac('sha256', secret).update(rawBody).digest('hex');
}

export function verify(req: WebhookRequest, secrets: readonly string[]): void {
  const header = req.headers[SIGNATURE_HEADER];
  if (typeof header !== 'string' || header === '') throw new WebhookAuthError('missing X-Signature header');
  if (!/^[0-9a-fA-F]{64}$/.test(header)) throw new WebhookAuthError('X-Signature is not a hex HMAC-SHA256');
  const given = Buffer.from(header, 'hex');
  let ok = false;
  for (const key of secretKeys(secrets)) ok = timingSafeEqual(createHmac('sha256', key).update(req.rawBody).digest(), given) || ok;
  if (!ok) throw new WebhookAuthError('X-Signature does not match');
}

export function parse(req: WebhookRequest): ProviderEvent[] {
  const body = parseWebhookBody('PAWAPASS', BODY, req.rawBody);
  // both event types carry the full verification: a STATUS_CHANGE moves the status, an
  // IDENTITY_DOCUMENT_CHANGE (an agent corrected the document after the verification concluded)
  // keeps the status and replaces identityDocument
  return [{ eventId: body.notificationId, kind: 'verification', view: toView(body.data) }];
}
