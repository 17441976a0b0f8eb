// Argos wire types (the seed's own field names) and their mapping to the unified model.
// Seed: ../shared/seeds/argos-submission-step1.txt; facts: ../shared/provider-specs/argos.md
import countries from 'i18n-iso-countries/index.js';
import { z } from 'zod/v4';
import { isCanonicalIso, toCanonicalIso } from '../../domain/iso-time.js';
import { extend } from '../../domain/objects.js';
import type { IdentityDocument, ProviderVerificationView, VerificationStatus } from '../../domain/verification.js';

// seed: idType values
export const ARGOS_ID_TYPES = [
  'passport',
  'government_id',
  'drivers_license',
  'residence_permit',
  'visa',
  'vehicle_registration_certificate',
  'aadhaar',
  'pancard',
  'universal',
] as const;
export type ArgosIdType = (typeof ARGOS_ID_TYPES)[number];

// seed: kycStatus <pending, approved, rejected, incomplete>
export const ARGOS_KYC_STATUSES = ['pending', 'approved', 'rejected', 'incomplete'] as const;
export type ArgosKycStatus = (typeof ARGOS_KYC_STATUSES)[number];

/** seed: "We provide 3 chances in total"; retryCount adds up step 1 and step 2 tries (provider-specs). */
export const ARGOS_MAX_TRIES = 3;
/** seed: submissionId "is valid for 4 hours". */
export const ARGOS_SUBMISSION_TTL_MS = 4 * 3600 * 1000;

/** seed: customOptions; all but rejectDuplicateUser may only be `false`. */
export interface ArgosCustomOptions {
  blacklistCountries?: false;
  approvePeriod?: false;
  rejectPeriod?: false;
  ageLimit?: false;
  rejectDuplicateUser?: boolean;
}
export const ARGOS_FALSE_ONLY_OPTIONS = ['blacklistCountries', 'approvePeriod', 'rejectPeriod', 'ageLimit'] as const;

/** Text fields of POST /submission/step1 (form-data); the files go beside them. */
export interface ArgosStep1Fields {
  email: string;
  idType: ArgosIdType;
  /** ISO 3166-1 alpha-3 */
  issuingCountry: string;
  submissionId?: string;
  userid?: string;
  cf1?: string;
  cf2?: string;
  cf3?: string;
  /** the serialized JSON object (seed: "Convert to string and transmit") */
  customOptions?: string;
}

/** Text fields of POST /submission/step2 (provider-specs/argos.md, "Step 2"); `faceImage` goes beside them. */
export interface ArgosStep2Fields {
  submissionId: string;
  name: string;
  date_of_birth: string;
  gender?: 'male' | 'female';
  nationality?: string;
  identity_number?: string;
  license_number?: string;
  document_number?: string;
  serial_number?: string;
  date_of_issue?: string;
  date_of_expiry?: string;
  /** Address collection on (provider-specs/argos.md, "Step 2"): one of globalCode, compoundCode, formatted_address. */
  globalCode?: string;
  compoundCode?: string;
  formatted_address?: string;
  address_input?: string;
  address_detail?: string;
}

// Runtime schemas of every Argos answer and webhook body (issue 14), written from the seed's
// output fields and provider-specs/argos.md (examples in test/fixtures/providers/argos/). Fields
// Argos documents as optional, or that appear "only when submitted", are optional; values that
// may come as null are nullish.
const str = z.string().nullish();
const bool = z.boolean().nullish();
const num = z.number().nullish();

export const argosReviewOcrDataSchema = z.object({
  ocr_birthDate: str,
  accepted_ocr_birthDate: bool,
  ocr_issueDate: str,
  accepted_ocr_issueDate: bool,
  ocr_expireDate: str,
  accepted_ocr_expireDate: bool,
  ocr_lastName: str,
  accepted_ocr_lastName: bool,
  ocr_firstName: str,
  accepted_ocr_firstName: bool,
  ocr_name: str,
  accepted_ocr_name: bool,
  ocr_gender: str,
  accepted_ocr_gender: bool,
  ocr_nationality: str,
  accepted_ocr_nationality: bool,
  ocr_identityNumber: str,
  accepted_ocr_identityNumber: bool,
  ocr_licenseNumber: str,
  accepted_ocr_licenseNumber: bool,
});
export type ArgosReviewOcrData = z.infer<typeof argosReviewOcrDataSchema>;

export const ARGOS_DOCUMENT_FIELDS = [
  'expireDate', 'idNumber', 'identityNumber', 'gender', 'issueDate', 'nationality', 'number', 'name', 'birthDate', 'serialNumber', 'documentNumber',
] as const;
/** seed: an object of booleans; in Universal mode an array when OCR recognition fails. */
export const argosDocumentFieldsSchema = z.union([z.record(z.string(), z.boolean()), z.array(z.string())]);
export type ArgosDocumentFields = Partial<Record<(typeof ARGOS_DOCUMENT_FIELDS)[number], boolean>> | string[];

export const argosRetrySchema = z.object({ retryCode: z.string(), retryMsg: z.string().nullish() });
export interface ArgosRetry {
  retryCode: string;
  retryMsg: string;
}

const kycStatus = z.enum(ARGOS_KYC_STATUSES);
/** seed: file_upload / file_back_upload are the strings "true" / "false". */
const stringBool = z.enum(['true', 'false']);

/** Response of POST /submission/step1 (seed l.71-157, "Output Data"). */
export const argosStep1ResponseSchema = z.object({
  submissionId: z.string().min(1),
  reviewOCRData: argosReviewOcrDataSchema.nullish(),
  document_fields: argosDocumentFieldsSchema.nullish(),
  missing_fields: z.array(z.string()).nullish(),
  idImage: str,
  idBackImage: str,
  file_upload: stringBool.nullish(),
  file_back_upload: stringBool.nullish(),
  retry: z.array(argosRetrySchema).nullish(),
  kycStatus,
  retryCount: z.number().int().min(0),
});
export type ArgosStep1Response = z.infer<typeof argosStep1ResponseSchema>;

/** Response of POST /submission/step2 (provider-specs/argos.md, "Step 2": the retry and the final examples). */
export const argosStep2ResponseSchema = z.object({
  submissionId: str,
  verificationResult: str,
  faceSimilarityScore: num,
  livenessScore: num,
  retry: z.array(argosRetrySchema).nullish(),
  kycStatus,
  retryCount: z.number().int().min(0),
});
export type ArgosStep2Response = z.infer<typeof argosStep2ResponseSchema>;

/** Argos's date-time form `YYYY-MM-DD-HH-MM-SS-ZZZ` (ZZZ: milliseconds; read as UTC), or ISO 8601. */
export const ARGOS_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})-(\d{2})-(\d{2})-(\d{2})-(\d{3})$/;
const argosDateTime = z.string().refine((v) => argosDate(v) !== null, { message: 'not YYYY-MM-DD-HH-MM-SS-ZZZ' });
/** Shared by every date field (one instance per leaf shape: pawapass/mapper.ts says why). */
const optionalArgosDateTime = argosDateTime.nullish();

/** ISO 8601 for an Argos date-time, or null when it is neither Argos's form nor ISO. */
export function argosDate(v: string | null | undefined): string | null {
  if (!v) return null;
  const m = ARGOS_DATE_TIME.exec(v);
  if (m) {
    // every part in range: the ISO form is the same digits (out of range, Date.UTC carries over;
    // it also reads years below 100 as 19xx)
    const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`;
    return +m[1] >= 100 && isCanonicalIso(iso) ? iso : new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6], +m[7])).toISOString();
  }
  return /^\d{4}-\d{2}-\d{2}T/.test(v) ? toCanonicalIso(v) : null;
}

/** Argos's form of a date: `YYYY-MM-DD-HH-MM-SS-ZZZ` in UTC (what the sandbox sends). */
export const toArgosDate = (d: Date) => d.toISOString().replace(/^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})\.(\d{3})Z$/, '$1-$2-$3-$4-$5');

/** A comment or reject code list: Argos shows arrays in GET, a string in webhooks. */
const textList = z.union([z.string(), z.array(z.string())]).nullish();
const optionalStrOrNum = z.union([z.string(), z.number()]).nullish();

/** One try of a submission (GET `kyc.attempts`). */
export const argosAttemptSchema = z.object({
  attemptCnt: z.number().int(),
  retryMsg: z.array(z.string()).nullish(),
  retryCode: z.array(z.string()).nullish(),
  livenessScore: num,
});
export type ArgosAttempt = z.infer<typeof argosAttemptSchema>;

/**
 * One item of GET /submission?submission_id= (provider-specs/argos.md, "Reading a submission
 * back"): personal data under `data`, images as links, the result under `kyc`.
 */
export const argosSubmissionItemSchema = z.object({
  submission_id: z.string().min(1),
  email: str,
  userid: str,
  data: z
    .object({
      first_name: str,
      last_name: str,
      full_name: str,
      name: str,
      gender: str,
      nationality: str,
      date_of_birth: str,
      address_street: str,
      address_city: str,
      address_state: str,
      address_zipcode: str,
      address_country: str,
      idcard_issuingCountry: str,
      idcard_issueDate: str,
      idcard_expireDate: str,
      idType: str,
      identity_number: str,
      document_number: str,
      cf1: str,
      cf2: str,
      cf3: str,
      ip_address: str,
      age_group: optionalStrOrNum,
    })
    .nullish(),
  duplicated_information: z.unknown().optional(),
  created_at: optionalArgosDateTime,
  updated_at: optionalArgosDateTime,
  pending_at: optionalArgosDateTime,
  kyc_result_at: optionalArgosDateTime,
  reviewer: str,
  recognition_score: optionalStrOrNum,
  argos_score: optionalStrOrNum,
  image: z.object({ idImage: str, idBackImage: str, selfieImage: str, addressImage: str }).nullish(),
  kyc: z.object({
    result: kycStatus,
    comment: textList,
    commentCode: textList,
    attempts: z.array(argosAttemptSchema).nullish(),
  }),
  projection: z.object({ projectionId: str, projectionName: str }).nullish(),
});
export type ArgosSubmissionItem = z.infer<typeof argosSubmissionItemSchema>;

/** GET /submission?submission_id= answers a list even for one id. */
export const argosGetSubmissionSchema = z.object({ Items: z.array(argosSubmissionItemSchema) });

export const ARGOS_WEBHOOK_TRIGGERS = ['created', 'retry', 'approved', 'rejected', 'submit', 'updated', 'delete', 'injection', 'aml', 'aml_monitor'] as const;
export type ArgosWebhookTrigger = (typeof ARGOS_WEBHOOK_TRIGGERS)[number];

/**
 * A webhook body (provider-specs/argos.md, "Webhooks"). `created` and `retry` carry
 * `kyc_result.status: "incomplete"`, `retryCode` and `attempts`; optional fields appear only
 * when they were submitted. Dates: Argos's form or ISO.
 */
export const argosWebhookSchema = z.object({
  webhook_trigger: z.enum(ARGOS_WEBHOOK_TRIGGERS),
  submission_id: z.string().min(1),
  kyc_result: z
    .object({
      status: kycStatus,
      updated_at: optionalArgosDateTime,
      created_at: optionalArgosDateTime,
      kyc_result_at: optionalArgosDateTime,
      pending_at: optionalArgosDateTime,
      reviewer: str,
      comment: textList,
    })
    .nullish(),
  applicant_id: str,
  email: str,
  userid: str,
  tokenId: str,
  cf: z.object({ cf1: str, cf2: str, cf3: str }).nullish(),
  ipAddress: str,
  fullName: str,
  idType: str,
  issuingCountry: str,
  issueDate: str,
  expireDate: str,
  identityNumber: str,
  documentNumber: str,
  gender: str,
  date_of_birth: str,
  nationality: str,
  age_group: optionalStrOrNum,
  retryCode: textList,
  attempts: z.union([z.number().int(), z.array(argosAttemptSchema)]).nullish(),
});
export type ArgosWebhook = z.infer<typeof argosWebhookSchema>;

/** Error body. The material lists messages only; we assume `{"message": …}` (README). */
export const argosErrorSchema = z.object({ message: z.string() });
export type ArgosError = z.infer<typeof argosErrorSchema>;

/** What the caller must do next; kept in details so a UI knows which mutation to offer. */
export type ArgosNextStep = 'SUBMIT_DOCUMENT' | 'CONFIRM' | 'WAIT' | 'NONE';

export type ArgosDetailsShape = {
  kind: 'ArgosDetails';
  kycStatus: ArgosKycStatus;
  retryCount: number | null;
  retry: ArgosRetry[] | null;
  nextStep: ArgosNextStep;
  /** upper case, as the GraphQL enum */
  idType: string | null;
  issuingCountry: string | null;
  email: string | null;
  userid: string | null;
  cf1: string | null;
  cf2: string | null;
  cf3: string | null;
  reviewOCRData: ArgosReviewOcrData | null;
  documentFields: Record<string, boolean> | null;
  missingFields: string[] | null;
  idImageUploaded: boolean | null;
  idBackImageUploaded: boolean | null;
  verificationResult: string | null;
  faceSimilarityScore: number | null;
  livenessScore: number | null;
  reviewer: string | null;
  /** GET `kyc.commentCode`, or a webhook's comment: reject codes such as too_many_retry. */
  rejectCodes: string[] | null;
  /** GET `kyc.comment`: the reviewer's comments. */
  comments: string[] | null;
  /** GET `kyc.attempts`: every try with its retry codes. */
  attempts: { attemptCnt: number; retryCode: string[]; retryMsg: string[]; livenessScore: number | null }[] | null;
  /** GET `image`: links to the images on Argos's server. */
  images: { idImage: string | null; idBackImage: string | null; selfieImage: string | null; addressImage: string | null } | null;
  /** GET `argos_score` / `recognition_score`, as Argos gives them. */
  argosScore: string | null;
  recognitionScore: string | null;
  /** When Argos created the submission (GET `created_at`, ISO 8601). */
  submittedAt: string | null;
};

/** The fields of ArgosDetailsShape that only a GET fills; null elsewhere. */
const NO_GET_FIELDS = { rejectCodes: null, comments: null, attempts: null, images: null, argosScore: null, recognitionScore: null, submittedAt: null } as const;

/** alpha-2 or alpha-3 → alpha-3 (Argos), or null when it names no country. */
export function toAlpha3(code: string): string | null {
  const c = code.trim().toUpperCase();
  if (/^[A-Z]{2}$/.test(c)) return countries.alpha2ToAlpha3(c) ?? null;
  if (/^[A-Z]{3}$/.test(c)) return countries.isValid(c) ? c : null;
  return null;
}

export const toAlpha2 = (code: string | null | undefined): string | null =>
  code ? (countries.alpha3ToAlpha2(code.toUpperCase()) ?? (countries.isValid(code) ? code.toUpperCase() : null)) : null;

export interface UnifiedInput {
  kycStatus: ArgosKycStatus;
  retryCount: number;
  hasRetry: boolean;
  step2Started: boolean;
  expiresAt: string | null;
  now: number;
}

/**
 * pending → IN_REVIEW, approved → APPROVED, rejected → DECLINED. `incomplete` means either
 * "step 1 done, step 2 pending" (no retry codes: IN_PROGRESS) or "try again" (retry codes:
 * RETRY_REQUIRED); the third failed try is DECLINED; a submission past its 4 h validity whose
 * step 2 never started is EXPIRED.
 */
export function toUnifiedStatus(s: UnifiedInput): VerificationStatus {
  switch (s.kycStatus) {
    case 'approved':
      return 'APPROVED';
    case 'rejected':
      return 'DECLINED';
    case 'pending':
      return 'IN_REVIEW';
    case 'incomplete':
      if (s.retryCount >= ARGOS_MAX_TRIES) return 'DECLINED';
      if (!s.step2Started && s.expiresAt && Date.parse(s.expiresAt) <= s.now) return 'EXPIRED';
      return s.hasRetry ? 'RETRY_REQUIRED' : 'IN_PROGRESS';
    default:
      throw new Error(`unknown Argos kycStatus ${JSON.stringify(s.kycStatus)}`);
  }
}

function nextStep(status: VerificationStatus, step2Started: boolean): ArgosNextStep {
  if (status === 'RETRY_REQUIRED') return step2Started ? 'CONFIRM' : 'SUBMIT_DOCUMENT';
  if (status === 'IN_PROGRESS') return 'CONFIRM';
  if (status === 'IN_REVIEW') return 'WAIT';
  return 'NONE';
}

const documentFieldsObject = (f: ArgosDocumentFields | null | undefined): Record<string, boolean> | null =>
  f && !Array.isArray(f) ? { ...f } : null;

const retries = (r: { retryCode: string; retryMsg?: string | null }[] | null | undefined): ArgosRetry[] =>
  (r ?? []).map((x) => ({ retryCode: x.retryCode, retryMsg: x.retryMsg ?? '' }));

const list = (v: string | string[] | null | undefined): string[] => (v == null ? [] : Array.isArray(v) ? v : [v]);
const orNull = <T>(v: T | null | undefined): T | null => (v === undefined ? null : v);

/** OCR data as the unified identity document (only values Argos read). */
function ocrDocument(ocr: ArgosReviewOcrData | null | undefined, idType: string | null, issuingCountry: string | null): IdentityDocument | null {
  if (!ocr) return null;
  return {
    type: idType ? idType.toUpperCase() : null,
    country: toAlpha2(issuingCountry),
    serialNo: ocr.ocr_licenseNumber ?? null,
    nationalNo: ocr.ocr_identityNumber ?? null,
    firstName: ocr.ocr_firstName ?? null,
    lastName: ocr.ocr_lastName ?? null,
    dateOfBirth: ocr.ocr_birthDate ?? null,
    placeOfBirth: null,
    nationality: toAlpha2(ocr.ocr_nationality),
    expiryAt: ocr.ocr_expireDate ?? null,
    issuedAt: ocr.ocr_issueDate ?? null,
    issuingAuthority: null,
    placeOfIssue: null,
    createdAt: null,
    updatedAt: null,
  };
}

const reasonOf = (retry: ArgosRetry[] | undefined | null, comment?: string | null) =>
  comment ?? (retry && retry.length ? retry.map((r) => r.retryCode).join(', ') : null);

/** The step 1 answer plus what we sent; `createdAt` is when the submission was first created. */
export function fromStep1(res: ArgosStep1Response, sent: ArgosStep1Fields, createdAt: Date, ttlMs: number, now = Date.now()): ProviderVerificationView {
  const expiresAt = new Date(createdAt.getTime() + ttlMs).toISOString();
  const retryCount = res.retryCount ?? 0;
  const retry = retries(res.retry);
  const status = toUnifiedStatus({ kycStatus: res.kycStatus, retryCount, hasRetry: retry.length > 0, step2Started: false, expiresAt, now });
  const details: ArgosDetailsShape = {
    kind: 'ArgosDetails',
    kycStatus: res.kycStatus,
    retryCount,
    retry,
    nextStep: nextStep(status, false),
    idType: sent.idType.toUpperCase(),
    issuingCountry: sent.issuingCountry,
    email: sent.email,
    userid: sent.userid ?? null,
    cf1: sent.cf1 ?? null,
    cf2: sent.cf2 ?? null,
    cf3: sent.cf3 ?? null,
    reviewOCRData: res.reviewOCRData ?? null,
    documentFields: documentFieldsObject(res.document_fields),
    missingFields: res.missing_fields ?? (Array.isArray(res.document_fields) ? res.document_fields : []),
    idImageUploaded: res.file_upload == null ? null : res.file_upload === 'true',
    idBackImageUploaded: res.file_back_upload == null ? null : res.file_back_upload === 'true',
    verificationResult: null,
    faceSimilarityScore: null,
    livenessScore: null,
    reviewer: null,
    ...NO_GET_FIELDS,
  };
  return {
    providerRef: res.submissionId,
    status,
    providerStatus: res.kycStatus,
    externalId: sent.userid ?? null,
    url: null,
    country: toAlpha2(sent.issuingCountry),
    identityDocument: ocrDocument(res.reviewOCRData, sent.idType, sent.issuingCountry),
    faceScan: null,
    reviewReason: status === 'DECLINED' ? 'too_many_retry' : reasonOf(retry),
    retriesLeft: Math.max(0, ARGOS_MAX_TRIES - retryCount),
    metadata: null,
    details,
    expiresAt,
    providerUpdatedAt: null,
  };
}

/**
 * The step 2 answer applied to what we knew after step 1: status, retry, scores; the confirmed
 * fields become the identity document.
 */
export function fromStep2(res: ArgosStep2Response, sent: ArgosStep2Fields, current: ProviderVerificationView, now = Date.now()): ProviderVerificationView {
  const prev = (current.details ?? {}) as Partial<ArgosDetailsShape>;
  const retryCount = res.retryCount ?? prev.retryCount ?? 0;
  const retry = retries(res.retry);
  const status = toUnifiedStatus({ kycStatus: res.kycStatus, retryCount, hasRetry: retry.length > 0, step2Started: true, expiresAt: current.expiresAt, now });
  const doc = current.identityDocument;
  const [firstName, ...rest] = sent.name.trim().split(/\s+/);
  const identityDocument: IdentityDocument = {
    type: doc?.type ?? (prev.idType ? prev.idType.toUpperCase() : null),
    country: doc?.country ?? toAlpha2(prev.issuingCountry),
    serialNo: sent.serial_number ?? sent.license_number ?? doc?.serialNo ?? null,
    nationalNo: sent.identity_number ?? sent.document_number ?? doc?.nationalNo ?? null,
    firstName: rest.length ? firstName : (doc?.firstName ?? firstName),
    lastName: rest.length ? rest.join(' ') : (doc?.lastName ?? null),
    dateOfBirth: sent.date_of_birth,
    placeOfBirth: null,
    nationality: sent.nationality ? toAlpha2(sent.nationality) : (doc?.nationality ?? null),
    expiryAt: sent.date_of_expiry ?? doc?.expiryAt ?? null,
    issuedAt: sent.date_of_issue ?? doc?.issuedAt ?? null,
    issuingAuthority: null,
    placeOfIssue: null,
    createdAt: null,
    updatedAt: new Date(now).toISOString(),
  };
  // (domain/objects.ts: not a literal after a spread)
  const details: ArgosDetailsShape = extend(NO_GET_FIELDS, prev as ArgosDetailsShape, {
    kind: 'ArgosDetails' as const,
    kycStatus: res.kycStatus,
    retryCount,
    retry,
    nextStep: nextStep(status, true),
    verificationResult: res.verificationResult ?? null,
    faceSimilarityScore: res.faceSimilarityScore ?? null,
    livenessScore: res.livenessScore ?? null,
  });
  return extend(current, {
    status,
    providerStatus: res.kycStatus,
    identityDocument,
    faceScan: { ageEstimation: null, createdAt: new Date(now).toISOString(), updatedAt: new Date(now).toISOString() },
    reviewReason: status === 'DECLINED' && !retry.length ? 'too_many_retry' : reasonOf(retry),
    retriesLeft: Math.max(0, ARGOS_MAX_TRIES - retryCount),
    details,
    providerUpdatedAt: null,
  });
}

const splitName = (full: string | null | undefined): [string | null, string | null] => {
  const [first, ...rest] = (full ?? '').trim().split(/\s+/);
  return [first || null, rest.length ? rest.join(' ') : null];
};

/**
 * One item of GET /submission?submission_id= (provider-specs/argos.md, "Reading a submission
 * back"): the personal data under `data`, Argos's dates, every attempt, reject codes and image
 * links. `retryCount` is the number of attempts that carry retry codes (the failed tries; an
 * inference: the material does not say whether a passing try is listed).
 */
export function fromSubmissionItem(item: ArgosSubmissionItem, ttlMs: number, now = Date.now()): ProviderVerificationView {
  const { kyc } = item;
  const d = item.data ?? {};
  const createdAt = argosDate(item.created_at);
  const expiresAt = createdAt ? new Date(Date.parse(createdAt) + ttlMs).toISOString() : null;
  const attempts = (kyc.attempts ?? []).map((a) => ({ attemptCnt: a.attemptCnt, retryCode: a.retryCode ?? [], retryMsg: a.retryMsg ?? [], livenessScore: a.livenessScore ?? null }));
  const failed = attempts.filter((a) => a.retryCode.length > 0);
  const retryCount = failed.length;
  const last = attempts.at(-1);
  const retry: ArgosRetry[] = kyc.result === 'incomplete' && last ? last.retryCode.map((code, i) => ({ retryCode: code, retryMsg: last.retryMsg[i] ?? '' })) : [];
  const step2Started = kyc.result !== 'incomplete' || !!item.pending_at || !!item.image?.selfieImage || attempts.some((a) => a.livenessScore !== null);
  const status = toUnifiedStatus({ kycStatus: kyc.result, retryCount, hasRetry: retry.length > 0, step2Started, expiresAt, now });
  const rejectCodes = list(kyc.commentCode);
  const comments = list(kyc.comment);
  const [first, last2] = d.first_name || d.last_name ? [d.first_name ?? null, d.last_name ?? null] : splitName(d.full_name ?? d.name);
  const idType = d.idType ?? null;
  const issuingCountry = d.idcard_issuingCountry ?? null;
  const hasPersonal = !!(first || last2 || d.date_of_birth || idType);
  const identityDocument: IdentityDocument | null = hasPersonal
    ? {
        type: idType ? idType.toUpperCase() : null,
        country: toAlpha2(issuingCountry),
        serialNo: null,
        nationalNo: d.identity_number ?? d.document_number ?? null,
        firstName: first,
        lastName: last2,
        dateOfBirth: d.date_of_birth ?? null,
        placeOfBirth: null,
        nationality: toAlpha2(d.nationality),
        expiryAt: d.idcard_expireDate ?? null,
        issuedAt: d.idcard_issueDate ?? null,
        issuingAuthority: null,
        placeOfIssue: null,
        createdAt: null,
        updatedAt: null,
      }
    : null;
  const img = item.image;
  const details: ArgosDetailsShape = {
    kind: 'ArgosDetails',
    kycStatus: kyc.result,
    retryCount,
    retry,
    nextStep: nextStep(status, step2Started),
    idType: idType ? idType.toUpperCase() : null,
    issuingCountry,
    email: item.email ?? null,
    userid: item.userid ?? null,
    cf1: d.cf1 ?? null,
    cf2: d.cf2 ?? null,
    cf3: d.cf3 ?? null,
    reviewOCRData: null,
    documentFields: null,
    missingFields: null,
    idImageUploaded: img ? !!img.idImage : null,
    idBackImageUploaded: img ? !!img.idBackImage : null,
    verificationResult: null,
    faceSimilarityScore: null,
    livenessScore: [...attempts].reverse().find((a) => a.livenessScore !== null)?.livenessScore ?? null,
    reviewer: item.reviewer ?? null,
    rejectCodes,
    comments,
    attempts,
    images: img ? { idImage: orNull(img.idImage), idBackImage: orNull(img.idBackImage), selfieImage: orNull(img.selfieImage), addressImage: orNull(img.addressImage) } : null,
    argosScore: item.argos_score == null ? null : String(item.argos_score),
    recognitionScore: item.recognition_score == null ? null : String(item.recognition_score),
    submittedAt: createdAt,
  };
  return {
    providerRef: item.submission_id,
    status,
    providerStatus: kyc.result,
    externalId: item.userid ?? null,
    url: null,
    country: toAlpha2(issuingCountry),
    identityDocument,
    faceScan: null,
    reviewReason:
      kyc.result === 'rejected'
        ? (rejectCodes.join(', ') || comments.join('; ') || null)
        : status === 'DECLINED'
          ? 'too_many_retry'
          : reasonOf(retry),
    retriesLeft: Math.max(0, ARGOS_MAX_TRIES - retryCount),
    metadata: null,
    details,
    expiresAt,
    providerUpdatedAt: argosDate(item.updated_at),
  };
}

/**
 * A webhook body. It carries the submitted personal fields, `kyc_result`, and for `created` /
 * `retry` the `retryCode` and `attempts`. Fields the body lacks (no OCR block) are left null so
 * `mergeArgosView` keeps what we already hold.
 */
export function fromWebhook(w: ArgosWebhook, ttlMs: number, now = Date.now()): ProviderVerificationView {
  const kyc = w.kyc_result!;
  const createdAt = argosDate(kyc.created_at);
  const expiresAt = createdAt ? new Date(Date.parse(createdAt) + ttlMs).toISOString() : null;
  const attemptList = Array.isArray(w.attempts) ? w.attempts : null;
  const retryCount = typeof w.attempts === 'number' ? w.attempts : attemptList ? attemptList.filter((a) => a.retryCode?.length).length : null;
  const codes = list(w.retryCode);
  const retry: ArgosRetry[] | null = codes.length ? codes.map((retryCode) => ({ retryCode, retryMsg: '' })) : w.webhook_trigger === 'created' ? [] : null;
  // step 2 was tried when the body carries its fields (they appear only when submitted) or a face retry code
  const step2Started = kyc.status !== 'incomplete' || !!kyc.pending_at || !!(w.fullName || w.date_of_birth) || codes.some((c) => c.startsWith('face_'));
  const status = toUnifiedStatus({ kycStatus: kyc.status, retryCount: retryCount ?? 0, hasRetry: codes.length > 0, step2Started, expiresAt, now });
  const [firstName, lastName] = splitName(w.fullName);
  const hasPersonal = !!(w.fullName || w.date_of_birth);
  const identityDocument: IdentityDocument | null = hasPersonal
    ? {
        type: w.idType ? w.idType.toUpperCase() : null,
        country: toAlpha2(w.issuingCountry),
        serialNo: null,
        nationalNo: w.identityNumber ?? w.documentNumber ?? null,
        firstName,
        lastName,
        dateOfBirth: w.date_of_birth ?? null,
        placeOfBirth: null,
        nationality: toAlpha2(w.nationality),
        expiryAt: w.expireDate ?? null,
        issuedAt: w.issueDate ?? null,
        issuingAuthority: null,
        placeOfIssue: null,
        createdAt: null,
        updatedAt: null,
      }
    : null;
  const comment = list(kyc.comment);
  const details: ArgosDetailsShape = {
    kind: 'ArgosDetails',
    kycStatus: kyc.status,
    retryCount,
    retry,
    nextStep: nextStep(status, step2Started),
    idType: w.idType ? w.idType.toUpperCase() : null,
    issuingCountry: w.issuingCountry ?? null,
    email: w.email ?? null,
    userid: w.userid ?? null,
    cf1: w.cf?.cf1 ?? null,
    cf2: w.cf?.cf2 ?? null,
    cf3: w.cf?.cf3 ?? null,
    reviewOCRData: null,
    documentFields: null,
    missingFields: null,
    idImageUploaded: null,
    idBackImageUploaded: null,
    verificationResult: null,
    faceSimilarityScore: null,
    livenessScore: null,
    reviewer: kyc.reviewer ?? null,
    ...NO_GET_FIELDS,
    rejectCodes: kyc.status === 'rejected' && comment.length ? comment : null,
  };
  return {
    providerRef: w.submission_id,
    status,
    providerStatus: kyc.status,
    externalId: w.userid ?? null,
    url: null,
    country: toAlpha2(w.issuingCountry),
    identityDocument,
    faceScan: null,
    reviewReason: kyc.status === 'rejected' ? (comment.join(', ') || null) : status === 'DECLINED' ? 'too_many_retry' : reasonOf(retry),
    retriesLeft: retryCount === null ? null : Math.max(0, ARGOS_MAX_TRIES - retryCount),
    metadata: null,
    details,
    expiresAt,
    providerUpdatedAt: argosDate(kyc.updated_at),
  };
}

const isEmpty = (v: unknown) => v === null || v === undefined;

/** Keeps what we know when a GET or webhook view lacks it (webhooks carry no OCR block). */
export function mergeArgosView(current: ProviderVerificationView, incoming: ProviderVerificationView): ProviderVerificationView {
  const merged: ProviderVerificationView = { ...incoming };
  for (const k of ['identityDocument', 'faceScan', 'country', 'externalId', 'retriesLeft'] as const) {
    if (isEmpty(merged[k])) (merged as unknown as Record<string, unknown>)[k] = current[k];
  }
  // the 4 h count from when we first recorded the submission
  merged.expiresAt = current.expiresAt ?? incoming.expiresAt;
  if (current.identityDocument && incoming.identityDocument) {
    const doc: Record<string, unknown> = { ...current.identityDocument };
    const from = incoming.identityDocument as unknown as Record<string, unknown>;
    for (const k of Object.keys(from)) if (!isEmpty(from[k])) doc[k] = from[k];
    merged.identityDocument = doc as unknown as IdentityDocument;
  }
  if (current.details && incoming.details) {
    const d: Record<string, unknown> = { ...current.details };
    const from = incoming.details as Record<string, unknown>;
    for (const k of Object.keys(from)) if (!isEmpty(from[k])) d[k] = from[k];
    merged.details = d as ProviderVerificationView['details'];
  } else {
    merged.details = incoming.details ?? current.details;
  }
  return merged;
}
