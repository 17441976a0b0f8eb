// Upvest webhooks: verified as Upvest signs them (HTTP message signature, v6 form; v15 also
// accepted), with the public keys Upvest publishes at GET /auth/verify_keys (a JWKS, matched by
// `keyid` = `kid`, cached, fetched again when a signature names a key we do not know). Then the
// body is parsed: one event, a bare array, or {"payload": [...]} (bundled deliveries).
import type { KeyObject } from 'node:crypto';
import { type ProviderEvent, type WebhookRequest, WebhookAuthError } from '../contract.js';
import { parseWebhookJson, webhookBodySchema, webhookJson } from '../parse.js';
import { z } from 'zod/v4';
import { toCheck, type UpvestJwks, upvestEventSchema } from './mapper.js';
import { publicKeyFromJwk, SignatureError, verifyMessage } from './signature.js';

/** The verification keys, cached by kid; refetched at most once per `minRefetchMs` for an unknown kid. */
export class UpvestVerifyKeys {
  private keys = new Map<string, KeyObject>();
  private lastFetch = 0;
  private inFlight: Promise<void> | null = null;
  /** JWKS fetches made; tests read it. */
  fetches = 0;

  constructor(
    private readonly fetchJwks: () => Promise<UpvestJwks>,
    private readonly minRefetchMs: number,
  ) {}

  async keyFor(kid: string): Promise<KeyObject | null> {
    const known = this.keys.get(kid);
    if (known) return known;
    if (!this.inFlight && Date.now() - this.lastFetch >= this.minRefetchMs) {
      this.inFlight = this.refresh().finally(() => {
        this.inFlight = null;
      });
    }
    // a failing JWKS fetch means we cannot authenticate: the caller answers 401 and Upvest retries
    await this.inFlight?.catch(() => {});
    return this.keys.get(kid) ?? null;
  }

  private async refresh() {
    this.lastFetch = Date.now();
    this.fetches++;
    const jwks = await this.fetchJwks();
    const next = new Map<string, KeyObject>();
    for (const jwk of jwks.keys) {
      const key = publicKeyFromJwk(jwk);
      if (key && typeof jwk.kid === 'string') next.set(jwk.kid, key);
    }
    this.keys = next;
  }
}

/** Authenticates the raw bytes; throws WebhookAuthError. Nothing is parsed before this passes. */
export async function verify(req: WebhookRequest, path: string, keys: UpvestVerifyKeys): Promise<void> {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
  try {
    // which components Upvest covers is not documented; the body digest is always required
    await verifyMessage({ method: 'POST', target: path, headers }, req.rawBody, { keyFor: (kid) => keys.keyFor(kid), required: [] });
  } catch (err) {
    if (err instanceof SignatureError) throw new WebhookAuthError(err.message);
    throw err;
  }
}

// The three body shapes, built once (a schema is compiled once per schema object: fast-check.ts)
const EVENT = webhookBodySchema(upvestEventSchema);
const BUNDLE = webhookBodySchema(z.array(upvestEventSchema).min(1));
const WRAPPED_BUNDLE = webhookBodySchema(z.object({ payload: z.array(upvestEventSchema).min(1) }));

/** Parses an authenticated body (one event, a bare array or {"payload": [...]}) with the seed's event schema. */
export function parse(req: WebhookRequest): ProviderEvent[] {
  const raw = webhookJson(req.rawBody);
  // the shape picks the schema, so a mismatch names the event field rather than "no union member"
  const list = Array.isArray(raw)
    ? parseWebhookJson('UPVEST', BUNDLE, raw, req.rawBody)
    : raw && typeof raw === 'object' && 'payload' in raw
      ? parseWebhookJson('UPVEST', WRAPPED_BUNDLE, raw, req.rawBody).payload
      : [parseWebhookJson('UPVEST', EVENT, raw, req.rawBody)];
  return (
    [...list]
      // bundles are ordered by created_at; keep that order even if a sender did not
      .sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : 0))
      .map((e) => ({ eventId: e.id, kind: 'check' as const, check: toCheck(e.object) }))
  );
}
