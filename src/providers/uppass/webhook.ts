// UpPass webhooks. UpPass documents no signature; its portal (Flows → Connect) offers No Auth or
// Basic Auth (provider-specs/uppass.md). By default we require Basic Auth: any username, the
// password one of UPPASS_WEBHOOK_SECRETS (several accepted, for rotation), compared in constant
// time before the body is parsed. UPPASS_WEBHOOK_AUTH=none accepts a portal set to "No Auth"
// (the server warns at start). `event.nounce` is only a dedup key, never proof of origin.
import { sha256Hex } from '../../domain/digest.js';
import type { ProviderEvent, WebhookRequest } from '../contract.js';
import { parseWebhookBody, webhookBodySchema } from '../parse.js';
import { basicAuthorization, verifyBasicAuth } from '../webhook-auth.js';
import { toView, UpPassWebhookSchema } from './mapper.js';

/** The webhook body's schema, compiled ahead of the first webhook (fast-check.ts). */
const BODY = webhookBodySchema(UpPassWebhookSchema);

/** The username the sandbox sends; any username is accepted, only the password authenticates. */
export const WEBHOOK_USERNAME = 'uppass';

export function basicAuthHeader(password: string, username = WEBHOOK_USERNAME): string {
  return basicAuthorization(username, password);
}

/** `secrets` null: the portal is set to "No Auth" (UPPASS_WEBHOOK_AUTH=none); nothing to check. */
export function verify(req: WebhookRequest, secrets: readonly string[] | null): void {
  if (secrets !== null) verifyBasicAuth(req.headers.authorization, secrets);
}

export function parse(req: WebhookRequest): ProviderEvent[] {
  const body = parseWebhookBody('UPPASS', BODY, req.rawBody);
  const { event, application } = body;
  // dedup key: the nounce scoped by event type and application; a body without one is keyed by its bytes
  const nounce = typeof event.nounce === 'string' && event.nounce ? event.nounce : `sha256:${sha256Hex(req.rawBody)}`;
  return [{ eventId: `${application.slug}:${event.type}:${nounce}`, kind: 'verification', view: toView(body) }];
}
