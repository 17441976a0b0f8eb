// The UpPass adapter: client + mapper + webhook + (in sandbox) the in-process simulator.
import type { ProviderResilience } from '../resilience.js';
import type { ProviderConfig } from '../settings.js';
import type { ProviderVerificationView } from '../../domain/verification.js';
import type { HostedFlow, ProviderAdapter, ProviderEvent, WebhookRequest } from '../contract.js';
import { mapConcurrent } from '../http.js';
import { LIVE_BASE_URL, UpPassClient } from './client.js';
import { createdView, hostedCreateForm, mergeView, toView, type UpPassCreateFormRequest, type UpPassDetailsShape } from './mapper.js';
import { UpPassSimulator } from './simulator.js';
import { parse, verify } from './webhook.js';

export interface UpPassAdapterOptions {
  /** The app's retry policy and circuit breakers. */
  resilience?: ProviderResilience;
  /** The page token of a sandbox session (carried in its url; lets the end-user page act without an API key). */
  pageToken?: (ref: string) => string;
  config: ProviderConfig;
  /** Base URL this server is reachable on from itself (sandbox API calls), known after listen. */
  localUrl: () => string;
  /** PUBLIC_URL: form pages and webhook targets. */
  publicUrl: () => string;
  /** UPPASS_FORM_SLUG: the form a routed start (`startVerification`) opens. Default `kyc-onboarding`. */
  formSlug?: string;
  /** Max concurrent info GETs when refreshing many applications (UpPass has no batch get). */
  concurrency: number;
}

/** Language used for API calls about an application whose form language we do not know. */
const DEFAULT_LANG = 'en';
/** UPPASS_FORM_SLUG's default. */
export const DEFAULT_FORM_SLUG = 'kyc-onboarding';

export class UpPassAdapter implements ProviderAdapter {
  readonly provider = 'UPPASS' as const;
  readonly key = 'uppass' as const;
  readonly mode: 'sandbox' | 'live';
  readonly simulator?: UpPassSimulator;
  readonly client: UpPassClient;
  /** null: UPPASS_WEBHOOK_AUTH=none (the portal's "No Auth"). */
  private readonly secrets: readonly string[] | null;
  readonly startupWarnings: { setting: string; message: string }[] = [];

  constructor(private readonly options: UpPassAdapterOptions) {
    const { config } = options;
    this.mode = config.mode;
    this.secrets = config.webhookAuth === 'none' ? null : Object.freeze([...config.webhookSecrets]);
    if (this.secrets === null) {
      this.startupWarnings.push({
        setting: 'UPPASS_WEBHOOK_AUTH',
        message:
          'UPPASS_WEBHOOK_AUTH=none: POST /webhooks/uppass accepts UpPass webhooks WITHOUT authentication (UpPass portal "No Auth"); anyone who can reach it can forge verification results. Set the portal to Basic Auth and UPPASS_WEBHOOK_SECRETS instead.',
      });
    }
    if (config.mode === 'sandbox') {
      this.simulator = new UpPassSimulator({
        apiToken: config.apiKey,
        webhookSecret: this.secrets ? this.secrets[0] : null,
        webhookUrl: () => `${options.publicUrl()}/webhooks/uppass`,
        publicBase: () => `${options.publicUrl()}/sandbox/uppass`,
        pageToken: options.pageToken,
      });
    }
    this.client = new UpPassClient({
      baseUrl: config.mode === 'sandbox' ? () => `${options.localUrl()}/sandbox/uppass` : () => config.baseUrl ?? LIVE_BASE_URL,
      apiToken: config.apiKey,
      timeoutMs: config.timeoutMs,
      resilience: options.resilience,
    });
  }

  /** The routed start: UpPass documents no country list, so it serves any country. */
  readonly hostedFlow: HostedFlow = {
    countries: null,
    prepare: (fields) => {
      const mapped = hostedCreateForm(fields, this.options.formSlug ?? DEFAULT_FORM_SLUG);
      if (!mapped.ok) return mapped;
      return { ok: true, request: { formSlug: mapped.formSlug, lang: mapped.lang, body: mapped.body }, create: () => this.createForm(mapped.lang, mapped.formSlug, mapped.body) };
    },
  };

  async createForm(lang: string, formSlug: string, body: UpPassCreateFormRequest): Promise<ProviderVerificationView> {
    return createdView(await this.client.createForm(lang, formSlug, body), lang);
  }

  /** Where a stored application lives: its form slug and the language it was created in. */
  static locate(view: ProviderVerificationView): { formSlug: string; lang: string } | null {
    const d = view.details as Partial<UpPassDetailsShape> | null;
    return d?.formSlug ? { formSlug: d.formSlug, lang: d.lang ?? DEFAULT_LANG } : null;
  }

  async resendWebhook(view: ProviderVerificationView): Promise<void> {
    const at = UpPassAdapter.locate(view);
    if (!at) throw new Error('UpPass verification without a form slug');
    await this.client.resendWebhook(at.lang, at.formSlug, view.providerRef);
  }

  /**
   * Current state via applied-form info, concurrency-capped. An answer without an `application`
   * object is an error for that ref, so the refresh keeps the last known state.
   */
  async fetchVerifications(refs: readonly string[], current?: readonly ProviderVerificationView[]): Promise<(ProviderVerificationView | Error)[]> {
    return mapConcurrent(refs.map((ref, i) => ({ ref, at: current?.[i] ? UpPassAdapter.locate(current[i]) : null })), this.options.concurrency, async ({ ref, at }) => {
      if (!at) return new Error(`UpPass application ${ref}: form slug unknown`);
      try {
        const info = await this.client.appliedFormInfo(at.lang, at.formSlug, ref);
        if (!info?.application || typeof info.application.status !== 'string') return new Error(`UpPass info for ${ref} has no application status`);
        return toView({ application: info.application, answers: info.answers, extra: info.extra, event: null });
      } catch (err) {
        return err as Error;
      }
    });
  }

  mergeView(current: ProviderVerificationView, incoming: ProviderVerificationView): ProviderVerificationView {
    return mergeView(current, incoming);
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
