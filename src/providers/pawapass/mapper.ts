// pawaPass wire types (the seed's own field names) and their mapping to the unified model.
// Seed: ../shared/seeds/pawapass-create-verification.txt; facts: ../shared/provider-specs/pawapass.md
import { z } from 'zod/v4';
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

// Wire schemas (zod) from the seed (pawapass-create-verification.txt: request l.11-33, response
// l.35-87, field list l.220-417) and provider-specs/pawapass.md (list, webhook envelope). Every
// answer and webhook body is parsed with them (../parse.ts). Keys the seed marks "required" are
// required; "Null if not yet available" fields are nullable. `country`, `identityDocument.type`,
// `faceScan.ageEstimation` and `reviewResult.reason` are documented enums but only shown to
// clients, so a value added by pawaPass is kept rather than failing the call; `status` drives the
// lifecycle and must be one of the documented values.
// One instance per leaf schema, shared by every field that has that shape: each zod instance
// carries parse closures of its own, which V8 warms up and optimizes one by one. In a loop that
// flushes the CPU caches between parses, an object of 40 such fields took 32 µs with 40
// instances and 19–21 µs with one shared (docs/perf/webhook-path.md; in the server the
// difference was within the A/B's noise).
const str = z.string();
const nonEmptyStr = z.string().min(1);
const nullableStr = z.string().nullable();
const optionalNullableStr = nullableStr.optional();
const optionalStr = z.string().optional();
const httpUrl = z.string().regex(/^https?:\/\//);

export const PawaPassRequirementSchema = z.object({
  type: z.enum(PAWAPASS_REQUIREMENT_TYPES),
  options: z.object({ previousVerificationId: optionalStr }).optional(),
});
export type PawaPassRequirement = z.infer<typeof PawaPassRequirementSchema>;

/** Body of POST /v2/verifications/ (seed l.11-33, l.98-219). */
export const PawaPassCreateRequestSchema = z.object({
  externalId: nonEmptyStr,
  requirements: z.array(PawaPassRequirementSchema).min(1),
  successUrl: httpUrl,
  errorUrl: httpUrl,
  supportUrl: httpUrl,
  country: z.enum(PAWAPASS_COUNTRIES).optional(),
  phoneNo: optionalStr,
  metadata: z.record(str, z.unknown()).optional(),
  expiresAt: optionalStr,
  createdBy: optionalStr,
});
export type PawaPassCreateRequest = z.infer<typeof PawaPassCreateRequestSchema>;

export const PawaPassIdentityDocumentSchema = z.object({
  type: optionalNullableStr,
  country: optionalNullableStr,
  serialNo: optionalNullableStr,
  nationalNo: optionalNullableStr,
  firstName: optionalNullableStr,
  lastName: optionalNullableStr,
  dateOfBirth: optionalNullableStr,
  placeOfBirth: optionalNullableStr,
  nationality: optionalNullableStr,
  expiryAt: optionalNullableStr,
  issuedAt: optionalNullableStr,
  issuingAuthority: optionalNullableStr,
  placeOfIssue: optionalNullableStr,
  createdAt: optionalNullableStr,
  updatedAt: optionalNullableStr,
});
export type PawaPassIdentityDocument = z.infer<typeof PawaPassIdentityDocumentSchema>;

/** The verification object: create/get response and webhook `data` (seed l.35-87, l.220-417). */
export const PawaPassVerificationSchema = z.object({
  id: nonEmptyStr,
  externalId: str,
  country: nullableStr,
  phoneNo: nullableStr,
  requirements: z.array(PawaPassRequirementSchema),
  url: str,
  status: z.enum(PAWAPASS_STATUSES),
  metadata: z.unknown(),
  successUrl: str,
  errorUrl: str,
  supportUrl: str,
  identityDocument: PawaPassIdentityDocumentSchema.nullable(),
  faceScan: z.object({ ageEstimation: optionalNullableStr, createdAt: optionalNullableStr, updatedAt: optionalNullableStr }).nullable(),
  reviewResult: z.object({ reason: optionalNullableStr }).nullable(),
  createdBy: nullableStr,
  // seed: required date-time; a session created without expiresAt may report none, so null is accepted
  expiresAt: optionalNullableStr,
  createdAt: str,
  updatedAt: str,
});
export type PawaPassVerification = z.infer<typeof PawaPassVerificationSchema>;

/** GET /v2/verifications response (provider-specs/pawapass.md, "Endpoints"). */
export const PawaPassListSchema = z.object({ items: z.array(PawaPassVerificationSchema), count: z.number().int().nonnegative() });
export type PawaPassList = z.infer<typeof PawaPassListSchema>;

export const PAWAPASS_EVENT_TYPES = ['VERIFICATION.STATUS_CHANGE', 'VERIFICATION.IDENTITY_DOCUMENT_CHANGE'] as const;

/** Webhook body (provider-specs/pawapass.md, "Webhooks"). */
export const PawaPassNotificationSchema = z.object({
  notificationId: nonEmptyStr,
  type: z.enum(PAWAPASS_EVENT_TYPES),
  object: z.literal('VERIFICATION'),
  createdAt: str,
  data: PawaPassVerificationSchema,
});
export type PawaPassNotification = z.infer<typeof PawaPassNotificationSchema>;

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
  /** pawaPass's own `createdAt` of the verification (ours is when kyc-graph recorded it). */
  createdAt: string | null;
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
    createdAt: v.createdAt ?? null,
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
  const country = PAWAPASS_COUNTRIES.find((c) => c === f.country);
  if (!country) return { ok: false, field: 'country', message: `is not a country PAWAPASS serves (${PAWAPASS_COUNTRIES.join(', ')})` };
  const body: PawaPassCreateRequest = {
    externalId: f.subjectId,
    requirements: [{ type: 'DOCUMENT_SCAN' }, { type: 'FACE_SCAN' }],
    successUrl: f.successUrl!,
    errorUrl: f.errorUrl!,
    supportUrl: f.supportUrl!,
    country,
  };
  if (f.phoneNo) body.phoneNo = f.phoneNo;
  if (f.metadata) body.metadata = f.metadata;
  if (f.expiresAt) body.expiresAt = f.expiresAt.toISOString();
  return { ok: true, body };
}
