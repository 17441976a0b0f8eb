// The adapter contract every provider implements. Adapters are the only code that knows a
// provider: its wire types, auth, error bodies, status values, webhook scheme and simulator.
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { ProviderKey } from './settings.js';
import type { Provider, ProviderVerificationView } from '../domain/verification.js';
import type { CheckSource } from '../domain/check.js';
import type { IngestionRef, ProviderIngestionView } from '../domain/ingestion.js';

/** A webhook as it arrived: raw bytes first, nothing parsed yet. */
export interface WebhookRequest {
  rawBody: Buffer;
  headers: IncomingHttpHeaders;
}

/** One normalized change a webhook reports (defined in domain/ so the inbox need not import providers/). */
export type { ProviderEvent } from '../domain/provider-event.js';
import type { ProviderEvent } from '../domain/provider-event.js';
import type { SandboxAccess } from '../sandbox/access.js';

/** Thrown by `verifyWebhook`; the route answers 401 and never parses the body. */
export class WebhookAuthError extends Error {
  constructor(readonly reason: string) {
    super(`webhook rejected: ${reason}`);
    this.name = 'WebhookAuthError';
  }
}

/** Thrown by `parseWebhook` for an authenticated body that is not what the provider sends. */
export class WebhookFormatError extends Error {
  constructor(reason: string) {
    super(`webhook malformed: ${reason}`);
    this.name = 'WebhookFormatError';
  }
}

export { commonSandboxAccess, type SandboxAccess } from '../sandbox/access.js';

/** A provider's REST API and webhook sender, served in-process under /sandbox/{key}/. */
export interface Simulator {
  /**
   * Classifies a request (`path` without the query) for the sandbox guard. A route the
   * simulator does not name is refused when API keys are configured.
   */
  sandboxAccess(method: string, path: string): SandboxAccess | null;
  /** Handles a request below /sandbox/{key}; `path` starts with '/'. Returns false when no route matched. */
  handle(req: IncomingMessage, res: ServerResponse, path: string, rawBody: Buffer): Promise<boolean>;
  close(): Promise<void>;
  /** Largest request body the simulator accepts (e.g. image uploads); default MAX_BODY_BYTES. */
  readonly maxBodyBytes?: number;
  /**
   * True for routes that read the request body themselves, as a stream (large uploads): the
   * server then passes an empty `rawBody` and leaves `req` unread.
   */
  streamsBody?(method: string, path: string): boolean;
}

/**
 * The provider-neutral fields of a routed start (`startVerification`), validated at the edge.
 * Each hosted flow maps them onto its own request; what it cannot take it ignores (documented
 * per field in the GraphQL description).
 */
export interface HostedStartFields {
  subjectId: string;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string;
  successUrl: string | null;
  errorUrl: string | null;
  supportUrl: string | null;
  phoneNo: string | null;
  lang: string | null;
  metadata: Record<string, unknown> | null;
  expiresAt: Date | null;
}

/** A start prepared for one provider: its own request (fingerprinted for idempotency) and the call. */
export type PreparedHostedStart =
  | { ok: true; request: unknown; create: () => Promise<ProviderVerificationView> }
  /** `field`: the HostedStartFields field the provider cannot accept as given (e.g. `successUrl`). */
  | { ok: false; field: keyof HostedStartFields; message: string };

/** A hosted end-user flow the routed start can open (providers that have one). */
export interface HostedFlow {
  /** ISO 3166-1 alpha-2 countries the provider documents serving; null: any country. */
  readonly countries: readonly string[] | null;
  /** Maps the common fields onto the provider's request; never calls the provider. */
  prepare(fields: HostedStartFields): PreparedHostedStart;
}

export interface ProviderAdapter {
  readonly provider: Provider;
  /** Lower-case name used in paths: /webhooks/{key}, /sandbox/{key}. */
  readonly key: ProviderKey;
  readonly mode: 'sandbox' | 'live';
  /** Authenticates the raw bytes (constant-time); throws WebhookAuthError. Never parses first. May fetch keys. */
  verifyWebhook(req: WebhookRequest): void | Promise<void>;
  /** Parses an authenticated webhook into normalized events. */
  parseWebhook(req: WebhookRequest): ProviderEvent[];
  /**
   * Current state of several sessions (one batch call where the API has one, otherwise
   * concurrency-capped single calls). One entry per ref, in order: a view, or the error for that ref.
   * `current` is what we hold for each ref, same order (for APIs that need more than the ref).
   */
  fetchVerifications?(refs: readonly string[], current?: readonly ProviderVerificationView[]): Promise<(ProviderVerificationView | Error)[]>;
  /**
   * Optional: combines a view with what we hold, for providers whose webhooks carry only part of
   * a session (UpPass sends no form url; an Argos webhook lacks earlier OCR data). Without it the
   * view replaces the stored one.
   */
  mergeView?(current: ProviderVerificationView, incoming: ProviderVerificationView): ProviderVerificationView;
  /** Present on adapters that record user checks. */
  readonly checks?: CheckSource;
  /** Current state of several ingestions, like `fetchVerifications` (providers that ingest). */
  fetchIngestions?(refs: readonly IngestionRef[]): Promise<(ProviderIngestionView | Error)[]>;
  /** Present on adapters with a hosted end-user flow (`startVerification` routes over them). */
  readonly hostedFlow?: HostedFlow;
  /** Present in sandbox mode. */
  readonly simulator?: Simulator;
  /** Settings that weaken security (e.g. webhooks without auth); logged as warnings at start. */
  readonly startupWarnings?: readonly { setting: string; message: string }[];
  close(): Promise<void>;
}
