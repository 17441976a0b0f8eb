// pawaPass wire types (the seed's own field names) and their mapping to the unified model.
// Seed: ../shared/seeds/pawapass-create-verification.txt; facts: ../shared/provider-specs/pawapass.md
import type { IdentityDocument, ProviderVerificationView, VerificationStatus } from '../../domain/verification.js';
import type { HostedStartFields } from '../contract.js';

export const PAWAPASS_STATUSES = [
  'CREATED',
  'STARTED',
  'USER_DATA_COLLECTED',
  'REVIEW',
  'APPROVED',
  'DECLINED',
  'EXPIRED',
] as const;
export type PawaPassStatus = (typeof PAWAPASS_STATUSES)[number];

// seed: "country" enum
export const PAWAPASS_COUNTRIES = [
  'AO', 'BJ', 'CM', 'CD', 'CG', 'GH', 'KE', 'LS', 'LR', 'MW', 'ML', 'MZ', 'NG', 'RW', 'SL', 'TZ', 'TG', 'UG', 'ZM',
] as const;
export type PawaPassCountry = (typeof PAWAPASS_COUNTRIES)[number];

export const PAWAPASS_REQUIREMENT_TYPES = ['DOCUMENT_SCAN', 'FACE_SCAN'] as const;
export const PAWAPASS_REVIEW_REASONS = ['CAPTURE_ISSUE', 'DOCUMENT_VALIDITY', 'IMAGE_QUALITY', 'GENERIC'] as const;
export const PAWAPASS_DOCUMENT_TYPES = [
  'PASSPORT', 'NATIONAL_ID', 'DRIVER_LICENSE', 'REFUGEE_ID', 'VOTER_ID', 'RESIDENCE_PERMIT',
] as const;
export const PAWAPASS_AGE_ESTIMATIONS = [
  'UNDER_8', 'OVER_8', 'OVER_13', 'OVER_16', 'OVER_18', 'OVER_21', 'OVER_25', 'OVER_30', 'UNKNOWN',
] as const;

export interface PawaPassRequirement {
  type: (typeof PAWAPASS_REQUIREMENT_TYPES)[number];
  options?: { previousVerificationId?: string };
}

/** Body of POST /v2/verifications/. */
export interface PawaPassCreateRequest {
  externalId: string;
  requirements: PawaPassRequirement[];
  successUrl: string;
  errorUrl: string;
  supportUrl: string;
  country?: string;
  phoneNo?: string;
  metadata?: Record<string, unknown>;
  expiresAt?: string;
  createdBy?: string;
}

export interface PawaPassIdentityDocument {
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

/** The verification object: create/get response and webhook `data`. */
export interface PawaPassVerification {
  id: string;
  externalId: string;
  country: string | null;
  phoneNo: string | null;
  requirements: PawaPassRequirement[];
  url: string;
  status: PawaPassStatus;
  metadata: Record<string, unknown> | null;
  successUrl: string;
  errorUrl: string;
  supportUrl: string;
  identityDocument: PawaPassIdentityDocument | null;
  faceScan: { ageEstimation: string | null; createdAt: string | null; updatedAt: string | null } | null;
  reviewResult: { reason: string | null } | null;
  createdBy: string | null;
  expiresAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** GET /v2/verifications response. */
export interface PawaPassList {
  items: PawaPassVerification[];
  count: number;
}

/** Webhook body (provider-specs/pawapass.md, "Webhooks"). */
export interface PawaPassNotification {
  notificationId: string;
  type: 'VERIFICATION.STATUS_CHANGE' | 'VERIFICATION.IDENTITY_DOCUMENT_CHANGE';
  object: 'VERIFICATION';
  createdAt: string;
  data: PawaPassVerification;
}

/** Error body. 401/403 are documented; other codes use the same shape (our choice, see README). */
export interface PawaPassError {
  statusCode: number;
  code: string;
  message: string;
  errors?: { field: string; message: string }[];
}

// USER_DATA_COLLECTED: the person is done and pawaPass is processing what was captured, so
// for a UI it is "in review" (nothing more the end user can do).
const STATUS_MAP: Record<PawaPassStatus, VerificationStatus> = {
  CREATED: 'CREATED',
  STARTED: 'IN_PROGRESS',
  USER_DATA_COLLECTED: 'IN_REVIEW',
  REVIEW: 'IN_REVIEW',
  APPROVED: 'APPROVED',
  DECLINED: 'DECLINED',
  EXPIRED: 'EXPIRED',
};

export function toUnifiedStatus(status: string): VerificationStatus {
  const mapped = STATUS_MAP[status as PawaPassStatus];
  if (!mapped) throw new Error(`unknown pawaPass status ${JSON.stringify(status)}`);
  return mapped;
}

export type PawaPassDetailsShape = {
  kind: 'PawaPassDetails';
  requirements: PawaPassRequirement[];
  phoneNo: string | null;
  successUrl: string;
  errorUrl: string;
  supportUrl: string;
  createdBy: string | null;
};

export function toView(v: PawaPassVerification): ProviderVerificationView {
  const doc = v.identityDocument;
  const identityDocument: IdentityDocument | null = doc
    ? {
        type: doc.type ?? null,
        country: doc.country ?? null,
        serialNo: doc.serialNo ?? null,
        nationalNo: doc.nationalNo ?? null,
        firstName: doc.firstName ?? null,
        lastName: doc.lastName ?? null,
        dateOfBirth: doc.dateOfBirth ?? null,
        placeOfBirth: doc.placeOfBirth ?? null,
        nationality: doc.nationality ?? null,
        expiryAt: doc.expiryAt ?? null,
        issuedAt: doc.issuedAt ?? null,
        issuingAuthority: doc.issuingAuthority ?? null,
        placeOfIssue: doc.placeOfIssue ?? null,
        createdAt: doc.createdAt ?? null,
        updatedAt: doc.updatedAt ?? null,
      }
    : null;
  const details: PawaPassDetailsShape = {
    kind: 'PawaPassDetails',
    requirements: v.requirements ?? [],
    phoneNo: v.phoneNo ?? null,
    successUrl: v.successUrl,
    errorUrl: v.errorUrl,
    supportUrl: v.supportUrl,
    createdBy: v.createdBy ?? null,
  };
  return {
    providerRef: v.id,
    status: toUnifiedStatus(v.status),
    providerStatus: v.status,
    externalId: v.externalId ?? null,
    url: v.url ?? null,
    country: v.country ?? null,
    identityDocument,
    faceScan: v.faceScan
      ? { ageEstimation: v.faceScan.ageEstimation ?? null, createdAt: v.faceScan.createdAt ?? null, updatedAt: v.faceScan.updatedAt ?? null }
      : null,
    reviewReason: v.reviewResult?.reason ?? null,
    retriesLeft: null,
    metadata: v.metadata ?? null,
    details,
    expiresAt: v.expiresAt ?? null,
    providerUpdatedAt: v.updatedAt ?? null,
  };
}

/**
 * The routed start's common fields as a pawaPass create request (seed: POST /v2/verifications):
 * `externalId` is the subject id, the end user scans a document and the face; urls, phone,
 * metadata and expiry pass through. `lang` has no pawaPass field. A missing url is the field's
 * problem (pawaPass requires all three).
 */
export function hostedCreateRequest(f: HostedStartFields): { ok: true; body: PawaPassCreateRequest } | { ok: false; field: keyof HostedStartFields; message: string } {
  for (const field of ['successUrl', 'errorUrl', 'supportUrl'] as const) {
    if (!f[field]) return { ok: false, field, message: 'is required when the start may go to PAWAPASS (pawaPass redirects the end user there)' };
  }
  if (!(PAWAPASS_COUNTRIES as readonly string[]).includes(f.country)) return { ok: false, field: 'country', message: `is not a country PAWAPASS serves (${PAWAPASS_COUNTRIES.join(', ')})` };
  const body: PawaPassCreateRequest = {
    externalId: f.subjectId,
    requirements: [{ type: 'DOCUMENT_SCAN' }, { type: 'FACE_SCAN' }],
    successUrl: f.successUrl!,
    errorUrl: f.errorUrl!,
    supportUrl: f.supportUrl!,
    country: f.country,
  };
  if (f.phoneNo) body.phoneNo = f.phoneNo;
  if (f.metadata) body.metadata = f.metadata;
  if (f.expiresAt) body.expiresAt = f.expiresAt.toISOString();
  return { ok: true, body };
}
