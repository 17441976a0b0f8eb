// The Upvest adapter: client + mapper + webhook + (in sandbox) the in-process simulator. It offers
// user checks (`checks`), not verifications.
import type { ProviderResilience } from '../resilience.js';
import { createPublicKey } from 'node:crypto';
import type { ProviderConfig } from '../settings.js';
import type { UpvestConfig } from './config.js';
import type { Check, CheckSource } from '../../domain/check.js';
import type { ProviderAdapter, ProviderEvent, WebhookRequest } from '../contract.js';
import { UpvestClient } from './client.js';
import { createdCheck, toCheck, type UpvestCheckCreate } from './mapper.js';
import { privateKeyFromPem } from './signature.js';
import { UpvestSimulator } from './simulator.js';
import { parse, UpvestVerifyKeys, verify } from './webhook.js';

export interface UpvestAdapterOptions {
  /** The app's retry policy and circuit breakers. */
  resilience?: ProviderResilience;
  /** The page token of a sandbox session (carried in its url; lets the end-user page act without an API key). */
  pageToken?: (ref: string) => string;
  /** Base URL, timeout (`UPVEST_BASE_URL`, `UPVEST_TIMEOUT_MS`). */
  config: ProviderConfig;
  /** OAuth2 client, signing key, sandbox settings. */
  upvest: UpvestConfig;
  /** Base URL this server is reachable on from itself (sandbox API calls), known after listen. */
  localUrl: () => string;
  /** PUBLIC_URL: webhook target (its path is what Upvest signs). */
  publicUrl: () => string;
}

export class UpvestAdapter implements ProviderAdapter {
  readonly provider = 'UPVEST' as const;
  readonly key = 'upvest' as const;
  readonly mode: 'sandbox' | 'live';
  readonly simulator?: UpvestSimulator;
  readonly client: UpvestClient;
  readonly verifyKeys: UpvestVerifyKeys;
  readonly checks: CheckSource;

  constructor(private readonly options: UpvestAdapterOptions) {
    const { config, upvest } = options;
    this.mode = upvest.mode;
    const signingKey = privateKeyFromPem(upvest.signingKeyPem);
    if (upvest.mode === 'sandbox') {
      this.simulator = new UpvestSimulator({
        clientId: upvest.clientId,
        clientSecret: upvest.clientSecret,
        clientKeys: new Map([[upvest.signingKeyId, createPublicKey(signingKey)]]),
        webhookUrl: () => `${options.publicUrl()}/webhooks/upvest`,
        webhookDelayMs: upvest.webhookDelayMs,
      });
    }
    this.client = new UpvestClient({
      baseUrl: upvest.mode === 'sandbox' ? () => `${options.localUrl()}/sandbox/upvest` : () => config.baseUrl!,
      clientId: upvest.clientId,
      clientSecret: upvest.clientSecret,
      signingKey,
      signingKeyId: upvest.signingKeyId,
      timeoutMs: config.timeoutMs,
      resilience: options.resilience,
    });
    this.verifyKeys = new UpvestVerifyKeys(() => this.client.verifyKeys(), upvest.verifyKeysMinRefetchMs);
    const client = this.client;
    this.checks = {
      // a check of a type we do not know yet is left out by the client rather than failing the whole list
      listChecks: async (userId) => (await client.listChecks(userId)).map(toCheck),
      getCheck: async (userId, id) => {
        const c = await client.getCheck(userId, id);
        return c ? toCheck(c) : null;
      },
    };
  }

  /** Creates a check; Upvest answers only the id, so the check is built from what was sent. */
  async createCheck(userId: string, body: UpvestCheckCreate, idempotencyKey?: string): Promise<Check> {
    const { id } = await this.client.createCheck(userId, body, idempotencyKey);
    return createdCheck(id, userId, body);
  }

  /** The path Upvest signs: the webhook URL registered with it, PUBLIC_URL + /webhooks/upvest. */
  private webhookPath() {
    return `${new URL(this.options.publicUrl()).pathname.replace(/\/+$/, '')}/webhooks/upvest`;
  }

  verifyWebhook(req: WebhookRequest): Promise<void> {
    return verify(req, this.webhookPath(), this.verifyKeys);
  }

  parseWebhook(req: WebhookRequest): ProviderEvent[] {
    return parse(req);
  }

  async close(): Promise<void> {
    await this.simulator?.close();
  }
}
