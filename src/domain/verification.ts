// The unified Verification model every provider maps into, and the pure rules for changing it.
import { globalIdOf } from './global-id.js';
import { isoAt } from './iso-time.js';
import { extend } from './objects.js';
import { sameJsonSharing } from './same-json.js';
import { isBehind, type Lifecycle, withHistory } from './transition.js';

export const PROVIDERS = ['UPPASS', 'PAWAPASS', 'ARGOS', 'UPVEST', 'UPHOLD'] as const;
export type Provider = (typeof PROVIDERS)[number];

export const VERIFICATION_STATUSES = [
  'CREATED',
  'IN_PROGRESS',
  'IN_REVIEW',
  'RETRY_REQUIRED',
  'APPROVED',
  'DECLINED',
  'EXPIRED',
] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];
export const FINAL_STATUSES: ReadonlySet<VerificationStatus> = new Set(['APPROVED', 'DECLINED', 'EXPIRED']);

export interface IdentityDocument {
  type: string | null;
  country: string | null;
  serialNo: string | null;
  nationalNo: string | null;
  firstName: string | null;
  lastName: string | null;
  dateOfBirth: string | null;
  placeOfBirth: string | null;
  nationality: string | null;
  expiryAt: string | null;
  issuedAt: string | null;
  issuingAuthority: string | null;
  placeOfIssue: string | null;
  createdAt: string | null;
  updatedAt: string | null;
}

export interface FaceScan {
  ageEstimation: string | null;
  createdAt: string | null;
  updatedAt: string | null;
}

export interface StatusChange {
  status: VerificationStatus;
  providerStatus: string;
  at: string;
}

/** Provider-specific extras, tagged by `kind` (a GraphQL union member name). */
export type VerificationDetails = { kind: string } & Record<string, unknown>;

/** What a provider tells us about one session, already mapped to unified names. */
export interface ProviderVerificationView {
  providerRef: string;
  status: VerificationStatus;
  providerStatus: string;
  externalId: string | null;
  url: string | null;
  country: string | null;
  identityDocument: IdentityDocument | null;
  faceScan: FaceScan | null;
  reviewReason: string | null;
  retriesLeft: number | null;
  metadata: unknown;
  details: VerificationDetails | null;
  expiresAt: string | null;
  /** The provider's own last-change time, used to ignore out-of-order updates. */
  providerUpdatedAt: string | null;
}

export interface VerificationRecord extends ProviderVerificationView {
  id: string;
  provider: Provider;
  tenant: string;
  subjectId: string | null;
  history: StatusChange[];
  createdAt: string;
  updatedAt: string;
  /** When we last heard from the provider (create, webhook or refresh). */
  syncedAt: string;
  /** Stored version (set by the store on read; compare-and-set on write). */
  version?: number;
  /** The event that produced the stored change, so a re-processed webhook can publish it again (deduplicated by key). */
  lastEvent?: StoredEventRef | null;
  /** The scoped idempotency key that created it, if any (erasure forgets its stored result). */
  idempotencyKey?: string | null;
  /** A routed start (startVerification): the providers that were unavailable before this one, in order. */
  routedAttempts?: RoutedAttempt[];
}

/** One unavailable provider a routed start moved on from. */
export interface RoutedAttempt {
  provider: Provider;
  /** `PROVIDER_UNAVAILABLE` (called) or `CIRCUIT_OPEN` (not called). */
  code: string;
  message: string;
}

/** Which event a stored change came from. */
export interface StoredEventRef {
  key: string;
  previousStatus: string | null;
}

/** Opaque global id: base64url of `Verification:<PROVIDER>:<providerRef>`. */
export const verificationId: (provider: Provider, providerRef: string) => string = globalIdOf('Verification');

export function parseVerificationId(id: string): { provider: Provider; providerRef: string } | null {
  const decoded = Buffer.from(id, 'base64url').toString('utf8');
  const m = /^Verification:([A-Z]+):(.+)$/s.exec(decoded);
  if (!m || !(PROVIDERS as readonly string[]).includes(m[1])) return null;
  if (verificationId(m[1] as Provider, m[2]) !== id) return null;
  return { provider: m[1] as Provider, providerRef: m[2] };
}

export function newVerificationRecord(
  provider: Provider,
  tenant: string,
  subjectId: string | null,
  view: ProviderVerificationView,
  now: Date,
): VerificationRecord {
  const at = now.toISOString();
  return extend(view, {
    id: verificationId(provider, view.providerRef),
    provider,
    tenant,
    subjectId,
    history: [{ status: view.status, providerStatus: view.providerStatus, at }],
    createdAt: at,
    updatedAt: at,
    syncedAt: at,
  });
}

export interface AppliedView {
  record: VerificationRecord;
  /** False when the view carried nothing new (a duplicate or an out-of-order update). */
  changed: boolean;
  previousStatus: VerificationStatus;
}

/** A record's own keys (not part of the provider's view). */
const RECORD_ONLY = ['id', 'provider', 'tenant', 'subjectId', 'history', 'createdAt', 'updatedAt', 'syncedAt', 'version', 'lastEvent', 'idempotencyKey', 'routedAttempts'] as const;
const SKIP_ON_RECORD: ReadonlySet<string> = new Set<string>([...RECORD_ONLY, 'providerUpdatedAt']);
const SKIP_ON_VIEW: ReadonlySet<string> = new Set<string>(['providerUpdatedAt']);

/**
 * Whether the record holds the same provider view, whatever the provider's own timestamp says
 * (the record's own keys left out), compared in place (this runs per webhook); each part of the
 * view that is exactly what the record holds is set in `into` to the record's own
 * (`sameJsonSharing`).
 */
const sameView = (current: VerificationRecord, view: ProviderVerificationView, into: VerificationRecord) => sameJsonSharing(current, view, SKIP_ON_RECORD, SKIP_ON_VIEW, into);

/** Lifecycle rank (DESIGN "Statuses never go back"); RETRY_REQUIRED → IN_PROGRESS is a new attempt. */
export const VERIFICATION_LIFECYCLE: Lifecycle<VerificationStatus> = {
  rank: { CREATED: 0, IN_PROGRESS: 1, IN_REVIEW: 2, RETRY_REQUIRED: 3, APPROVED: 4, DECLINED: 4, EXPIRED: 4 },
  isFinal: (s) => FINAL_STATUSES.has(s),
  isCycle: (from, to) => from === 'RETRY_REQUIRED' && (to === 'IN_PROGRESS' || to === 'CREATED'),
};

/**
 * Merges a fresh provider view into a stored record. A view behind what we hold (a final status
 * is terminal; else the provider's timestamp, else lifecycle rank) changes nothing, so late,
 * duplicated or re-ordered webhooks and refreshes never move a status backwards.
 */
export function applyView(current: VerificationRecord, view: ProviderVerificationView, now: Date): AppliedView {
  const previousStatus = current.status;
  const at = isoAt(now.getTime());
  if (isBehind(VERIFICATION_LIFECYCLE, current, view)) {
    return { record: { ...current, syncedAt: at }, changed: false, previousStatus };
  }
  // the record's own keys set after the view's (objects.ts: not a literal after a spread)
  const record: VerificationRecord = extend(view, {
    id: current.id,
    provider: current.provider,
    tenant: current.tenant,
    subjectId: current.subjectId,
    createdAt: current.createdAt,
    history: withHistory(current.history, { status: view.status, providerStatus: view.providerStatus, at }),
    updatedAt: at,
    syncedAt: at,
  });
  const changed = !sameView(current, view, record);
  if (!changed) record.updatedAt = current.updatedAt;
  if (current.version !== undefined) record.version = current.version;
  if (current.lastEvent !== undefined) record.lastEvent = current.lastEvent;
  if (current.idempotencyKey) record.idempotencyKey = current.idempotencyKey;
  if (current.routedAttempts?.length) record.routedAttempts = current.routedAttempts;
  return { record, changed, previousStatus };
}

export const isFinal = (s: VerificationStatus) => FINAL_STATUSES.has(s);
