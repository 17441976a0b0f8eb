// Uphold KYC Connector wire types (the provider's own field names) and their mapping to the
// unified Ingestion model. Seed: ../shared/seeds/uphold-kyc-connector.txt;
// facts: ../shared/provider-specs/uphold.md
import type {
  IngestionProcessResult,
  IngestionProcessStatus,
  IngestionSource,
  IngestionStatus,
  KycProcess,
  ProviderIngestionView,
} from '../../domain/ingestion.js';

/** Source providers, lower case as in the paths `/kyc-connector/{provider}/ingestions`. */
export const UPHOLD_SOURCES = ['sumsub', 'veriff'] as const;
export type UpholdSource = (typeof UPHOLD_SOURCES)[number];

/** Process names in requests are kebab-case… */
export const UPHOLD_PROCESSES = ['profile', 'address', 'identity', 'proof-of-address'] as const;
export type UpholdProcess = (typeof UPHOLD_PROCESSES)[number];
/** …and result keys are camelCase (provider-specs/uphold.md, "Ingestion endpoints"). */
export const UPHOLD_RESULT_KEYS = ['profile', 'address', 'identity', 'proofOfAddress'] as const;
export type UpholdResultKey = (typeof UPHOLD_RESULT_KEYS)[number];

export const UPHOLD_INGESTION_STATUSES = ['queued', 'running', 'finished'] as const;
export type UpholdIngestionStatus = (typeof UPHOLD_INGESTION_STATUSES)[number];
export const UPHOLD_PROCESS_STATUSES = ['processing', 'completed', 'failed'] as const;
export type UpholdProcessStatus = (typeof UPHOLD_PROCESS_STATUSES)[number];

/** KYC overview process statuses (GET /core/kyc). */
export const UPHOLD_KYC_STATUSES = ['exempt', 'pending', 'processing', 'ok', 'failed'] as const;

/** POST /kyc-connector/sumsub/ingestions */
export interface UpholdSumsubCreateRequest {
  shareToken: string;
  processes: UpholdProcess[];
}

export interface UpholdVeriffSession {
  processes: UpholdProcess[];
  sessionId: string;
  integrationName: string;
}

/** POST /kyc-connector/veriff/ingestions */
export interface UpholdVeriffCreateRequest {
  processes: UpholdProcess[];
  sessions: UpholdVeriffSession[];
}

export type UpholdCreateRequest = UpholdSumsubCreateRequest | UpholdVeriffCreateRequest;

export interface UpholdFile {
  id: string;
  category: string | null;
  context: string | null;
  contentType: string | null;
  size: number | null;
  providerDetails?: Record<string, unknown> | null;
}

export interface UpholdProcessResult {
  status: UpholdProcessStatus;
  data?: Record<string, unknown> | null;
  files?: UpholdFile[];
  error?: { code: string; message?: string | null } | null;
}

/** The ingestion object, wrapped as `{"ingestion": {…}}` in single responses and webhooks. */
export interface UpholdIngestion {
  id: string;
  userId: string;
  status: UpholdIngestionStatus;
  processes: UpholdProcess[];
  provider: UpholdSource;
  parameters: { shareToken: string } | { sessions: UpholdVeriffSession[] };
  result: Partial<Record<UpholdResultKey, UpholdProcessResult>>;
  startedAt: string | null;
  finishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface UpholdIngestionEnvelope {
  ingestion: UpholdIngestion;
}

/** GET /kyc-connector/{provider}/ingestions */
export interface UpholdIngestionList {
  ingestions: UpholdIngestion[];
  pagination: { first: string | null; next: string | null };
}

/** Webhook body: `{id, type, createdAt, data: {ingestion}}` (provider-specs/uphold.md, "Webhooks"). */
export interface UpholdWebhookEvent {
  id: string;
  type: string;
  createdAt: string;
  data: UpholdIngestionEnvelope;
}

export const webhookTypes = (source: UpholdSource) =>
  [`kyc-connector.${source}.ingestion.created`, `kyc-connector.${source}.ingestion.status-changed`] as const;

/** POST /core/oauth2/token response. */
export interface UpholdTokenResponse {
  access_token: string;
  expires_in: number;
  scope: string;
  token_type: 'Bearer';
}

/** GET /core/kyc response. */
export interface UpholdKycOverview {
  summary: { status: string; reason: string };
  processes: Record<string, { status: string; reason?: string }>;
}

/**
 * Error body. The material shows none for the enterprise API; we use Uphold's long-standing
 * `{code, message, errors?}` shape (README, "Uphold KYC Connector").
 */
export interface UpholdError {
  code: string;
  message: string;
  errors?: Record<string, { code: string; message: string }[]>;
}

const PROCESS_TO_UPHOLD: Record<KycProcess, UpholdProcess> = {
  PROFILE: 'profile',
  ADDRESS: 'address',
  IDENTITY: 'identity',
  PROOF_OF_ADDRESS: 'proof-of-address',
};
const UPHOLD_TO_PROCESS: Record<UpholdProcess, KycProcess> = {
  profile: 'PROFILE',
  address: 'ADDRESS',
  identity: 'IDENTITY',
  'proof-of-address': 'PROOF_OF_ADDRESS',
};
export const RESULT_KEY: Record<UpholdProcess, UpholdResultKey> = {
  profile: 'profile',
  address: 'address',
  identity: 'identity',
  'proof-of-address': 'proofOfAddress',
};

export const toUpholdProcess = (p: KycProcess): UpholdProcess => PROCESS_TO_UPHOLD[p];
export const toUpholdSource = (s: IngestionSource): UpholdSource => (s === 'SUMSUB' ? 'sumsub' : 'veriff');

const STATUS: Record<UpholdIngestionStatus, IngestionStatus> = { queued: 'QUEUED', running: 'RUNNING', finished: 'FINISHED' };
const PROCESS_STATUS: Record<UpholdProcessStatus, IngestionProcessStatus> = {
  processing: 'PROCESSING',
  completed: 'COMPLETED',
  failed: 'FAILED',
};

export function isUpholdIngestion(x: unknown): x is UpholdIngestion {
  if (!x || typeof x !== 'object') return false;
  const i = x as Record<string, unknown>;
  return (
    typeof i.id === 'string' &&
    (UPHOLD_INGESTION_STATUSES as readonly unknown[]).includes(i.status) &&
    (UPHOLD_SOURCES as readonly unknown[]).includes(i.provider) &&
    Array.isArray(i.processes) &&
    i.processes.every((p) => (UPHOLD_PROCESSES as readonly unknown[]).includes(p))
  );
}

function sourceRef(i: UpholdIngestion): string {
  const p = i.parameters as { shareToken?: string; sessions?: UpholdVeriffSession[] } | undefined;
  return p?.shareToken ?? p?.sessions?.[0]?.sessionId ?? '';
}

export function toIngestionView(i: UpholdIngestion): ProviderIngestionView {
  const results: IngestionProcessResult[] = i.processes.map((p) => {
    const r = i.result?.[RESULT_KEY[p]];
    return {
      process: UPHOLD_TO_PROCESS[p],
      // a process without a result yet is still being worked on
      status: r ? PROCESS_STATUS[r.status] ?? 'PROCESSING' : 'PROCESSING',
      data: r?.data ?? null,
      files: (r?.files ?? []).map((f) => ({
        id: f.id,
        category: f.category ?? null,
        context: f.context ?? null,
        contentType: f.contentType ?? null,
        size: f.size ?? null,
      })),
      error: r?.error ? { code: r.error.code, message: r.error.message ?? null } : null,
    };
  });
  return {
    providerRef: i.id,
    source: i.provider === 'sumsub' ? 'SUMSUB' : 'VERIFF',
    sourceVerificationRef: sourceRef(i),
    userId: i.userId ?? null,
    processes: i.processes.map((p) => UPHOLD_TO_PROCESS[p]),
    status: STATUS[i.status],
    providerStatus: i.status,
    results,
    startedAt: i.startedAt ?? null,
    finishedAt: i.finishedAt ?? null,
    providerUpdatedAt: i.updatedAt ?? null,
  };
}
