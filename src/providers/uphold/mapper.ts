// Uphold KYC Connector wire types (the provider's own field names) and their mapping to the
// unified Ingestion model. Seed: ../shared/seeds/uphold-kyc-connector.txt;
// facts: ../shared/provider-specs/uphold.md
import { z } from 'zod/v4';
import type {
  IngestionProcessResult,
  IngestionProcessStatus,
  IngestionSource,
  IngestionSourceSession,
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

// Wire schemas (zod) from provider-specs/uphold.md ("Ingestion endpoints", "Webhooks", "Get KYC
// Overview", "Hosts and auth") and the seed's result example (uphold-kyc-connector.txt l.50-56).
// Every answer and webhook body is parsed with them (../parse.ts). Fields the mapping needs are
// required; the rest may be null or absent (the spec lists fields, not their nullability).
const nullableStr = z.string().nullable().optional();
const processName = z.enum(UPHOLD_PROCESSES);

/** POST /kyc-connector/sumsub/ingestions */
export const UpholdSumsubCreateRequestSchema = z.object({ shareToken: z.string().min(1), processes: z.array(processName).min(1) });
export type UpholdSumsubCreateRequest = z.infer<typeof UpholdSumsubCreateRequestSchema>;

export const UpholdVeriffSessionSchema = z.object({ processes: z.array(processName).min(1), sessionId: z.string().min(1), integrationName: z.string().min(1) });
export type UpholdVeriffSession = z.infer<typeof UpholdVeriffSessionSchema>;

/** POST /kyc-connector/veriff/ingestions: an IDV session and a PoA session may go in one ingestion. */
export const UpholdVeriffCreateRequestSchema = z.object({ processes: z.array(processName).min(1), sessions: z.array(UpholdVeriffSessionSchema).min(1) });
export type UpholdVeriffCreateRequest = z.infer<typeof UpholdVeriffCreateRequestSchema>;

export type UpholdCreateRequest = UpholdSumsubCreateRequest | UpholdVeriffCreateRequest;

export const UpholdFileSchema = z.object({
  id: z.string(),
  category: nullableStr,
  context: nullableStr,
  contentType: nullableStr,
  size: z.number().nullable().optional(),
  providerDetails: z.record(z.string(), z.unknown()).nullable().optional(),
});
export type UpholdFile = z.infer<typeof UpholdFileSchema>;

export const UpholdProcessResultSchema = z.object({
  status: z.enum(UPHOLD_PROCESS_STATUSES),
  data: z.record(z.string(), z.unknown()).nullable().optional(),
  files: z.array(UpholdFileSchema).nullable().optional(),
  error: z.object({ code: z.string(), message: nullableStr }).nullable().optional(),
});
export type UpholdProcessResult = z.infer<typeof UpholdProcessResultSchema>;

/** The ingestion object, wrapped as `{"ingestion": {…}}` in single responses and webhooks. */
export const UpholdIngestionSchema = z.object({
  id: z.string().min(1),
  userId: z.string(),
  status: z.enum(UPHOLD_INGESTION_STATUSES),
  processes: z.array(processName),
  provider: z.enum(UPHOLD_SOURCES),
  parameters: z.union([z.object({ shareToken: z.string() }), z.object({ sessions: z.array(UpholdVeriffSessionSchema) })]),
  result: z
    .object({
      profile: UpholdProcessResultSchema.optional(),
      address: UpholdProcessResultSchema.optional(),
      identity: UpholdProcessResultSchema.optional(),
      proofOfAddress: UpholdProcessResultSchema.optional(),
    })
    .nullable()
    .optional(),
  startedAt: nullableStr,
  finishedAt: nullableStr,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type UpholdIngestion = z.infer<typeof UpholdIngestionSchema>;

export const UpholdIngestionEnvelopeSchema = z.object({ ingestion: UpholdIngestionSchema });
export type UpholdIngestionEnvelope = z.infer<typeof UpholdIngestionEnvelopeSchema>;

/** GET /kyc-connector/{provider}/ingestions */
export const UpholdIngestionListSchema = z.object({
  ingestions: z.array(UpholdIngestionSchema),
  pagination: z.object({ first: nullableStr, next: nullableStr }),
});
export type UpholdIngestionList = z.infer<typeof UpholdIngestionListSchema>;

export const webhookTypes = (source: UpholdSource) =>
  [`kyc-connector.${source}.ingestion.created`, `kyc-connector.${source}.ingestion.status-changed`] as const;
const WEBHOOK_TYPES = UPHOLD_SOURCES.flatMap((s) => webhookTypes(s)) as [string, ...string[]];

/** Webhook body: `{id, type, createdAt, data: {ingestion}}` (provider-specs/uphold.md, "Webhooks"). */
export const UpholdWebhookEventSchema = z.object({
  id: z.string().min(1),
  type: z.enum(WEBHOOK_TYPES),
  createdAt: z.string(),
  data: UpholdIngestionEnvelopeSchema,
});
export type UpholdWebhookEvent = z.infer<typeof UpholdWebhookEventSchema>;

/** POST /core/oauth2/token response. */
export const UpholdTokenResponseSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().positive(),
  scope: z.string().optional(),
  token_type: z.string().regex(/^bearer$/i),
});
export type UpholdTokenResponse = z.infer<typeof UpholdTokenResponseSchema>;

/** GET /core/kyc response. */
export const UpholdKycOverviewSchema = z.object({
  summary: z.object({ status: z.string(), reason: nullableStr }),
  processes: z.record(z.string(), z.object({ status: z.string(), reason: nullableStr }).passthrough()),
});
export type UpholdKycOverview = z.infer<typeof UpholdKycOverviewSchema>;

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
  return UpholdIngestionSchema.safeParse(x).success;
}

function sourceRef(i: UpholdIngestion): string {
  const p = i.parameters as { shareToken?: string; sessions?: UpholdVeriffSession[] } | undefined;
  return p?.shareToken ?? p?.sessions?.[0]?.sessionId ?? '';
}

function sourceSessions(i: UpholdIngestion): IngestionSourceSession[] {
  const p = i.parameters as { shareToken?: string; sessions?: UpholdVeriffSession[] } | undefined;
  if (p?.sessions) return p.sessions.map((s) => ({ ref: s.sessionId, processes: s.processes.map((x) => UPHOLD_TO_PROCESS[x]), integrationName: s.integrationName ?? null }));
  return [{ ref: p?.shareToken ?? '', processes: i.processes.map((x) => UPHOLD_TO_PROCESS[x]), integrationName: null }];
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
        providerDetails: f.providerDetails ?? null,
      })),
      error: r?.error ? { code: r.error.code, message: r.error.message ?? null } : null,
    };
  });
  return {
    providerRef: i.id,
    source: i.provider === 'sumsub' ? 'SUMSUB' : 'VERIFF',
    sourceVerificationRef: sourceRef(i),
    sourceSessions: sourceSessions(i),
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
