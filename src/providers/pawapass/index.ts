// The pawaPass adapter: client + mapper + webhook + (in sandbox) the in-process simulator.
import type { ProviderResilience } from '../resilience.js';
import type { ProviderConfig } from '../settings.js';
import type { ProviderVerificationView } from '../../domain/verification.js';
import type { HostedFlow, ProviderAdapter, ProviderEvent, WebhookRequest } from '../contract.js';
import { mapConcurrent } from '../http.js';
import { LIVE_BASE_URL, PawaPassClient } from './client.js';
import { hostedCreateRequest, PAWAPASS_COUNTRIES, type PawaPassCreateRequest, toView } from './mapper.js';
import { PawaPassSimulator } from './simulator.js';
import { parse, verify } from './webhook.js';

export interface PawaPassAdapterOptions {
  /** The app's retry policy and circuit breakers. */
  resilience?: ProviderResilience;
  /** The page token of a sandbox session (carried in its url; lets the end-user page act without an API key). */
  pageToken?: (ref: string) => string;
  config: ProviderConfig;
  /** Base URL this server is reachable on from itself (sandbox API calls), known after listen. */
  localUrl: () => string;
  /** PUBLIC_URL: session pages and webhook targets. */
  publicUrl: () => string;
  /** Max concurrent GETs when refreshing many sessions (pawaPass has no batch get). */
  concurrency: number;
}

export class PawaPassAdapter implements ProviderAdapter {
  readonly provider = 'PAWAPASS' as const;
  readonly key = 'pawapass' as const;
  readonly mode: 'sandbox' | 'live';
  readonly simulator?: PawaPassSimulator;
  readonly client: PawaPassClient;
  private readonly secrets: readonly string[];

  constructor(private readonly options: PawaPassAdapterOptions) {
    const { config } = options;
    this.mode = config.mode;
    this.secrets = Object.freeze([...config.webhookSecrets]);
    if (config.mode === 'sandbox') {
      this.simulator = new PawaPassSimulator({
        apiKey: config.apiKey,
        webhookSecret: config.webhookSecrets[0],
        webhookUrl: () => `${options.publicUrl()}/webhooks/pawapass`,
        publicBase: () => `${options.publicUrl()}/sandbox/pawapass`,
        pageToken: options.pageToken,
      });
    }
    this.client = new PawaPassClient({
      baseUrl: config.mode === 'sandbox' ? () => `${options.localUrl()}/sandbox/pawapass/v2` : () => config.baseUrl ?? LIVE_BASE_URL,
      apiKey: config.apiKey,
      timeoutMs: config.timeoutMs,
      resilience: options.resilience,
    });
  }

  /** The routed start: pawaPass serves the countries of its seed's `country` enum. */
  readonly hostedFlow: HostedFlow = {
    countries: PAWAPASS_COUNTRIES,
    prepare: (fields) => {
      const mapped = hostedCreateRequest(fields);
      if (!mapped.ok) return mapped;
      return { ok: true, request: mapped.body, create: () => this.createVerification(mapped.body) };
    },
  };

  async createVerification(body: PawaPassCreateRequest): Promise<ProviderVerificationView> {
    return toView(await this.client.createVerification(body));
  }

  async fetchVerifications(refs: readonly string[]): Promise<(ProviderVerificationView | Error)[]> {
    return mapConcurrent(refs, this.options.concurrency, async (ref) => {
      try {
        const v = await this.client.getVerification(ref);
        return v ? toView(v) : new Error(`pawaPass has no verification ${ref}`);
      } catch (err) {
        return err as Error;
      }
    });
  }

  verifyWebhook(req: WebhookRequest): void {
    verify(req, this.secrets);
  }

  parseWebhook(req: WebhookRequest): ProviderEvent[] {
    return parse(req);
  }

  async close(): Promise<void> {
    await this.simulator?.close();
  }
}
