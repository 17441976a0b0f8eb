// The unified Check model (a user check recorded at a broker: KYC, proof of residency,
// instrument fit, compliance) and the pure rules for changing it. Field sets follow the Upvest
// user-checks seed, the one check provider today.

import { extend } from './objects.js';
import { sameJson } from './same-json.js';
import { isBehind, type Lifecycle } from './transition.js';

export const CHECK_TYPES = ['KYC', 'POR', 'INSTRUMENT_FIT', 'COMPLIANCE'] as const;
export type CheckType = (typeof CHECK_TYPES)[number];

export const CHECK_STATUSES = ['IN_PROGRESS', 'PASSED', 'FAILED'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];
export const FINAL_CHECK_STATUSES: ReadonlySet<CheckStatus> = new Set(['PASSED', 'FAILED']);

export const KYC_DOCUMENT_TYPES = ['PASSPORT', 'ID_CARD', 'RESIDENCE_PERMIT'] as const;
export type KycDocumentType = (typeof KYC_DOCUMENT_TYPES)[number];

export const KYC_METHODS = ['VIDEO_ID', 'IN_PERSON_ID', 'ELECTRONIC_ID', 'LIVENESS_PHOTO_ID'] as const;
export type KycMethod = (typeof KYC_METHODS)[number];

export const POR_DOCUMENT_TYPES = [
  'UTILITY_BILL',
  'TELEPHONE_BILL',
  'INTERNET_BILL',
  'BANK_STATEMENT',
  'REGISTRATION_CERT',
  'RESIDENCE_PERMIT',
  'ID_CARD',
] as const;
export type PorDocumentType = (typeof POR_DOCUMENT_TYPES)[number];

export interface ConfirmedAddress {
  addressLine1: string;
  addressLine2: string | null;
  postcode: string;
  city: string;
  state: string | null;
  country: string;
}

interface CheckBase {
  /** The provider's check id. */
  id: string;
  userId: string;
  type: CheckType;
  status: CheckStatus;
  /** When the check was completed (`check_confirmed_at`). */
  confirmedAt: string | null;
}

export interface KycCheck extends CheckBase {
  type: 'KYC';
  dataDownloadLink: string | null;
  documentType: KycDocumentType | null;
  documentExpirationDate: string | null;
  nationality: string | null;
  provider: string | null;
  method: KycMethod | null;
  confirmedAddress: ConfirmedAddress | null;
  kycUpdate: boolean | null;
}

export interface ProofOfResidencyCheck extends CheckBase {
  type: 'POR';
  issuanceDate: string | null;
  dataDownloadLink: string | null;
  documentType: PorDocumentType | null;
  confirmedAddress: ConfirmedAddress | null;
}

export interface InstrumentFitCheck extends CheckBase {
  type: 'INSTRUMENT_FIT';
  instrumentSuitability: { suitability: boolean } | null;
}

export interface ComplianceCheck extends CheckBase {
  type: 'COMPLIANCE';
}

export type Check = KycCheck | ProofOfResidencyCheck | InstrumentFitCheck | ComplianceCheck;

/** A check created through this API, as the store keeps it (indexed by tenant and user). */
export type CheckRecord = Check & {
  tenant: string;
  /** The user id, so the store's per-subject index lists a user's checks. */
  subjectId: string;
  createdAt: string;
  updatedAt: string;
  /** Stored version (set by the store on read). */
  version?: number;
  /** The event that produced the stored change (see VerificationRecord.lastEvent). */
  lastEvent?: { key: string; previousStatus: string | null } | null;
};

/** What a provider can do with checks; an adapter that offers checks exposes one. */
export interface CheckSource {
  /** Every check of a user (one upstream call). */
  listChecks(userId: string): Promise<Check[]>;
  /** One check, or null when the provider has none with this id. */
  getCheck(userId: string, id: string): Promise<Check | null>;
}

/** The payload of a `check` bus event: the check right after the change. */
export interface CheckChange {
  check: CheckRecord;
}

export const CHECK_LIFECYCLE: Lifecycle<CheckStatus> = {
  rank: { IN_PROGRESS: 0, PASSED: 1, FAILED: 1 },
  isFinal: (s) => FINAL_CHECK_STATUSES.has(s),
};

export interface AppliedCheck {
  record: CheckRecord;
  /** False when the update carried nothing new, or would move a final status backwards. */
  changed: boolean;
}

/**
 * Merges what the provider reports into the stored record. A status never moves backwards
 * (webhook bundles are unordered across requests), and a final status never changes.
 */
export function applyCheck(current: CheckRecord, reported: Check, now: Date): AppliedCheck {
  if (isBehind(CHECK_LIFECYCLE, current, reported)) {
    return { record: current, changed: false };
  }
  const { tenant, subjectId, createdAt } = current;
  const next = extend(current, reported, { tenant, subjectId, createdAt }) as CheckRecord;
  const changed = !sameJson({ ...next, updatedAt: null }, { ...current, updatedAt: null });
  return { record: changed ? { ...next, updatedAt: now.toISOString() } : current, changed };
}

export function newCheckRecord(check: Check, tenant: string, now: Date): CheckRecord {
  const at = now.toISOString();
  return extend(check, { tenant, subjectId: check.userId, createdAt: at, updatedAt: at });
}
