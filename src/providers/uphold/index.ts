// The Uphold KYC Connector adapter: client + mapper + webhook + (in sandbox) the in-process simulator.
import type { ProviderResilience } from '../resilience.js';
import type { ProviderConfig } from '../settings.js';
import type { UpholdSettings } from './config.js';
import type { IngestionRef, IngestionSource, KycProcess, ProviderIngestionView } from '../../domain/ingestion.js';
import type { ProviderAdapter, ProviderEvent, WebhookRequest } from '../contract.js';
import { LIVE_BASE_URL, UpholdClient } from './client.js';
import { toIngestionView, toUpholdProcess, type UpholdKycOverview } from './mapper.js';
import { refreshIngestions, type UpholdRefreshStats } from './refresh.js';
import { UpholdSimulator } from './simulator.js';
import { parse, verifiers, verify } from './webhook.js';

export interface UpholdAdapterOptions {
  /** The app's retry policy and circuit breakers. */
  resilience?: ProviderResilience;
  /** The page token of a sandbox session (carried in its url; lets the end-user page act without an API key). */
  pageToken?: (ref: string) => string;
  config: ProviderConfig;
  settings: UpholdSettings;
  /** Base URL this server is reachable on from itself (sandbox API calls), known after listen. */
  localUrl: () => string;
  /** PUBLIC_URL: webhook targets. */
  publicUrl: () => string;
  /** Max concurrent Uphold calls when refreshing many ingestions (list pages, then single GETs). */
  concurrency: number;
}

/** The unified create request, before it becomes a per-source Uphold body. */
export interface CreateIngestionRequest {
  source: IngestionSource;
  sourceVerificationRef: string;
  userId: string;
  processes: KycProcess[];
  /** Veriff only: the integration registered with Uphold. */
  integrationName?: string | null;
  /**
   * Veriff only: several sessions in one ingestion (an IDV and a PoA session), each with the
   * processes it provides. Absent: `sourceVerificationRef` is one session providing every process.
   */
  sessions?: { sourceVerificationRef: string; processes: KycProcess[]; integrationName?: string | null }[] | null;
}

export class UpholdAdapter implements ProviderAdapter {
  readonly provider = 'UPHOLD' as const;
  readonly key = 'uphold' as const;
  readonly mode: 'sandbox' | 'live';
  readonly simulator?: UpholdSimulator;
  readonly client: UpholdClient;
  /** What ingestion refreshes cost so far (list pages, failed lists, single GETs). */
  readonly refreshStats: UpholdRefreshStats = { listPages: 0, listFailures: 0, gets: 0 };
  private readonly hooks;

  constructor(private readonly options: UpholdAdapterOptions) {
    const { config, settings } = options;
    this.mode = config.mode;
    this.hooks = verifiers(config.webhookSecrets);
    if (config.mode === 'sandbox') {
      this.simulator = new UpholdSimulator({
        clientId: settings.clientId,
        clientSecret: config.apiKey,
        webhookSecret: config.webhookSecrets[0],
        webhookUrl: () => `${options.publicUrl()}/webhooks/uphold`,
        stepMs: settings.sandboxStepMs,
        tokenTtlSeconds: settings.sandboxTokenTtlSeconds,
        clientUserId: settings.userId,
      });
    }
    this.client = new UpholdClient({
      baseUrl: config.mode === 'sandbox' ? () => `${options.localUrl()}/sandbox/uphold` : () => config.baseUrl ?? LIVE_BASE_URL,
      clientId: settings.clientId,
      clientSecret: config.apiKey,
      scope: settings.scope,
      timeoutMs: config.timeoutMs,
      singleUserId: settings.userId,
      resilience: options.resilience,
    });
  }

  /** The per-source Uphold body for a unified request (Sumsub: share token; Veriff: one session). */
  static toBody(req: CreateIngestionRequest, defaultIntegration: string) {
    const processes = req.processes.map(toUpholdProcess);
    if (req.source === 'SUMSUB') return { source: 'sumsub' as const, body: { shareToken: req.sourceVerificationRef, processes } };
    const integration = req.integrationName || defaultIntegration;
    const sessions = req.sessions?.length
      ? req.sessions.map((s) => ({ processes: s.processes.map(toUpholdProcess), sessionId: s.sourceVerificationRef, integrationName: s.integrationName || integration }))
      : [{ processes, sessionId: req.sourceVerificationRef, integrationName: integration }];
    return { source: 'veriff' as const, body: { processes, sessions } };
  }

  /** The one user a single-user client acts for (UPHOLD_USER_ID), or null for an organisation-wide client. */
  get singleUserId(): string | null {
    return this.options.settings.userId;
  }

  async createIngestion(req: CreateIngestionRequest): Promise<ProviderIngestionView> {
    const call = UpholdAdapter.toBody(req, this.options.settings.veriffIntegrationName);
    const created =
      call.source === 'sumsub'
        ? await this.client.createSumsubIngestion(req.userId, call.body)
        : await this.client.createVeriffIngestion(req.userId, call.body);
    return toIngestionView(created);
  }

  /** Batched: one list call per (user, source) with two or more refs, single GETs otherwise (refresh.ts). */
  async fetchIngestions(refs: readonly IngestionRef[]): Promise<(ProviderIngestionView | Error)[]> {
    return refreshIngestions(this.client, refs, this.options.concurrency, this.refreshStats);
  }

  async kycOverview(userId: string): Promise<UpholdKycOverview> {
    return this.client.getKycOverview(userId);
  }

  verifyWebhook(req: WebhookRequest): void {
    verify(req, this.hooks);
  }

  parseWebhook(req: WebhookRequest): ProviderEvent[] {
    return parse(req);
  }

  async close(): Promise<void> {
    await this.simulator?.close();
  }
}
