// Uphold KYC Connector webhooks: the Standard Webhooks scheme its header names point to
// (`webhook-id`, `webhook-timestamp` Unix seconds, `webhook-signature: v1,<base64>` =
// HMAC-SHA256 over `id.timestamp.body`, 300 s tolerance). Uphold's own statement of the
// algorithm was not found (provider-specs/uphold.md), so this is the documented inference.
// Verification uses the `standardwebhooks` library (constant-time compare) on the raw bytes and
// never parses; `parse` runs only after it.
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { type ProviderEvent, type WebhookRequest, WebhookAuthError } from '../contract.js';
import { parseWebhookBody, webhookBodySchema } from '../parse.js';
import { toIngestionView, UpholdWebhookEventSchema } from './mapper.js';

/** The webhook body's schema, compiled ahead of the first webhook (fast-check.ts). */
const BODY = webhookBodySchema(UpholdWebhookEventSchema);

export const HEADERS = { id: 'webhook-id', timestamp: 'webhook-timestamp', signature: 'webhook-signature' } as const;

/** One verifier per configured secret (rotation: every one is accepted). */
export function verifiers(secrets: readonly string[]): Webhook[] {
  return secrets.map((s) => new Webhook(s));
}

/** Headers for one delivery, as the sender (our simulator, or a test) sets them. */
export function signedHeaders(secret: string, msgId: string, body: string, at: Date = new Date()): Record<string, string> {
  return {
    [HEADERS.id]: msgId,
    [HEADERS.timestamp]: String(Math.floor(at.getTime() / 1000)),
    [HEADERS.signature]: new Webhook(secret).sign(msgId, at, body),
  };
}

export function verify(req: WebhookRequest, hooks: readonly Webhook[]): void {
  const headers: Record<string, string> = {};
  for (const name of Object.values(HEADERS)) {
    const v = req.headers[name];
    if (typeof v !== 'string' || v === '') throw new WebhookAuthError(`missing ${name} header`);
    headers[name] = v;
  }
  let reason = 'webhook-signature does not match';
  for (const hook of hooks) {
    try {
      hook.verify(req.rawBody, headers, { jsonParse: false });
      return;
    } catch (err) {
      if (!(err instanceof WebhookVerificationError)) throw new WebhookAuthError('signature could not be checked');
      // a stale or future timestamp fails the same way for every secret
      if (/timestamp/i.test(err.message)) throw new WebhookAuthError(`webhook-timestamp outside the 300 s tolerance`);
      if (/headers/i.test(err.message)) reason = 'webhook-timestamp is not a number';
    }
  }
  throw new WebhookAuthError(reason);
}

export function parse(req: WebhookRequest): ProviderEvent[] {
  const body = parseWebhookBody('UPHOLD', BODY, req.rawBody);
  return [{ eventId: body.id, kind: 'ingestion', view: toIngestionView(body.data.ingestion) }];
}
