// The unified Ingestion model (DESIGN.md): an approved verification at a source provider copied
// into a platform's KYC processes, and the pure rules for changing it.
import { globalIdOf } from './global-id.js';
import { extend } from './objects.js';
import { sameJson } from './same-json.js';
import { isBehind, type Lifecycle, withHistory } from './transition.js';
import type { Provider, StoredEventRef } from './verification.js';

export const INGESTION_SOURCES = ['SUMSUB', 'VERIFF'] as const;
export type IngestionSource = (typeof INGESTION_SOURCES)[number];

export const KYC_PROCESSES = ['PROFILE', 'ADDRESS', 'IDENTITY', 'PROOF_OF_ADDRESS'] as const;
export type KycProcess = (typeof KYC_PROCESSES)[number];

export const INGESTION_STATUSES = ['QUEUED', 'RUNNING', 'FINISHED'] as const;
export type IngestionStatus = (typeof INGESTION_STATUSES)[number];

export const INGESTION_PROCESS_STATUSES = ['PROCESSING', 'COMPLETED', 'FAILED'] as const;
export type IngestionProcessStatus = (typeof INGESTION_PROCESS_STATUSES)[number];

/** A status only moves forward: QUEUED → RUNNING → FINISHED. */
export const INGESTION_LIFECYCLE: Lifecycle<IngestionStatus> = {
  rank: { QUEUED: 0, RUNNING: 1, FINISHED: 2 },
  isFinal: (s) => s === 'FINISHED',
};

export interface IngestionError {
  code: string;
  message: string | null;
}

export interface IngestionFile {
  id: string;
  category: string | null;
  context: string | null;
  contentType: string | null;
  size: number | null;
  /** The source provider's own data about the file (Uphold `providerDetails`), free-form. */
  providerDetails?: unknown;
}

/** One source verification of an ingestion (Veriff: an IDV and a PoA session may be combined). */
export interface IngestionSourceSession {
  ref: string;
  processes: KycProcess[];
  integrationName: string | null;
}

export interface IngestionProcessResult {
  process: KycProcess;
  status: IngestionProcessStatus;
  /** Extracted data as the provider normalized it; free-form. */
  data: unknown;
  files: IngestionFile[];
  error: IngestionError | null;
}

/** What a provider tells us about one ingestion, already mapped to unified names. */
export interface ProviderIngestionView {
  providerRef: string;
  source: IngestionSource;
  sourceVerificationRef: string;
  /** Every source verification the ingestion reads (one for Sumsub; one or more Veriff sessions). */
  sourceSessions?: IngestionSourceSession[];
  userId: string | null;
  processes: KycProcess[];
  status: IngestionStatus;
  providerStatus: string;
  /** One entry per requested process, in the order requested. */
  results: IngestionProcessResult[];
  startedAt: string | null;
  finishedAt: string | null;
  /** The provider's own last-change time, used to ignore out-of-order updates. */
  providerUpdatedAt: string | null;
}

export interface IngestionStatusChange {
  status: IngestionStatus;
  providerStatus: string;
  at: string;
}

export interface IngestionRecord extends ProviderIngestionView {
  id: string;
  provider: Provider;
  tenant: string;
  /** The user the ingestion is for (`userId`), so `KycSubject.ingestions` can list it. */
  subjectId: string | null;
  history: IngestionStatusChange[];
  createdAt: string;
  updatedAt: string;
  /** When we last heard from the provider (create, webhook or poll). */
  syncedAt: string;
  /** Stored version (set by the store on read). */
  version?: number;
  /** The event that produced the stored change (see VerificationRecord.lastEvent). */
  lastEvent?: StoredEventRef | null;
}

/** Where to find one ingestion at its provider. */
export interface IngestionRef {
  providerRef: string;
  source: IngestionSource;
  userId: string | null;
}

/** Opaque global id: base64url of `Ingestion:<PROVIDER>:<providerRef>`. */
export const ingestionId: (provider: Provider, providerRef: string) => string = globalIdOf('Ingestion');

export function parseIngestionId(id: string): { provider: Provider; providerRef: string } | null {
  const decoded = Buffer.from(id, 'base64url').toString('utf8');
  const m = /^Ingestion:([A-Z]+):(.+)$/s.exec(decoded);
  if (!m || ingestionId(m[1] as Provider, m[2]) !== id) return null;
  return { provider: m[1] as Provider, providerRef: m[2] };
}

export const isFinished = (s: IngestionStatus) => s === 'FINISHED';

export function newIngestionRecord(provider: Provider, tenant: string, view: ProviderIngestionView, now: Date): IngestionRecord {
  const at = now.toISOString();
  return extend(view, {
    id: ingestionId(provider, view.providerRef),
    provider,
    tenant,
    subjectId: view.userId,
    history: [{ status: view.status, providerStatus: view.providerStatus, at }],
    createdAt: at,
    updatedAt: at,
    syncedAt: at,
  });
}

export interface AppliedIngestionView {
  record: IngestionRecord;
  /** False when the view carried nothing new (a duplicate, a late or an out-of-order update). */
  changed: boolean;
  previousStatus: IngestionStatus;
}

const VIEW_KEYS = [
  'providerRef', 'source', 'sourceVerificationRef', 'sourceSessions', 'userId', 'processes', 'status', 'providerStatus', 'results', 'startedAt', 'finishedAt',
] as const;
const sameView = (a: ProviderIngestionView, b: ProviderIngestionView) => VIEW_KEYS.every((k) => sameJson(a[k] ?? null, b[k] ?? null));

/**
 * Merges a fresh provider view into a stored record. A view that is older (by the provider's own
 * timestamp) or behind in the lifecycle is ignored, so late webhooks never move an ingestion back.
 */
export function applyIngestionView(current: IngestionRecord, view: ProviderIngestionView, now: Date): AppliedIngestionView {
  const previousStatus = current.status;
  const at = now.toISOString();
  const older = isBehind(INGESTION_LIFECYCLE, current, view);
  if (older) return { record: { ...current, syncedAt: at }, changed: false, previousStatus };
  const changed = !sameView(current, view);
  return {
    // (objects.ts: not a literal after a spread)
    record: extend(current, view, {
      // the user an ingestion belongs to never changes; keep the one we indexed it under
      userId: current.userId ?? view.userId,
      history: withHistory(current.history, { status: view.status, providerStatus: view.providerStatus, at }),
      updatedAt: changed ? at : current.updatedAt,
      syncedAt: at,
    }),
    changed,
    previousStatus,
  };
}
