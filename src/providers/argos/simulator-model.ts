// The Argos sandbox's model of Argos: a submission as the simulator keeps it, the deterministic
// OCR (a pure function of the front image's bytes, so a test can predict it), the step 2 fields
// the reviewer page confirms, and the shapes Argos shows a submission in: the GET item and the
// webhook body (provider-specs/argos.md). Dates in Argos's `YYYY-MM-DD-HH-MM-SS-ZZZ`.
import { createHash, randomUUID } from 'node:crypto';
import { imageSize } from 'image-size';
import { renderSandboxPage } from '../../http/sandbox-page.js';
import type { UploadedFile } from '../../sandbox/multipart.js';
import {
  ARGOS_MAX_TRIES,
  type ArgosDocumentFields,
  type ArgosKycStatus,
  type ArgosRetry,
  type ArgosReviewOcrData,
  type ArgosStep2Fields,
  type ArgosSubmissionItem,
  type ArgosWebhook,
  type ArgosWebhookTrigger,
  toArgosDate,
} from './mapper.js';

export interface Submission {
  id: string;
  createdAt: string;
  updatedAt: string;
  email: string;
  userid?: string;
  cf: { cf1?: string; cf2?: string; cf3?: string };
  idType: string;
  issuingCountry: string;
  customOptions: Record<string, boolean>;
  kycStatus: ArgosKycStatus;
  retryCount: number;
  retry: ArgosRetry[];
  ocr: ArgosReviewOcrData | null;
  documentFields: ArgosDocumentFields | null;
  missingFields: string[];
  step2: Record<string, string> | null;
  step2Tried: boolean;
  faceSimilarityScore?: number;
  livenessScore?: number;
  pendingAt: string | null;
  resultAt: string | null;
  reviewer: string | null;
  comment: string | null;
  /** Every try (step 1 and step 2), as GET `kyc.attempts` lists them. */
  attempts: { attemptCnt: number; retryCode: string[]; retryMsg: string[]; livenessScore?: number }[];
  images: { idImage?: string; idBackImage?: string; selfieImage?: string; addressImage?: string };
  address: Record<string, string> | null;
}

/** seed: "limit: 2mb" per image. */
export const ARGOS_MAX_IMAGE_BYTES = 2 * 1024 * 1024;
/**
 * seed: "The recommended standard for 'idImage' and 'idBackImage' is 640 x 480 pixels": a
 * recommendation, not a rule. The sandbox reads any image whose shorter side is at least this.
 * An image too small to hold a legible ID is not: step 1 answers `incomplete` with retry code
 * `mrz_protocol_fail`; a selfie that small shows no comparable face: step 2 answers `incomplete`
 * with `face_compare_underscore`.
 */
export const UNREADABLE_BELOW_PX = 160;
export const unreadable = (head: Buffer) => {
  const { width, height } = imageSize(head);
  return Math.min(width, height) < UNREADABLE_BELOW_PX;
};

export const RANK: Record<ArgosKycStatus, number> = { incomplete: 0, pending: 1, approved: 2, rejected: 2 };
export const FINAL = new Set<ArgosKycStatus>(['approved', 'rejected']);


export const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const ALPHA3 = /^[A-Z]{3}$/;
/** The reviewer's comment shown beside a reject code in GET `kyc.comment`. */
const REJECT_COMMENTS: Record<string, string> = {
  too_many_retry: 'Too many failed attempts.',
  id_info_dataMismatch: 'The submitted data does not match the ID.',
};

const FIRST_NAMES = ['Minjun', 'Seoyeon', 'Aarav', 'Priya', 'Lucas', 'Sofia', 'Kwame', 'Amara', 'Mateo', 'Yuki', 'Noah', 'Layla'];
const LAST_NAMES = ['Kim', 'Park', 'Sharma', 'Patel', 'Silva', 'Rossi', 'Mensah', 'Okafor', 'Garcia', 'Tanaka', 'Muller', 'Haddad'];
const pad = (n: number) => String(n).padStart(2, '0');

/** What the sandbox OCR reads from a front image: a pure function of its bytes (and the country). */
export function simulateOcr(front: Uint8Array, issuingCountry: string) {
  return simulateOcrFromDigest(createHash('sha256').update(front).digest(), issuingCountry);
}

/** `simulateOcr` from the SHA-256 of the image (what the simulator computes while streaming it). */
export function simulateOcrFromDigest(h: Buffer, issuingCountry: string): {
  reviewOCRData: ArgosReviewOcrData;
  document_fields: Record<string, boolean>;
  missing_fields: string[];
} {
  const first = FIRST_NAMES[h[0] % FIRST_NAMES.length];
  const last = LAST_NAMES[h[1] % LAST_NAMES.length];
  const birth = `${1950 + (h[2] % 50)}-${pad(1 + (h[3] % 12))}-${pad(1 + (h[4] % 28))}`;
  const issueYear = 2016 + (h[5] % 8);
  const issue = `${issueYear}-${pad(1 + (h[6] % 12))}-${pad(1 + (h[7] % 28))}`;
  const expire = `${issueYear + 10}-${issue.slice(5)}`;
  const identityNumber = h.subarray(8, 14).toString('hex').replace(/[a-f]/g, (c) => String(c.charCodeAt(0) % 10)).toUpperCase();
  // every fourth image (by its first hash byte) has an unreadable gender field
  const genderUnreadable = h[0] % 4 === 0;
  const reviewOCRData: ArgosReviewOcrData = {
    ocr_firstName: first,
    accepted_ocr_firstName: true,
    ocr_lastName: last,
    accepted_ocr_lastName: true,
    ocr_name: `${first} ${last}`,
    accepted_ocr_name: true,
    ocr_birthDate: birth,
    accepted_ocr_birthDate: true,
    ocr_issueDate: issue,
    accepted_ocr_issueDate: true,
    ocr_expireDate: expire,
    accepted_ocr_expireDate: true,
    ocr_gender: genderUnreadable ? '' : h[9] % 2 ? 'male' : 'female',
    accepted_ocr_gender: !genderUnreadable,
    ocr_nationality: issuingCountry,
    accepted_ocr_nationality: true,
    ocr_identityNumber: identityNumber,
    accepted_ocr_identityNumber: true,
  };
  const document_fields = { expireDate: true, identityNumber: true, gender: true, issueDate: true, nationality: true, name: true, birthDate: true, documentNumber: false };
  return { reviewOCRData, document_fields, missing_fields: genderUnreadable ? ['gender'] : [] };
}

/** One item of GET /submission (provider-specs/argos.md, "Reading a submission back"). */
export function submissionItem(s: Submission): ArgosSubmissionItem {
  const st = s.step2 ?? {};
  const [first, ...rest] = (st.name ?? '').split(/\s+/);
  const date = (iso: string | null) => (iso ? toArgosDate(new Date(iso)) : null);
  return {
    submission_id: s.id,
    email: s.email,
    ...(s.userid ? { userid: s.userid } : {}),
    data: {
      ...(s.step2
        ? {
            full_name: st.name,
            first_name: first,
            ...(rest.length ? { last_name: rest.join(' ') } : {}),
            date_of_birth: st.date_of_birth,
            ...(st.gender ? { gender: st.gender } : {}),
            ...(st.nationality ? { nationality: st.nationality } : {}),
            ...(st.date_of_issue ? { idcard_issueDate: st.date_of_issue } : {}),
            ...(st.date_of_expiry ? { idcard_expireDate: st.date_of_expiry } : {}),
            ...(st.identity_number ? { identity_number: st.identity_number } : {}),
            ...(st.document_number ? { document_number: st.document_number } : {}),
          }
        : {}),
      idType: s.idType,
      idcard_issuingCountry: s.issuingCountry,
      ...Object.fromEntries(Object.entries(s.cf).filter(([, v]) => v !== undefined)),
      ...(s.address?.formatted_address ? { address_street: s.address.formatted_address } : {}),
    },
    created_at: date(s.createdAt),
    updated_at: date(s.updatedAt),
    ...(s.pendingAt ? { pending_at: date(s.pendingAt) } : {}),
    ...(s.resultAt ? { kyc_result_at: date(s.resultAt) } : {}),
    ...(s.reviewer ? { reviewer: s.reviewer } : {}),
    image: { ...s.images },
    kyc: {
      result: s.kycStatus,
      ...(s.kycStatus === 'rejected' && s.comment ? { comment: [REJECT_COMMENTS[s.comment] ?? s.comment], commentCode: [s.comment] } : {}),
      attempts: s.attempts.map((a) => ({ ...a })),
    },
  };
}

/** A webhook body (provider-specs/argos.md, "Webhooks"): personal fields only when submitted. */
export function webhookBody(s: Submission, trigger: ArgosWebhookTrigger): ArgosWebhook {
  const st = s.step2 ?? {};
  const date = (iso: string | null) => (iso ? toArgosDate(new Date(iso)) : null);
  return {
    webhook_trigger: trigger,
    submission_id: s.id,
    kyc_result: {
      status: s.kycStatus,
      created_at: date(s.createdAt),
      updated_at: date(s.updatedAt),
      kyc_result_at: date(s.resultAt),
      pending_at: date(s.pendingAt),
      reviewer: s.reviewer,
      ...(s.kycStatus === 'rejected' ? { comment: s.comment } : {}),
    },
    applicant_id: createHash('sha256').update(s.email).digest('hex').slice(0, 16),
    email: s.email,
    ...(s.userid ? { userid: s.userid } : {}),
    cf: Object.fromEntries(Object.entries(s.cf).filter(([, v]) => v !== undefined)),
    idType: s.idType,
    issuingCountry: s.issuingCountry,
    ...(s.step2
      ? {
          fullName: st.name,
          date_of_birth: st.date_of_birth,
          ...(st.gender ? { gender: st.gender } : {}),
          ...(st.nationality ? { nationality: st.nationality } : {}),
          ...(st.date_of_issue ? { issueDate: st.date_of_issue } : {}),
          ...(st.date_of_expiry ? { expireDate: st.date_of_expiry } : {}),
          ...(st.identity_number ? { identityNumber: st.identity_number } : {}),
          ...(st.document_number ? { documentNumber: st.document_number } : {}),
        }
      : {}),
    // `created` and `retry` carry retryCode and attempts (provider-specs/argos.md)
    ...(trigger === 'created' || trigger === 'retry' ? { ...(s.retry[0] ? { retryCode: s.retry[0].retryCode } : {}), attempts: s.retryCount } : {}),
  };
}

/** The reviewer page: the end user confirms the OCR fields and submits step 2, a reviewer decides. */
export function reviewerPage(s: Submission, canAdvance: (to: ArgosKycStatus) => boolean, validUntil: string, advancePath: string): string {
  const actions = [
    { label: 'Confirm the fields and submit step 2 (end user)', to: 'pending' },
    { label: 'Approve (reviewer)', to: 'approved' },
    { label: 'Reject (reviewer)', to: 'rejected' },
  ].filter((a) => canAdvance(a.to as ArgosKycStatus));
  const ocr = s.ocr ?? {};
  // before step 2 the end user confirms or corrects what the OCR read; the values go with the next action
  const confirming = !!s.ocr && !s.step2 && actions.length > 0;
  return renderSandboxPage({
    providerName: 'Argos',
    ref: s.id,
    status: s.kycStatus,
    asks: s.ocr
      ? CONFIRMABLE.map((c) => ({
          label: c.name,
          detail: `${c.label}: read as ${String(ocr[c.ocr] ?? '') || 'nothing (unreadable)'}${s.step2 ? `; confirmed as ${s.step2[c.name] ?? '—'}` : ' — confirm or correct it'}`,
        }))
      : [{ label: 'idImage', detail: 'A readable photo of the ID (at least 640×480): the OCR could not read it yet' }],
    inputs: confirming ? CONFIRMABLE.map((c) => ({ name: c.name, label: c.label, value: String(ocr[c.ocr] ?? '') })) : undefined,
    fields: [
      ['Email', s.email],
      ['User id', s.userid ?? '—'],
      ['Custom fields', s.cf],
      ['ID type', s.idType],
      ['Issuing country', s.issuingCountry],
      ['Tries used', `${s.retryCount} of ${ARGOS_MAX_TRIES}`],
      ['Retry', s.retry.map((r) => r.retryCode).join(', ') || '—'],
      ['OCR name', s.ocr?.ocr_name ?? 'not read'],
      ['OCR date of birth', s.ocr?.ocr_birthDate ?? 'not read'],
      ['Missing fields', s.missingFields.join(', ') || '—'],
      ['Step 2', s.step2 ? `${s.step2.name} ${s.step2.date_of_birth}` : 'not done'],
      ['Valid until', s.step2Tried ? '—' : validUntil],
    ],
    actions,
    advancePath,
  });
}

/** The step 2 fields the reviewer page lets the end user confirm or correct, with the OCR value each starts from. */
const CONFIRMABLE: { name: keyof ArgosStep2Fields; label: string; ocr: keyof ArgosReviewOcrData }[] = [
  { name: 'name', label: 'Full name', ocr: 'ocr_name' },
  { name: 'date_of_birth', label: 'Date of birth (YYYY-MM-DD)', ocr: 'ocr_birthDate' },
  { name: 'gender', label: 'Gender (male or female)', ocr: 'ocr_gender' },
  { name: 'nationality', label: 'Nationality (ISO alpha-3)', ocr: 'ocr_nationality' },
  { name: 'identity_number', label: 'Identity number', ocr: 'ocr_identityNumber' },
  { name: 'date_of_issue', label: 'Date of issue (YYYY-MM-DD)', ocr: 'ocr_issueDate' },
  { name: 'date_of_expiry', label: 'Date of expiry (YYYY-MM-DD)', ocr: 'ocr_expireDate' },
];

/**
 * `fields` of POST …/advance: the step 2 text fields as the end user confirmed or corrected them,
 * checked as step 2 checks them (name and date of birth required; empty means not given).
 * Returns the fields, or a message saying what is wrong.
 */
export function confirmedFields(raw: unknown): Record<string, string> | string {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return '"fields" must be an object of step 2 fields';
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (!CONFIRMABLE.some((c) => c.name === k)) return `"fields.${k}" is not a step 2 field (${CONFIRMABLE.map((c) => c.name).join(', ')})`;
    if (typeof v !== 'string') return `"fields.${k}" must be a string`;
    if (v.trim()) out[k] = v.trim();
  }
  if (!out.name) return '"fields.name" is required';
  if (!out.date_of_birth) return '"fields.date_of_birth" is required';
  for (const k of ['date_of_birth', 'date_of_issue', 'date_of_expiry']) if (out[k] !== undefined && !DATE.test(out[k])) return `"fields.${k}" must be YYYY-MM-DD`;
  if (out.gender !== undefined && out.gender !== 'male' && out.gender !== 'female') return '"fields.gender" must be male or female';
  if (out.nationality !== undefined && !ALPHA3.test(out.nationality)) return '"fields.nationality" must be ISO 3166-1 alpha-3, e.g. KOR';
  return out;
}

/** Where a submission may go: forward, within its tries; `pending` needs a read ID, within its validity. */
export function canAdvance(s: Submission, to: ArgosKycStatus, expired: boolean): boolean {
  if (FINAL.has(s.kycStatus) || s.retryCount >= ARGOS_MAX_TRIES) return false;
  if (RANK[to] <= RANK[s.kycStatus]) return false;
  // the end user cannot submit step 2 for an ID that was never read, or after the 4 h
  if (to === 'pending' && (!s.ocr || (!s.step2Tried && expired))) return false;
  return true;
}

/** The end user completes step 2 as needed (with the fields confirmed on the page, else as read), then the reviewer decides. */
export function decide(s: Submission, to: ArgosKycStatus, confirmed: Record<string, string> | undefined, body: Record<string, unknown>): void {
  const now = new Date().toISOString();
  if (to === 'pending' || !s.step2) {
    // the end user completes step 2 with the fields as confirmed or corrected on the page,
    // else with what the OCR read
    const o = s.ocr ?? {};
    s.step2 ??= confirmed ?? { name: o.ocr_name ?? 'Sandbox Applicant', date_of_birth: o.ocr_birthDate ?? '1990-01-01', ...(o.ocr_gender ? { gender: o.ocr_gender } : {}), nationality: s.issuingCountry };
    s.step2Tried = true;
    s.pendingAt ??= now;
    s.faceSimilarityScore ??= 95;
    s.livenessScore ??= 99;
  }
  s.kycStatus = to;
  s.retry = [];
  s.updatedAt = now;
  if (FINAL.has(s.kycStatus)) {
    s.resultAt = now;
    s.reviewer = typeof body.reviewer === 'string' ? body.reviewer : 'sandbox-reviewer';
    if (to === 'rejected') s.comment = (body.comment as string | undefined) ?? 'id_info_dataMismatch';
  }
}

/** A new submission from a step 1 request (`text` reads its form fields). */
export function newSubmission(email: string, idType: string, issuingCountry: string, customOptions: Record<string, boolean>, text: (k: string) => string | undefined): Submission {
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    createdAt: now,
    updatedAt: now,
    email,
    userid: text('userid'),
    cf: { cf1: text('cf1'), cf2: text('cf2'), cf3: text('cf3') },
    idType,
    issuingCountry,
    customOptions,
    kycStatus: 'incomplete',
    retryCount: 0,
    retry: [],
    ocr: null,
    documentFields: null,
    missingFields: [],
    step2: null,
    step2Tried: false,
    pendingAt: null,
    resultAt: null,
    reviewer: null,
    comment: null,
    attempts: [],
    images: {},
    address: null,
  };
}

/** seed: jpg, jpeg, png; limit 2 MB. The bytes decide, not the name. */
export function validImage(file: UploadedFile): boolean {
  if (file.size === 0 || file.size > ARGOS_MAX_IMAGE_BYTES) return false;
  try {
    const { type } = imageSize(file.head);
    return type === 'jpg' || type === 'png';
  } catch {
    return false;
  }
}

export function describe(file: UploadedFile) {
  return { size: file.size, type: file.type, filename: file.name, sha256: file.sha256.toString('hex') };
}

/** The name Argos stores an uploaded image under: `{submissionId}/{part}.png|jpg`. */
export const imageName = (id: string, part: string, file: UploadedFile) => `${id}/${part}.${file.type === 'image/png' ? 'png' : 'jpg'}`;
