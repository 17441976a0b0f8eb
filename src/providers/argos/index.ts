// The Argos adapter: client + mapper + webhook + (in sandbox) the in-process simulator.
import type { ProviderResilience } from '../resilience.js';
import type { ProviderConfig } from '../settings.js';
import type { ProviderVerificationView } from '../../domain/verification.js';
import type { ProviderAdapter, ProviderEvent, WebhookRequest } from '../contract.js';
import { mapConcurrent } from '../http.js';
import { ArgosClient, type ArgosFilePart, LIVE_BASE_URL } from './client.js';
import { ARGOS_SUBMISSION_TTL_MS, type ArgosStep1Fields, type ArgosStep2Fields, fromStep1, fromStep2, fromSubmissionItem, mergeArgosView } from './mapper.js';
import { ArgosSimulator } from './simulator.js';
import { parse, verify } from './webhook.js';

export interface ArgosAdapterOptions {
  /** The app's retry policy and circuit breakers. */
  resilience?: ProviderResilience;
  /** The page token of a sandbox session (carried in its url; lets the end-user page act without an API key). */
  pageToken?: (ref: string) => string;
  config: ProviderConfig;
  /** Base URL this server is reachable on from itself (sandbox API calls), known after listen. */
  localUrl: () => string;
  /** PUBLIC_URL: reviewer pages and webhook targets. */
  publicUrl: () => string;
  /** Max concurrent GETs when refreshing many submissions (Argos has no batch get). */
  concurrency: number;
}

export class ArgosAdapter implements ProviderAdapter {
  readonly provider = 'ARGOS' as const;
  readonly key = 'argos' as const;
  readonly mode: 'sandbox' | 'live';
  readonly simulator?: ArgosSimulator;
  readonly client: ArgosClient;
  /** seed: a submissionId is valid for 4 hours. Tests may shorten it (the sandbox reads it too). */
  submissionTtlMs = ARGOS_SUBMISSION_TTL_MS;
  private readonly secrets: readonly string[];

  constructor(private readonly options: ArgosAdapterOptions) {
    const { config } = options;
    this.mode = config.mode;
    this.secrets = Object.freeze([...config.webhookSecrets]);
    if (config.mode === 'sandbox') {
      this.simulator = new ArgosSimulator({
        apiKey: config.apiKey,
        webhookSecret: config.webhookSecrets[0],
        webhookUrl: () => `${options.publicUrl()}/webhooks/argos`,
        publicBase: () => `${options.publicUrl()}/sandbox/argos`,
        submissionTtlMs: () => this.submissionTtlMs,
      });
    }
    this.client = new ArgosClient({
      baseUrl: config.mode === 'sandbox' ? () => `${options.localUrl()}/sandbox/argos/v3` : () => config.baseUrl ?? LIVE_BASE_URL,
      apiKey: config.apiKey,
      timeoutMs: config.timeoutMs,
      resilience: options.resilience,
    });
  }

  /** Step 1. `createdAt` is when the submission was first created (now, or the retried one's). */
  async submitDocument(fields: ArgosStep1Fields, files: ArgosFilePart[], createdAt = new Date()): Promise<ProviderVerificationView> {
    return fromStep1(await this.client.submitStep1(fields, files), fields, createdAt, this.submissionTtlMs);
  }

  /** Step 2, applied to what step 1 told us. */
  async confirm(fields: ArgosStep2Fields, face: ArgosFilePart, current: ProviderVerificationView, address?: ArgosFilePart): Promise<ProviderVerificationView> {
    return fromStep2(await this.client.submitStep2(fields, face, address), fields, current);
  }

  async fetchVerifications(refs: readonly string[]): Promise<(ProviderVerificationView | Error)[]> {
    return mapConcurrent(refs, this.options.concurrency, async (ref) => {
      try {
        const s = await this.client.getSubmission(ref);
        return s ? fromSubmissionItem(s, this.submissionTtlMs) : new Error(`Argos has no submission ${ref}`);
      } catch (err) {
        return err as Error;
      }
    });
  }

  mergeView(current: ProviderVerificationView, incoming: ProviderVerificationView): ProviderVerificationView {
    return mergeArgosView(current, incoming);
  }

  verifyWebhook(req: WebhookRequest): void {
    verify(req, this.secrets);
  }

  parseWebhook(req: WebhookRequest): ProviderEvent[] {
    return parse(req, this.submissionTtlMs);
  }

  async close(): Promise<void> {
    await this.simulator?.close();
  }
}
