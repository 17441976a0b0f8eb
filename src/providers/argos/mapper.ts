// Argos wire types (the seed's own field names) and their mapping to the unified model.
// Seed: ../shared/seeds/argos-submission-step1.txt; facts: ../shared/provider-specs/argos.md
import countries from 'i18n-iso-countries';
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
}

export interface ArgosReviewOcrData {
  ocr_birthDate?: string;
  accepted_ocr_birthDate?: boolean;
  ocr_issueDate?: string;
  accepted_ocr_issueDate?: boolean;
  ocr_expireDate?: string;
  accepted_ocr_expireDate?: boolean;
  ocr_lastName?: string;
  accepted_ocr_lastName?: boolean;
  ocr_firstName?: string;
  accepted_ocr_firstName?: boolean;
  ocr_name?: string;
  accepted_ocr_name?: boolean;
  ocr_gender?: string;
  accepted_ocr_gender?: boolean;
  ocr_nationality?: string;
  accepted_ocr_nationality?: boolean;
  ocr_identityNumber?: string;
  accepted_ocr_identityNumber?: boolean;
  ocr_licenseNumber?: string;
  accepted_ocr_licenseNumber?: boolean;
}

export const ARGOS_DOCUMENT_FIELDS = [
  'expireDate', 'idNumber', 'identityNumber', 'gender', 'issueDate', 'nationality', 'number', 'name', 'birthDate', 'serialNumber', 'documentNumber',
] as const;
/** seed: an object of booleans; in Universal mode an array when OCR recognition fails. */
export type ArgosDocumentFields = Partial<Record<(typeof ARGOS_DOCUMENT_FIELDS)[number], boolean>> | string[];

export interface ArgosRetry {
  retryCode: string;
  retryMsg: string;
}

/** Response of POST /submission/step1 (seed, "Output Data"). */
export interface ArgosStep1Response {
  submissionId: string;
  reviewOCRData?: ArgosReviewOcrData;
  document_fields?: ArgosDocumentFields;
  missing_fields?: string[];
  idImage?: string;
  idBackImage?: string;
  file_upload?: 'true' | 'false';
  file_back_upload?: 'true' | 'false';
  retry?: ArgosRetry[];
  kycStatus: ArgosKycStatus;
  retryCount: number;
}

/** Response of POST /submission/step2 (provider-specs/argos.md, "Step 2"). */
export interface ArgosStep2Response {
  submissionId?: string;
  verificationResult?: string;
  faceSimilarityScore?: number;
  livenessScore?: number;
  retry?: ArgosRetry[];
  kycStatus: ArgosKycStatus;
  retryCount: number;
}

export interface ArgosKycResult {
  status: ArgosKycStatus;
  updated_at?: string;
  created_at?: string;
  kyc_result_at?: string | null;
  pending_at?: string | null;
  reviewer?: string | null;
  comment?: string | null;
}

/**
 * One submission as GET /submission?submission_id= returns it, and (minus the OCR block) as a
 * webhook carries it (provider-specs/argos.md, "Webhooks": body fields).
 */
export interface ArgosSubmission {
  submission_id: string;
  kyc_result: ArgosKycResult;
  applicant_id?: string;
  email?: string;
  userid?: string;
  cf?: { cf1?: string; cf2?: string; cf3?: string };
  fullName?: string;
  idType?: string;
  issuingCountry?: string;
  issueDate?: string;
  expireDate?: string;
  identityNumber?: string;
  documentNumber?: string;
  gender?: string;
  date_of_birth?: string;
  nationality?: string;
  retryCode?: string;
  attempts?: number;
  // GET only (not documented for webhooks)
  retryCount?: number;
  retry?: ArgosRetry[];
  reviewOCRData?: ArgosReviewOcrData;
  document_fields?: ArgosDocumentFields;
  missing_fields?: string[];
  faceSimilarityScore?: number;
  livenessScore?: number;
}

export const ARGOS_WEBHOOK_TRIGGERS = ['created', 'retry', 'approved', 'rejected', 'submit', 'updated', 'delete', 'injection', 'aml', 'aml_monitor'] as const;
export type ArgosWebhookTrigger = (typeof ARGOS_WEBHOOK_TRIGGERS)[number];
export interface ArgosWebhook extends ArgosSubmission {
  webhook_trigger: ArgosWebhookTrigger;
}

/** Error body. The material lists messages only; we assume `{"message": …}` (README). */
export interface ArgosError {
  message: string;
}

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
};

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

const documentFieldsObject = (f: ArgosDocumentFields | undefined): Record<string, boolean> | null =>
  f && !Array.isArray(f) ? { ...f } : null;

/** OCR data as the unified identity document (only values Argos read). */
function ocrDocument(ocr: ArgosReviewOcrData | undefined, idType: string | null, issuingCountry: string | null): IdentityDocument | null {
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
  const status = toUnifiedStatus({ kycStatus: res.kycStatus, retryCount, hasRetry: !!res.retry?.length, step2Started: false, expiresAt, now });
  const details: ArgosDetailsShape = {
    kind: 'ArgosDetails',
    kycStatus: res.kycStatus,
    retryCount,
    retry: res.retry ?? [],
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
    idImageUploaded: res.file_upload === undefined ? null : res.file_upload === 'true',
    idBackImageUploaded: res.file_back_upload === undefined ? null : res.file_back_upload === 'true',
    verificationResult: null,
    faceSimilarityScore: null,
    livenessScore: null,
    reviewer: null,
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
    reviewReason: status === 'DECLINED' ? 'too_many_retry' : reasonOf(res.retry),
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
  const status = toUnifiedStatus({ kycStatus: res.kycStatus, retryCount, hasRetry: !!res.retry?.length, step2Started: true, expiresAt: current.expiresAt, now });
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
  const details: ArgosDetailsShape = {
    ...(prev as ArgosDetailsShape),
    kind: 'ArgosDetails',
    kycStatus: res.kycStatus,
    retryCount,
    retry: res.retry ?? [],
    nextStep: nextStep(status, true),
    verificationResult: res.verificationResult ?? null,
    faceSimilarityScore: res.faceSimilarityScore ?? null,
    livenessScore: res.livenessScore ?? null,
  };
  return {
    ...current,
    status,
    providerStatus: res.kycStatus,
    identityDocument,
    faceScan: { ageEstimation: null, createdAt: new Date(now).toISOString(), updatedAt: new Date(now).toISOString() },
    reviewReason: status === 'DECLINED' && !res.retry?.length ? 'too_many_retry' : reasonOf(res.retry),
    retriesLeft: Math.max(0, ARGOS_MAX_TRIES - retryCount),
    details,
    providerUpdatedAt: null,
  };
}

/**
 * A submission as GET returns it or a webhook carries it. Fields the body lacks (a webhook has
 * no OCR block) are left undefined/null so `mergeArgosView` keeps what we already hold.
 */
export function fromSubmission(s: ArgosSubmission, ttlMs: number, now = Date.now()): ProviderVerificationView {
  const kyc = s.kyc_result;
  const createdAt = kyc.created_at ? Date.parse(kyc.created_at) : null;
  const expiresAt = createdAt !== null && !Number.isNaN(createdAt) ? new Date(createdAt + ttlMs).toISOString() : null;
  const retryCount = s.retryCount ?? s.attempts ?? null;
  const retry = s.retry ?? (s.retryCode ? [{ retryCode: s.retryCode, retryMsg: '' }] : null);
  const step2Started = kyc.status !== 'incomplete' || s.faceSimilarityScore !== undefined || !!kyc.pending_at;
  const status = toUnifiedStatus({ kycStatus: kyc.status, retryCount: retryCount ?? 0, hasRetry: !!retry?.length, step2Started, expiresAt, now });
  const hasPersonal = s.fullName || s.date_of_birth;
  const [firstName, ...rest] = (s.fullName ?? '').trim().split(/\s+/);
  const identityDocument: IdentityDocument | null = hasPersonal
    ? {
        type: s.idType ? s.idType.toUpperCase() : null,
        country: toAlpha2(s.issuingCountry),
        serialNo: null,
        nationalNo: s.identityNumber ?? s.documentNumber ?? null,
        firstName: firstName || null,
        lastName: rest.length ? rest.join(' ') : null,
        dateOfBirth: s.date_of_birth ?? null,
        placeOfBirth: null,
        nationality: toAlpha2(s.nationality),
        expiryAt: s.expireDate ?? null,
        issuedAt: s.issueDate ?? null,
        issuingAuthority: null,
        placeOfIssue: null,
        createdAt: null,
        updatedAt: null,
      }
    : (ocrDocument(s.reviewOCRData, s.idType ?? null, s.issuingCountry ?? null) ?? null);
  const details = {
    kind: 'ArgosDetails',
    kycStatus: kyc.status,
    retryCount,
    retry,
    nextStep: nextStep(status, step2Started),
    idType: s.idType ? s.idType.toUpperCase() : null,
    issuingCountry: s.issuingCountry ?? null,
    email: s.email ?? null,
    userid: s.userid ?? null,
    cf1: s.cf?.cf1 ?? null,
    cf2: s.cf?.cf2 ?? null,
    cf3: s.cf?.cf3 ?? null,
    reviewOCRData: s.reviewOCRData ?? null,
    documentFields: documentFieldsObject(s.document_fields),
    missingFields: s.missing_fields ?? null,
    idImageUploaded: null,
    idBackImageUploaded: null,
    verificationResult: null,
    faceSimilarityScore: s.faceSimilarityScore ?? null,
    livenessScore: s.livenessScore ?? null,
    reviewer: kyc.reviewer ?? null,
  } satisfies ArgosDetailsShape;
  return {
    providerRef: s.submission_id,
    status,
    providerStatus: kyc.status,
    externalId: s.userid ?? null,
    url: null,
    country: toAlpha2(s.issuingCountry),
    identityDocument,
    faceScan: null,
    reviewReason: kyc.status === 'rejected' ? (kyc.comment ?? null) : status === 'DECLINED' ? 'too_many_retry' : reasonOf(retry),
    retriesLeft: retryCount === null ? null : Math.max(0, ARGOS_MAX_TRIES - retryCount),
    metadata: null,
    details,
    expiresAt,
    providerUpdatedAt: kyc.updated_at ?? null,
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
    for (const [k, v] of Object.entries(incoming.identityDocument)) if (!isEmpty(v)) doc[k] = v;
    merged.identityDocument = doc as unknown as IdentityDocument;
  }
  if (current.details && incoming.details) {
    const d: Record<string, unknown> = { ...current.details };
    for (const [k, v] of Object.entries(incoming.details)) if (!isEmpty(v)) d[k] = v;
    merged.details = d as ProviderVerificationView['details'];
  } else {
    merged.details = incoming.details ?? current.details;
  }
  return merged;
}
