// pawaPass webhooks: `X-Signature` = HMAC-SHA256 of the raw body keyed with the signing secret.
// The material does not say hex or base64 (provider-specs/pawapass.md); we use lowercase hex,
// accept either case, and accept any of the configured secrets (rotation).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { type ProviderEvent, type WebhookRequest, WebhookAuthError, WebhookFormatError } from '../contract.js';
import { type PawaPassNotification, PAWAPASS_STATUSES, toView } from './mapper.js';

export const SIGNATURE_HEADER = 'x-signature';

export function sign(rawBody: Buffer | string, secret: string): string {
  return createHmac('sha256', secret).update(rawBody).digest('hex');
}

export function verify(req: WebhookRequest, secrets: readonly string[]): void {
  const header = req.headers[SIGNATURE_HEADER];
  if (typeof header !== 'string' || header === '') throw new WebhookAuthError('missing X-Signature header');
  if (!/^[0-9a-fA-F]{64}$/.test(header)) throw new WebhookAuthError('X-Signature is not a hex HMAC-SHA256');
  const given = Buffer.from(header.toLowerCase(), 'hex');
  const ok = secrets.some((secret) => timingSafeEqual(Buffer.from(sign(req.rawBody, secret), 'hex'), given));
  if (!ok) throw new WebhookAuthError('X-Signature does not match');
}

const TYPES = ['VERIFICATION.STATUS_CHANGE', 'VERIFICATION.IDENTITY_DOCUMENT_CHANGE'];

export function parse(req: WebhookRequest): ProviderEvent[] {
  let body: PawaPassNotification;
  try {
    body = JSON.parse(req.rawBody.toString('utf8'));
  } catch {
    throw new WebhookFormatError('body is not JSON');
  }
  if (!body || typeof body !== 'object') throw new WebhookFormatError('body is not an object');
  if (typeof body.notificationId !== 'string' || !body.notificationId) throw new WebhookFormatError('notificationId missing');
  if (!TYPES.includes(body.type)) throw new WebhookFormatError(`unknown type ${JSON.stringify(body.type)}`);
  const data = body.data;
  if (!data || typeof data !== 'object' || typeof data.id !== 'string') throw new WebhookFormatError('data.id missing');
  if (!(PAWAPASS_STATUSES as readonly string[]).includes(data.status)) {
    throw new WebhookFormatError(`unknown status ${JSON.stringify(data.status)}`);
  }
  return [{ eventId: body.notificationId, kind: 'verification', view: toView(data) }];
}
