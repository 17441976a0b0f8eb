// UpPass wire types (the seed's own field names) and their mapping to the unified model.
// Seed: ../shared/seeds/uppass-api.txt; facts: ../shared/provider-specs/uppass.md
import { z } from 'zod/v4';
import { toCanonicalIso } from '../../domain/iso-time.js';
import { extend } from '../../domain/objects.js';
import type { FaceScan, IdentityDocument, ProviderVerificationView, VerificationStatus } from '../../domain/verification.js';
import type { HostedStartFields } from '../contract.js';

/**
 * `application.status` values. UpPass publishes no list (provider-specs/uppass.md); `accepted`,
 * `rejected`, `review_needed` and `complete` are seen in integrations. `created`, `in_progress`
 * and `expired` are our names for a form not opened yet, being filled in, and dropped off.
 */
export const UPPASS_APPLICATION_STATUSES = ['created', 'in_progress', 'complete', 'review_needed', 'accepted', 'rejected', 'expired'] as const;
export type UpPassApplicationStatus = (typeof UPPASS_APPLICATION_STATUSES)[number];

/** `other_status.ekyc` values seen in integrations. */
export const UPPASS_EKYC_STATUSES = ['pass', 'fail', 'need_review'] as const;

/** `event.type` values seen in integrations (not an official list). */
export const UPPASS_EVENT_TYPES = [
  'submit_form',
  'update_status',
  'drop_off',
  'ekyc_front_card_reached_max_attempts',
  'ekyc_liveness_reached_max_attempt',
] as const;
const MAX_ATTEMPT_EVENTS = new Set(['ekyc_front_card_reached_max_attempts', 'ekyc_liveness_reached_max_attempt']);

/** seed: "By default, UpPass will ask National ID"; `passport` switches the KYC step. */
export const UPPASS_DOCUMENT_TYPES = ['national_id', 'passport'] as const;

// Wire schemas (zod), written from the seed's examples (uppass-api.txt: Create Form response
// l.101-109, Submission webhook l.113-243, resend response l.249-261). Every answer and webhook
// body is parsed with them (../parse.ts); the types below are what they accept. The seed shows
// "string"/0 placeholders only, so a field we do not rely on may also be null or absent; the
// fields the mapping needs (slug, form, status, event.type) are required.
const str = z.string();
const optStr = z.string().nullable().optional();
const optNum = z.number().nullable().optional();
const num = z.number();
const optUnknown = z.unknown().optional();

/** Body of POST /{lang}/api/forms/{form_slug}/create/ (seed: "answers: object"). */
export const UpPassCreateFormRequestSchema = z.object({ answers: z.record(z.string(), z.unknown()).optional() });
export type UpPassCreateFormRequest = z.infer<typeof UpPassCreateFormRequestSchema>;

/** Create Form response (seed l.101-109). */
export const UpPassCreateFormResponseSchema = z.object({
  info: str,
  detail: z.object({ form: str, step: optStr, section: optStr, submitted_at: optStr, slug: str.min(1) }),
  form_url: str.min(1),
});
export type UpPassCreateFormResponse = z.infer<typeof UpPassCreateFormResponseSchema>;

export const UpPassApplicationSchema = z.object({
  id: optNum,
  no: optStr,
  form: str.min(1),
  slug: str.min(1),
  status: str.min(1),
  other_status: z.object({ ekyc: optStr }).nullable().optional(),
  submitted_at: optStr,
});
export type UpPassApplication = z.infer<typeof UpPassApplicationSchema>;

export const UpPassEventSchema = z.object({ type: str.min(1), nounce: optStr, created_at: optStr });
export type UpPassEvent = z.infer<typeof UpPassEventSchema>;

const LivenessAttempt = z.object({
  id: num,
  images: z.array(z.object({ url: str, action: str })).nullable().optional(),
  status: str,
  attempt: num,
  message: optStr,
  created_at: optStr,
});
export type UpPassLivenessAttempt = z.infer<typeof LivenessAttempt>;

const DocumentAttempt = z.object({
  id: num,
  url: str,
  type: str,
  status: str,
  attempt: num,
  message: optStr,
  created_at: optStr,
});
export type UpPassDocumentAttempt = z.infer<typeof DocumentAttempt>;

export const UpPassEkycSchema = z.object({
  liveness: z.object({ url: optStr, attempts: z.array(LivenessAttempt).nullable().optional() }).nullable().optional(),
  face_compare: z.object({ score: optNum, status: optStr }).nullable().optional(),
  identity_document: z
    .object({ url: optStr, type: optStr, attempts: z.array(DocumentAttempt).nullable().optional(), face_image_url: optStr })
    .nullable()
    .optional(),
});
export type UpPassEkyc = z.infer<typeof UpPassEkycSchema>;

/** Bank statement summary: we keep id, validations and the document count (transactions stay at UpPass). */
export const UpPassBankStatementSchema = z.object({
  id: num,
  margin: optUnknown,
  casa_weighted_pct: optUnknown,
  validation: z.record(z.string(), z.boolean()).nullable().optional(),
  validation_pass: z.boolean().nullable().optional(),
  validation_note: z.record(z.string(), z.unknown()).nullable().optional(),
  documents: z.array(z.object({ id: num }).passthrough()).nullable().optional(),
  created_at: optStr,
  deleted_at: optUnknown,
});
export type UpPassBankStatement = z.infer<typeof UpPassBankStatementSchema>;

export const UpPassAnswerSchema = z.object({ value: z.unknown(), created_at: optStr, updated_at: optStr });
export type UpPassAnswer = z.infer<typeof UpPassAnswerSchema>;

const Extra = z.object({ ekyc: UpPassEkycSchema.nullable().optional(), bank_statement: UpPassBankStatementSchema.nullable().optional() });

/** The Submission webhook body (seed l.113-243). */
export const UpPassWebhookSchema = z.object({
  event: UpPassEventSchema,
  extra: Extra.nullable().optional(),
  answers: z.record(z.string(), UpPassAnswerSchema).nullable().optional(),
  application: UpPassApplicationSchema,
});
export type UpPassWebhook = z.infer<typeof UpPassWebhookSchema>;

/** Resend webhook response: the short webhook body, event + application (seed l.249-261). */
export const UpPassResendResponseSchema = z.object({ event: UpPassEventSchema, application: UpPassApplicationSchema });
export type UpPassResendResponse = z.infer<typeof UpPassResendResponseSchema>;

/**
 * Applied-form info (GET {info}). UpPass documents only its URL; we expect the create response's
 * fields plus the Submission webhook's `application` (required: it carries the status), `answers`
 * and `extra` (README, UpPass choices).
 */
export const UpPassAppliedFormInfoSchema = z.object({
  info: optStr,
  form_url: optStr,
  application: UpPassApplicationSchema,
  answers: z.record(z.string(), UpPassAnswerSchema).nullable().optional(),
  extra: Extra.nullable().optional(),
});
export type UpPassAppliedFormInfo = z.infer<typeof UpPassAppliedFormInfoSchema>;

/**
 * Error body. UpPass is a Django REST Framework API (its error types are DRF's exception names):
 * `{"type": "...", "detail": "..."}`; for 422 `detail` is the field map, e.g. `{"input": ["Input is invalid."]}`.
 */
export interface UpPassError {
  type?: string;
  detail?: string | Record<string, unknown>;
}

/** The documented error types by HTTP status (seed "errors" tables). */
export const UPPASS_ERROR_TYPES: Record<number, string> = {
  400: 'ParseError',
  401: 'AuthenticationFailed',
  403: 'PermissionDenied',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  406: 'NotAcceptable',
  415: 'UnsupportedMediaType',
  422: 'ValidationError',
  429: 'Throttled',
  431: 'RequestHeaderFieldsTooLarge',
  500: 'APIException',
  461: 'InsufficientCredit',
  462: 'StoreScanCodeExpired',
  463: 'StoreScanCodeInvalid',
  464: 'TermLoanExpired',
  465: 'ReturnAmountExceedCreditUsage',
};

/** Seed descriptions, used as `detail` by the simulator. */
export const UPPASS_ERROR_DETAILS: Record<string, string> = {
  ParseError: 'Malformed request.',
  AuthenticationFailed: 'Incorrect authentication credentials.',
  NotAuthenticated: 'Authentication credentials were not provided.',
  PermissionDenied: 'You do not have permission to perform this action.',
  NotFound: 'Not found.',
  Http404: 'Not found.',
  MethodNotAllowed: 'Method not allowed.',
  NotAcceptable: 'Could not satisfy the request Accept header.',
  UnsupportedMediaType: 'Unsupported media type in request.',
  ValidationError: 'Invalid input.',
  Throttled: 'Request was throttled.',
  RequestHeaderFieldsTooLarge: 'One or more header fields exceeds the maximum size.',
  APIException: 'A server error occurred.',
  Exception: 'A server error occurred.',
  InsufficientCredit: 'Insufficient Credit',
  StoreScanCodeExpired: 'Code expired.',
  StoreScanCodeInvalid: 'Invalid payment code',
  TermLoanExpired: 'Term loan expired',
  ReturnAmountExceedCreditUsage: 'Return amount exceed credit usage',
};

const STATUS_MAP: Record<string, VerificationStatus> = {
  created: 'CREATED',
  in_progress: 'IN_PROGRESS',
  review_needed: 'IN_REVIEW',
  accepted: 'APPROVED',
  rejected: 'DECLINED',
  expired: 'EXPIRED',
};

/**
 * The unified status. The application's decision wins (`accepted`, `rejected`, `review_needed`);
 * a `complete` application (submitted, no decision step) follows `other_status.ekyc`; `drop_off`
 * means the form expired; a max-attempts event ends an undecided application as DECLINED.
 * An unknown status is IN_REVIEW once submitted, IN_PROGRESS before.
 */
export function toUnifiedStatus(status: string, ekyc: string | null | undefined, eventType: string | null, submittedAt: string | null): VerificationStatus {
  const decided = status === 'accepted' || status === 'rejected' || status === 'review_needed';
  if (eventType === 'drop_off' && !decided) return 'EXPIRED';
  if (eventType && MAX_ATTEMPT_EVENTS.has(eventType) && !decided) return 'DECLINED';
  if (status === 'complete') return ekyc === 'pass' ? 'APPROVED' : ekyc === 'fail' ? 'DECLINED' : 'IN_REVIEW';
  return STATUS_MAP[status] ?? (submittedAt ? 'IN_REVIEW' : 'IN_PROGRESS');
}

/** ISO 8601 of a provider time, or null when it is absent or not a date. */
export function isoOrNull(value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return null;
  return toCanonicalIso(value);
}

export type UpPassDetailsShape = {
  kind: 'UpPassDetails';
  formSlug: string;
  lang: string | null;
  applicationId: number | null;
  applicationNo: string | null;
  step: string | null;
  section: string | null;
  submittedAt: string | null;
  lastEventType: string | null;
  ekycStatus: string | null;
  answers: { questionKey: string; value: unknown; createdAt: string | null; updatedAt: string | null }[];
  liveness: {
    url: string | null;
    attempts: { id: number; attempt: number; status: string; message: string | null; createdAt: string | null; images: { url: string; action: string }[] }[];
  } | null;
  faceCompare: { score: number | null; status: string | null } | null;
  documentCheck: {
    url: string | null;
    type: string | null;
    faceImageUrl: string | null;
    attempts: { id: number; url: string; type: string; status: string; attempt: number; message: string | null; createdAt: string | null }[];
  } | null;
  bankStatement: { id: number; validationPass: boolean | null; documentCount: number; validation: Record<string, boolean> | null; createdAt: string | null } | null;
};

const list = <T>(v: T[] | null | undefined): T[] => (Array.isArray(v) ? v : []);

/** The view right after Create Form: the person has not opened the form yet. */
export function createdView(res: UpPassCreateFormResponse, lang: string): ProviderVerificationView {
  const details: UpPassDetailsShape = {
    kind: 'UpPassDetails',
    formSlug: res.detail.form,
    lang,
    applicationId: null,
    applicationNo: null,
    step: res.detail.step ?? null,
    section: res.detail.section ?? null,
    submittedAt: isoOrNull(res.detail.submitted_at),
    lastEventType: null,
    ekycStatus: null,
    answers: [],
    liveness: null,
    faceCompare: null,
    documentCheck: null,
    bankStatement: null,
  };
  return {
    providerRef: res.detail.slug,
    status: 'CREATED',
    providerStatus: 'created',
    externalId: null,
    url: res.form_url,
    country: null,
    identityDocument: null,
    faceScan: null,
    reviewReason: null,
    retriesLeft: null,
    metadata: null,
    details,
    expiresAt: null,
    providerUpdatedAt: null,
  };
}

/**
 * A Submission webhook (or an applied-form info answer) as a view. What UpPass does not send
 * (the form url, lang) is null here and kept from the stored record by `mergeView`.
 */
export function toView(body: { application: UpPassApplication; event?: UpPassEvent | null; extra?: UpPassWebhook['extra']; answers?: UpPassWebhook['answers'] }): ProviderVerificationView {
  const app = body.application;
  const ekyc = body.extra?.ekyc ?? null;
  const eventType = body.event?.type ?? null;
  const ekycStatus = app.other_status?.ekyc ?? null;
  const liveness = ekyc?.liveness ?? null;
  const livenessAttempts = list(liveness?.attempts);
  const doc = ekyc?.identity_document ?? null;
  const docAttempts = list(doc?.attempts);
  const bank = body.extra?.bank_statement ?? null;

  const identityDocument: IdentityDocument | null = doc
    ? {
        type: doc.type ?? null,
        country: null,
        serialNo: null,
        nationalNo: null,
        firstName: null,
        lastName: null,
        dateOfBirth: null,
        placeOfBirth: null,
        nationality: null,
        expiryAt: null,
        issuedAt: null,
        issuingAuthority: null,
        placeOfIssue: null,
        createdAt: isoOrNull(docAttempts[0]?.created_at),
        updatedAt: isoOrNull(docAttempts.at(-1)?.created_at),
      }
    : null;
  const faceScan: FaceScan | null = livenessAttempts.length
    ? { ageEstimation: null, createdAt: isoOrNull(livenessAttempts[0].created_at), updatedAt: isoOrNull(livenessAttempts.at(-1)!.created_at) }
    : null;

  const status = toUnifiedStatus(app.status, ekycStatus, eventType, app.submitted_at ?? null);
  // why it was reviewed or declined: a max-attempts event, else the last failed attempt's message
  const failed = [...livenessAttempts, ...docAttempts].filter((a) => a.status !== 'pass' && a.message);
  const reviewReason =
    status === 'DECLINED' || status === 'IN_REVIEW'
      ? eventType && MAX_ATTEMPT_EVENTS.has(eventType)
        ? eventType
        : (failed.at(-1)?.message ?? null)
      : null;

  const details: UpPassDetailsShape = {
    kind: 'UpPassDetails',
    formSlug: app.form,
    lang: null,
    applicationId: typeof app.id === 'number' ? app.id : null,
    applicationNo: app.no ?? null,
    step: null,
    section: null,
    submittedAt: isoOrNull(app.submitted_at),
    lastEventType: eventType,
    ekycStatus,
    answers: Object.entries(body.answers ?? {}).map(([questionKey, a]) => ({
      questionKey,
      value: a && typeof a === 'object' && 'value' in a ? a.value : a,
      createdAt: isoOrNull(a?.created_at),
      updatedAt: isoOrNull(a?.updated_at),
    })),
    liveness: liveness
      ? {
          url: liveness.url ?? null,
          attempts: livenessAttempts.map((a) => ({
            id: a.id,
            attempt: a.attempt,
            status: a.status,
            message: a.message ?? null,
            createdAt: isoOrNull(a.created_at),
            images: list(a.images).map((i) => ({ url: i.url, action: i.action })),
          })),
        }
      : null,
    faceCompare: ekyc?.face_compare ? { score: ekyc.face_compare.score ?? null, status: ekyc.face_compare.status ?? null } : null,
    documentCheck: doc
      ? {
          url: doc.url ?? null,
          type: doc.type ?? null,
          faceImageUrl: doc.face_image_url ?? null,
          attempts: docAttempts.map((a) => ({ id: a.id, url: a.url, type: a.type, status: a.status, attempt: a.attempt, message: a.message ?? null, createdAt: isoOrNull(a.created_at) })),
        }
      : null,
    bankStatement: bank
      ? { id: bank.id, validationPass: bank.validation_pass ?? null, documentCount: list(bank.documents).length, validation: bank.validation ?? null, createdAt: isoOrNull(bank.created_at) }
      : null,
  };
  return {
    providerRef: app.slug,
    status,
    providerStatus: eventType === 'drop_off' && status === 'EXPIRED' && app.status !== 'expired' ? 'drop_off' : app.status,
    externalId: null,
    url: null,
    country: null,
    identityDocument,
    faceScan,
    reviewReason,
    retriesLeft: null,
    metadata: null,
    details,
    expiresAt: null,
    providerUpdatedAt: isoOrNull(body.event?.created_at),
  };
}

/**
 * UpPass webhooks carry no form url and no lang, and a resend or an early event may carry no
 * `extra`: what the incoming view leaves out is kept from what we hold. UpPass only adds data
 * to an application, so "absent" means "not told", never "removed".
 */
export function mergeView(current: ProviderVerificationView, incoming: ProviderVerificationView): ProviderVerificationView {
  const cur = (current.details ?? {}) as Partial<UpPassDetailsShape>;
  const inc = (incoming.details ?? {}) as Partial<UpPassDetailsShape>;
  const details: UpPassDetailsShape = {
    kind: 'UpPassDetails',
    formSlug: inc.formSlug ?? cur.formSlug ?? '',
    lang: inc.lang ?? cur.lang ?? null,
    applicationId: inc.applicationId ?? cur.applicationId ?? null,
    applicationNo: inc.applicationNo ?? cur.applicationNo ?? null,
    step: inc.step ?? cur.step ?? null,
    section: inc.section ?? cur.section ?? null,
    submittedAt: inc.submittedAt ?? cur.submittedAt ?? null,
    lastEventType: inc.lastEventType ?? cur.lastEventType ?? null,
    ekycStatus: inc.ekycStatus ?? cur.ekycStatus ?? null,
    answers: inc.answers?.length ? inc.answers : (cur.answers ?? []),
    liveness: inc.liveness ?? cur.liveness ?? null,
    faceCompare: inc.faceCompare ?? cur.faceCompare ?? null,
    documentCheck: inc.documentCheck ?? cur.documentCheck ?? null,
    bankStatement: inc.bankStatement ?? cur.bankStatement ?? null,
  };
  return extend(incoming, {
    externalId: incoming.externalId ?? current.externalId,
    url: incoming.url ?? current.url,
    country: incoming.country ?? current.country,
    identityDocument: incoming.identityDocument ?? current.identityDocument,
    faceScan: incoming.faceScan ?? current.faceScan,
    metadata: incoming.metadata ?? current.metadata,
    expiresAt: incoming.expiresAt ?? current.expiresAt,
    providerUpdatedAt: incoming.providerUpdatedAt ?? current.providerUpdatedAt,
    details,
  });
}

/** Question keys as UpPass's form builder names them (the keys of `answers`). */
const QUESTION_KEY = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}$/;
/** At most this many predefined answers (the same bound as startUpPassVerification's `answers`). */
const MAX_HOSTED_ANSWERS = 200;
/** A form language as the `{lang}` url prefix takes it. */
const FORM_LANG = /^[a-z]{2}(-[a-z]{2,4})?$/;
/** The form language when the routed start gives none. */
export const HOSTED_DEFAULT_LANG = 'en';

/**
 * The routed start's common fields as an UpPass Create Form call (seed): the form is
 * UPPASS_FORM_SLUG, `lang` is the url's language, `metadata` becomes the predefined `answers`
 * (its keys must be question keys). Urls, phone, country and expiry have no UpPass field.
 */
export function hostedCreateForm(
  f: HostedStartFields,
  formSlug: string,
): { ok: true; lang: string; formSlug: string; body: UpPassCreateFormRequest } | { ok: false; field: keyof HostedStartFields; message: string } {
  const lang = f.lang ?? HOSTED_DEFAULT_LANG;
  if (!FORM_LANG.test(lang)) return { ok: false, field: 'lang', message: 'must be a language code such as en or th when the start may go to UPPASS' };
  const answers = f.metadata ?? {};
  const keys = Object.keys(answers);
  if (keys.length > MAX_HOSTED_ANSWERS) return { ok: false, field: 'metadata', message: `must have at most ${MAX_HOSTED_ANSWERS} keys when the start may go to UPPASS (they become its predefined answers)` };
  const bad = keys.find((k) => !QUESTION_KEY.test(k));
  if (bad !== undefined) {
    return { ok: false, field: 'metadata', message: `key ${JSON.stringify(bad.slice(0, 100))} must be an UpPass question key (letters, digits, _ . -; at most 100) when the start may go to UPPASS` };
  }
  return { ok: true, lang, formSlug, body: { answers } };
}
