// Upvest wire types (the seed's own snake_case field names) and their mapping to the unified
// Check model. Seed: ../shared/seeds/upvest-user-checks-api.txt; facts: ../shared/provider-specs/upvest.md
import { z } from 'zod/v4';
import type { Check, ConfirmedAddress, KycDocumentType, KycMethod, PorDocumentType } from '../../domain/check.js';
import { CHECK_STATUSES, KYC_DOCUMENT_TYPES, KYC_METHODS, POR_DOCUMENT_TYPES } from '../../domain/check.js';

/** A value outside the enum we know (Upvest added one) reads as null rather than failing the whole answer. */
const known = <T extends string>(values: readonly T[], v: string | undefined): T | null => (v !== undefined && (values as readonly string[]).includes(v) ? (v as T) : null);

// Runtime schemas of every Upvest answer and webhook body, written from the seed's examples
// (test/fixtures/providers/upvest/). Required fields are the seed's "required" ones; enum values
// stay strings here so a value Upvest adds later reads as null (`known`) instead of failing.
const uuidLike = z.string().min(1);
const dateTime = z.string().datetime({ offset: true });

export const upvestAddressSchema = z.object({
  address_line1: z.string(),
  address_line2: z.string().optional(),
  postcode: z.string(),
  city: z.string(),
  state: z.string().optional(),
  country: z.string(),
});
export type UpvestAddress = z.infer<typeof upvestAddressSchema>;

const checkStatus = z.enum(CHECK_STATUSES);
const checkBase = { id: uuidLike, user_id: uuidLike, check_confirmed_at: dateTime };

export const upvestKycCheckSchema = z.object({
  ...checkBase,
  type: z.literal('KYC'),
  status: checkStatus,
  data_download_link: z.string(),
  document_type: z.string(),
  document_expiration_date: z.string(),
  nationality: z.string(),
  provider: z.string(),
  method: z.string(),
  confirmed_address: upvestAddressSchema.optional(),
  kyc_update: z.boolean().optional(),
});
export const upvestPorCheckSchema = z.object({
  ...checkBase,
  type: z.literal('POR'),
  status: checkStatus,
  issuance_date: z.string(),
  data_download_link: z.string(),
  document_type: z.string(),
  confirmed_address: upvestAddressSchema,
});
export const upvestInstrumentFitCheckSchema = z.object({
  ...checkBase,
  type: z.literal('INSTRUMENT_FIT'),
  status: checkStatus,
  instrument_suitability: z.object({ suitability: z.boolean() }),
});
/** seed: the COMPLIANCE object's status is not required. */
export const upvestComplianceCheckSchema = z.object({ ...checkBase, type: z.literal('COMPLIANCE'), status: checkStatus.optional() });

/** A user check as Upvest returns it (list, get, webhook `object`). */
export const upvestCheckSchema = z.discriminatedUnion('type', [upvestKycCheckSchema, upvestPorCheckSchema, upvestInstrumentFitCheckSchema, upvestComplianceCheckSchema]);
export type UpvestCheck = z.infer<typeof upvestCheckSchema>;

/** Answer of GET /users/{user_id}/checks; each entry is parsed on its own (an unknown type is left out). */
export const upvestCheckListSchema = z.object({ data: z.array(z.object({ type: z.string() }).passthrough()) });
export type UpvestCheckList = { data: UpvestCheck[] };

export interface UpvestKycCreate {
  type: 'KYC';
  check_confirmed_at: string;
  data_download_link: string;
  document_type: KycDocumentType;
  document_expiration_date: string;
  nationality: string;
  provider: string;
  method: KycMethod;
  confirmed_address?: UpvestAddress;
  kyc_update?: boolean;
}

export interface UpvestPorCreate {
  type: 'POR';
  check_confirmed_at: string;
  issuance_date: string;
  data_download_link: string;
  document_type: PorDocumentType;
  confirmed_address: UpvestAddress;
}

export interface UpvestInstrumentFitCreate {
  type: 'INSTRUMENT_FIT';
  check_confirmed_at: string;
  instrument_suitability: { suitability: boolean };
}

/**
 * Body of POST /users/{user_id}/checks: the seed's "User Check - Create - Request" is One Of KYC,
 * POR, INSTRUMENT_FIT. COMPLIANCE checks are read-only: Upvest creates them itself.
 */
export type UpvestCheckCreate = UpvestKycCreate | UpvestPorCreate | UpvestInstrumentFitCreate;

/** Answer of POST /users/{user_id}/checks ("The request has been successfully accepted."). */
export const upvestCreatedSchema = z.object({ id: uuidLike });
export type UpvestCreated = z.infer<typeof upvestCreatedSchema>;

export const UPVEST_EVENT_TYPES = ['USER_CHECK.CREATED', 'USER_CHECK.PASSED', 'USER_CHECK.FAILED'] as const;
export type UpvestEventType = (typeof UPVEST_EVENT_TYPES)[number];

/** One webhook event (seed "User checks events"). */
export const upvestEventSchema = z.object({
  id: uuidLike,
  created_at: dateTime,
  type: z.enum(UPVEST_EVENT_TYPES),
  object: upvestCheckSchema,
  webhook_id: uuidLike,
});
export type UpvestEvent = z.infer<typeof upvestEventSchema>;

/** Problem body (application/problem+json) of every error answer; read leniently (it only explains an error). */
export const upvestProblemSchema = z.object({
  type: z.string().optional(),
  status: z.number().optional(),
  title: z.string().optional(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  request_id: z.string().optional(),
});
export type UpvestProblem = z.infer<typeof upvestProblemSchema>;

/** POST /auth/token answer (OAuth2 client credentials; the docs' example reads access_token). */
export const upvestTokenSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.number().positive().optional(),
  scope: z.string().optional(),
});
export type UpvestToken = z.infer<typeof upvestTokenSchema>;

/** GET /auth/verify_keys answer: the keys Upvest signs webhooks with (JWKS). */
export const upvestJwksSchema = z.object({ keys: z.array(z.object({ kid: z.string(), kty: z.string() }).passthrough()) });
export type UpvestJwks = { keys: Record<string, unknown>[] };

const address = (a: UpvestAddress | undefined): ConfirmedAddress | null =>
  a
    ? {
        addressLine1: a.address_line1,
        addressLine2: a.address_line2 ?? null,
        postcode: a.postcode,
        city: a.city,
        state: a.state ?? null,
        country: a.country,
      }
    : null;

export const toUpvestAddress = (a: ConfirmedAddress): UpvestAddress => ({
  address_line1: a.addressLine1,
  ...(a.addressLine2 ? { address_line2: a.addressLine2 } : {}),
  postcode: a.postcode,
  city: a.city,
  ...(a.state ? { state: a.state } : {}),
  country: a.country,
});

/** Upvest check (parsed by `upvestCheckSchema`) → unified Check. */
export function toCheck(c: UpvestCheck): Check {
  // COMPLIANCE's status is optional in the seed; a check without one is still being processed
  const status = c.status ?? 'IN_PROGRESS';
  const base = { id: c.id, userId: c.user_id, status, confirmedAt: c.check_confirmed_at ?? null };
  switch (c.type) {
    case 'KYC':
      return {
        ...base,
        type: 'KYC',
        dataDownloadLink: c.data_download_link ?? null,
        documentType: known(KYC_DOCUMENT_TYPES, c.document_type),
        documentExpirationDate: c.document_expiration_date ?? null,
        nationality: c.nationality ?? null,
        provider: c.provider ?? null,
        method: known(KYC_METHODS, c.method),
        confirmedAddress: address(c.confirmed_address),
        kycUpdate: c.kyc_update ?? null,
      };
    case 'POR':
      return {
        ...base,
        type: 'POR',
        issuanceDate: c.issuance_date ?? null,
        dataDownloadLink: c.data_download_link ?? null,
        documentType: known(POR_DOCUMENT_TYPES, c.document_type),
        confirmedAddress: address(c.confirmed_address),
      };
    case 'INSTRUMENT_FIT':
      return { ...base, type: 'INSTRUMENT_FIT', instrumentSuitability: { suitability: c.instrument_suitability.suitability } };
    case 'COMPLIANCE':
      return { ...base, type: 'COMPLIANCE' };
  }
}

/** The check Upvest holds right after accepting a create request (it answers only the id). */
export function createdCheck(id: string, userId: string, body: UpvestCheckCreate): Check {
  return toCheck({ ...body, id, user_id: userId, status: 'IN_PROGRESS' } as UpvestCheck);
}

/** What an approved Verification (any provider) gives a KYC check, or why it cannot. */
export interface VerificationForKyc {
  provider: string;
  status: string;
  identityDocument: { type: string | null; country: string | null; nationality: string | null; expiryAt: string | null } | null;
  faceScan: unknown;
  history: { status: string; at: string }[];
  updatedAt: string;
}

const KYC_DOCUMENT_BY_TYPE: Record<string, KycDocumentType> = {
  PASSPORT: 'PASSPORT',
  ID_CARD: 'ID_CARD',
  NATIONAL_ID: 'ID_CARD',
  NATIONAL_ID_CARD: 'ID_CARD',
  IDENTITY_CARD: 'ID_CARD',
  RESIDENCE_PERMIT: 'RESIDENCE_PERMIT',
};

/**
 * Maps an approved verification to an Upvest KYC create body. Upvest accepts only passports, ID
 * cards and residence permits; `method` defaults to LIVENESS_PHOTO_ID when a face scan was taken
 * (document photo + liveness), otherwise the caller must say how the user was identified.
 */
export function kycFromVerification(
  v: VerificationForKyc,
  extra: { dataDownloadLink: string; method: KycMethod | null; confirmedAddress: ConfirmedAddress | null; kycUpdate: boolean | null },
): { body: UpvestKycCreate } | { field: string; message: string } {
  if (v.status !== 'APPROVED') return { field: 'verificationId', message: `is ${v.status}; only an APPROVED verification can be recorded as a KYC check` };
  const doc = v.identityDocument;
  if (!doc) return { field: 'verificationId', message: 'has no identity document to record' };
  const documentType = doc.type ? KYC_DOCUMENT_BY_TYPE[doc.type.toUpperCase()] : undefined;
  if (!documentType) return { field: 'verificationId', message: `was done with a ${doc.type ?? 'unknown'} document; a KYC check needs a PASSPORT, ID_CARD or RESIDENCE_PERMIT` };
  const expiry = doc.expiryAt?.slice(0, 10);
  if (!expiry || !/^\d{4}-\d{2}-\d{2}$/.test(expiry)) return { field: 'verificationId', message: 'has no document expiry date' };
  const nationality = [doc.country, doc.nationality].find((c) => c && /^[A-Z]{2}$/.test(c));
  if (!nationality) return { field: 'verificationId', message: 'has no ISO 3166 alpha-2 issuing country' };
  const method = extra.method ?? (v.faceScan ? 'LIVENESS_PHOTO_ID' : null);
  if (!method) return { field: 'method', message: 'is required when the verification has no face scan' };
  if (method === 'LIVENESS_PHOTO_ID' && extra.confirmedAddress?.country === 'DE') return { field: 'method', message: 'LIVENESS_PHOTO_ID is not allowed when the residence country is DE' };
  const approvedAt = [...v.history].reverse().find((h) => h.status === 'APPROVED')?.at ?? v.updatedAt;
  const limit = new Date();
  limit.setUTCMonth(limit.getUTCMonth() - 24);
  if (Date.parse(approvedAt) < limit.getTime()) return { field: 'verificationId', message: 'was approved more than 24 months ago' };
  return {
    body: {
      type: 'KYC',
      check_confirmed_at: upvestDateTime(new Date(approvedAt)),
      data_download_link: extra.dataDownloadLink,
      document_type: documentType,
      document_expiration_date: expiry,
      nationality,
      provider: v.provider,
      method,
      ...(extra.confirmedAddress ? { confirmed_address: toUpvestAddress(extra.confirmedAddress) } : {}),
      ...(extra.kycUpdate != null ? { kyc_update: extra.kycUpdate } : {}),
    },
  };
}

/** RFC 3339 in UTC without milliseconds, as in the seed's examples. */
export const upvestDateTime = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
