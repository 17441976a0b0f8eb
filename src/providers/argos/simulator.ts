// A faithful local Argos: step 1 (ID images → OCR) and step 2 (selfie + confirmed fields) as
// multipart form-data with x-api-key auth and the documented validation and error messages,
// GET of a submission, the retry counter (3 tries), the 4 h submissionId validity, the reviewer
// page and advance route, and the Basic-authenticated webhooks. Served under /sandbox/argos.
//
// Deterministic OCR: the data "read" from an ID is derived from the SHA-256 of the front image's
// bytes (`simulateOcr`), so a test can predict it. 640×480 is only Argos's recommendation: a
// smaller image is read. An image too small to hold a legible ID (shorter side below
// UNREADABLE_BELOW_PX) is not: step 1 answers `incomplete` with retry code `mrz_protocol_fail`; a
// selfie that small shows no comparable face: step 2 answers `incomplete` with
// `face_compare_underscore`. GET answers `{"Items": [item]}` in Argos's shape (dates
// `YYYY-MM-DD-HH-MM-SS-ZZZ`); webhooks `created`, `retry`, `submit`, `approved`, `rejected`.
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import busboy from 'busboy';
import { imageSize } from 'image-size';
import { BodyTooLargeError, sendHtml, sendJson } from '../../http/httpkit.js';
import { renderSandboxPage } from '../../http/sandbox-page.js';
import { commonSandboxAccess, type SandboxAccess, type Simulator } from '../contract.js';
import { PerSessionQueue } from '../../sandbox/queue.js';
import { SandboxFaults as TenantFaults } from '../../sandbox/faults.js';
import {
  ARGOS_FALSE_ONLY_OPTIONS,
  ARGOS_ID_TYPES,
  ARGOS_KYC_STATUSES,
  ARGOS_MAX_TRIES,
  type ArgosDocumentFields,
  type ArgosKycStatus,
  type ArgosRetry,
  type ArgosReviewOcrData,
  type ArgosStep1Response,
  type ArgosStep2Fields,
  type ArgosStep2Response,
  type ArgosSubmissionItem,
  type ArgosWebhook,
  type ArgosWebhookTrigger,
  toArgosDate,
} from './mapper.js';
import { basicAuthorization } from './webhook.js';

export interface ArgosSimulatorOptions {
  apiKey: string;
  webhookSecret: string;
  /** Where webhooks go, e.g. http://localhost:4000/webhooks/argos */
  webhookUrl: () => string;
  /** Public base of this simulator, e.g. http://localhost:4000/sandbox/argos (reviewer page links). */
  publicBase: () => string;
  /** submissionId validity; read on every use so tests can shorten it. seed: 4 hours. */
  submissionTtlMs: () => number;
}

/** seed: "limit: 2mb" per image. */
export const ARGOS_MAX_IMAGE_BYTES = 2 * 1024 * 1024;
/**
 * seed: "The recommended standard for 'idImage' and 'idBackImage' is 640 x 480 pixels": a
 * recommendation, not a rule. The sandbox reads any image whose shorter side is at least this.
 */
export const UNREADABLE_BELOW_PX = 160;
const unreadable = (head: Buffer) => {
  const { width, height } = imageSize(head);
  return Math.min(width, height) < UNREADABLE_BELOW_PX;
};

interface Submission {
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

interface Fault {
  status: number;
  times: number;
  delayMs: number;
  retryAfter: number | null;
}

const FIRST_NAMES = ['Minjun', 'Seoyeon', 'Aarav', 'Priya', 'Lucas', 'Sofia', 'Kwame', 'Amara', 'Mateo', 'Yuki', 'Noah', 'Layla'];
const LAST_NAMES = ['Kim', 'Park', 'Sharma', 'Patel', 'Silva', 'Rossi', 'Mensah', 'Okafor', 'Garcia', 'Tanaka', 'Muller', 'Haddad'];
const pad = (n: number) => String(n).padStart(2, '0');

/** What the sandbox OCR reads from a front image: a pure function of its bytes (and the country). */
export function simulateOcr(front: Uint8Array, issuingCountry: string) {
  return simulateOcrFromDigest(createHash('sha256').update(front).digest(), issuingCountry);
}

/** `simulateOcr` from the SHA-256 of the image (what the simulator computes while streaming it). */
function simulateOcrFromDigest(h: Buffer, issuingCountry: string): {
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

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Step 2 with address collection on needs one of these (provider-specs/argos.md). */
const ADDRESS_CODES = ['globalCode', 'compoundCode', 'formatted_address'] as const;
/** The reviewer's comment shown beside a reject code in GET `kyc.comment`. */
const REJECT_COMMENTS: Record<string, string> = {
  too_many_retry: 'Too many failed attempts.',
  id_info_dataMismatch: 'The submitted data does not match the ID.',
};
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ALPHA3 = /^[A-Z]{3}$/;
const RANK: Record<ArgosKycStatus, number> = { incomplete: 0, pending: 1, approved: 2, rejected: 2 };
const FINAL = new Set<ArgosKycStatus>(['approved', 'rejected']);

class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** Bytes of an image kept to read its type and dimensions (PNG and JPEG put them near the start). */
const IMAGE_HEAD_BYTES = 128 * 1024;

/**
 * A file of a multipart request, as the simulator needs it: streamed through, never held whole
 * (its size, SHA-256 and first IMAGE_HEAD_BYTES).
 */
class UploadedFile {
  constructor(
    readonly name: string,
    readonly type: string,
    /** Bytes received (beyond ARGOS_MAX_IMAGE_BYTES + 1 the parser stops counting). */
    readonly size: number,
    readonly sha256: Buffer,
    readonly head: Buffer,
  ) {}
}

type Form = Map<string, string | UploadedFile>;

export class ArgosSimulator implements Simulator {
  /** Two images of 2 MB plus the fields. */
  readonly maxBodyBytes = 2 * ARGOS_MAX_IMAGE_BYTES + 256 * 1024;
  private readonly submissions = new Map<string, Submission>();
  private readonly queue = new PerSessionQueue();
  private readonly retries = new Set<NodeJS.Timeout>();
  /** Injected faults, per tenant (sandbox-faults.ts). */
  private readonly faults = new TenantFaults<Fault>();
  /** Requests received per route; tests read it to count upstream calls. */
  readonly requests = { step1: 0, step2: 0, get: 0, inFlight: 0, maxInFlight: 0 };
  /** Bytes of each image part received by the last step 1 / step 2 (tests check what was sent). */
  lastFiles: Record<string, { size: number; type: string; sha256: string; filename: string }> = {};
  /** Text fields of the last step 1 / step 2 request. */
  lastFields: Record<string, string> = {};
  webhooksSent = 0;
  /** Webhook triggers sent, in order (tests read it). */
  readonly triggersSent: ArgosWebhookTrigger[] = [];
  /**
   * The project's collect-address option: step 2 then needs one of globalCode, compoundCode,
   * formatted_address and an address image (provider-specs/argos.md, "Step 2"). Default off.
   */
  collectAddress = false;

  constructor(private readonly options: ArgosSimulatorOptions) {}

  /** Step 1 and step 2 carry images: their multipart bodies are parsed from the stream. */
  streamsBody(method: string, path: string): boolean {
    return method === 'POST' && /^\/v3\/submission\/step[12](\?|$)/.test(path);
  }

  async handle(req: IncomingMessage, res: ServerResponse, path: string, rawBody: Buffer): Promise<boolean> {
    const url = new URL(path, 'http://sim');
    const p = url.pathname;
    const method = req.method ?? 'GET';
    if (p.startsWith('/v3/')) {
      if (!this.authorized(req)) {
        sendJson(res, 401, { message: 'invalid api key' });
        return true;
      }
      this.requests.maxInFlight = Math.max(this.requests.maxInFlight, ++this.requests.inFlight);
      try {
        if (await this.applyFault(res)) return true;
        return await this.api(req, res, p, method, url, rawBody);
      } catch (err) {
        if (!(err instanceof HttpError)) throw err;
        sendJson(res, err.status, { message: err.message });
        return true;
      } finally {
        this.requests.inFlight--;
      }
    }
    return this.sandboxRoutes(res, p, method, rawBody);
  }

  private async api(req: IncomingMessage, res: ServerResponse, p: string, method: string, url: URL, rawBody: Buffer): Promise<boolean> {
    if (method === 'POST' && p === '/v3/submission/step1') {
      this.requests.step1++;
      const { body, after } = await this.step1(await readForm(req, this.maxBodyBytes));
      sendJson(res, 200, body);
      after?.();
      return true;
    }
    if (method === 'POST' && p === '/v3/submission/step2') {
      this.requests.step2++;
      const { body, after } = await this.step2(await readForm(req, this.maxBodyBytes));
      sendJson(res, 200, body);
      after?.();
      return true;
    }
    if (method === 'GET' && p === '/v3/submission') {
      this.requests.get++;
      const id = url.searchParams.get('submission_id');
      if (!id) throw new HttpError(400, 'missing required parameters');
      // a list even for one id (provider-specs/argos.md); an unknown id lists nothing
      const s = this.submissions.get(id);
      sendJson(res, 200, { Items: s ? [this.view(s)] : [] });
      return true;
    }
    return false;
  }

  private expired(s: Submission) {
    return Date.parse(s.createdAt) + this.options.submissionTtlMs() <= Date.now();
  }

  private async step1(form: Form): Promise<{ body: ArgosStep1Response; after?: () => void }> {
    this.lastFields = textFields(form);
    const text = (k: string) => (typeof form.get(k) === 'string' ? (form.get(k) as string) : undefined);
    const email = text('email');
    const idType = text('idType');
    const issuingCountry = text('issuingCountry');
    const front = form.get('idImage');
    const back = form.get('idBackImage');
    // seed: "issuingCountry/email/idType/idImage must be submitted"
    if (!email || !idType || !issuingCountry || !(front instanceof UploadedFile)) throw new HttpError(400, 'missing required parameters');
    if (!(ARGOS_ID_TYPES as readonly string[]).includes(idType)) throw new HttpError(400, 'invalid id type');
    if (!EMAIL.test(email)) throw new HttpError(400, 'invalid email address format');
    if (!ALPHA3.test(issuingCountry)) throw new HttpError(400, 'failed to parse the input data');
    checkImage(front, 'invalid id image');
    const backFile = back instanceof UploadedFile ? checkImage(back, 'invalid id image') : null;
    let customOptions: Record<string, boolean> = {};
    const rawOptions = text('customOptions');
    if (rawOptions !== undefined) {
      try {
        customOptions = JSON.parse(rawOptions);
      } catch {
        throw new HttpError(400, 'failed to parse the input data');
      }
      // seed: only rejectDuplicateUser may be true
      const bad = !customOptions || typeof customOptions !== 'object' || Array.isArray(customOptions) ||
        Object.entries(customOptions).some(([k, v]) => typeof v !== 'boolean' || (k !== 'rejectDuplicateUser' && !(ARGOS_FALSE_ONLY_OPTIONS as readonly string[]).includes(k)) || ((ARGOS_FALSE_ONLY_OPTIONS as readonly string[]).includes(k) && v !== false));
      if (bad) throw new HttpError(400, 'failed to parse the input data');
    }
    const retryOf = text('submissionId');
    // duplicate prevention: an approved applicant cannot submit again unless the option is off
    if (!retryOf && customOptions.approvePeriod !== false && customOptions.rejectDuplicateUser !== false) {
      if ([...this.submissions.values()].some((s) => s.email === email && s.kycStatus === 'approved')) throw new HttpError(400, `${email} is already approved`);
    }
    const now = new Date().toISOString();
    let s: Submission;
    if (retryOf) {
      const existing = this.submissions.get(retryOf);
      if (!existing || this.expired(existing)) throw new HttpError(400, 'invalid submission id');
      if (existing.kycStatus !== 'incomplete' || existing.step2Tried || existing.retryCount >= ARGOS_MAX_TRIES) throw new HttpError(400, 'this submission is already processed');
      s = existing;
      Object.assign(s, { email, idType, issuingCountry, updatedAt: now });
    } else {
      s = {
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
      this.submissions.set(s.id, s);
    }
    const created = !retryOf;
    this.lastFiles = { idImage: describe(front), ...(backFile ? { idBackImage: describe(backFile) } : {}) };
    s.images.idImage = `${this.options.publicBase()}/images/${s.id}/idImage.${front.type === 'image/png' ? 'png' : 'jpg'}`;
    if (backFile) s.images.idBackImage = `${this.options.publicBase()}/images/${s.id}/idBackImage.${backFile.type === 'image/png' ? 'png' : 'jpg'}`;
    if (unreadable(front.head)) {
      s.retryCount++;
      s.retry = [{ retryCode: 'mrz_protocol_fail', retryMsg: 'The ID could not be read; send a sharper image with a little padding around the ID.' }];
      s.attempts.push({ attemptCnt: s.attempts.length + 1, retryCode: ['mrz_protocol_fail'], retryMsg: [s.retry[0].retryMsg] });
      s.ocr = null;
      s.documentFields = null;
      s.missingFields = [];
      if (s.retryCount >= ARGOS_MAX_TRIES) {
        s.kycStatus = 'rejected';
        s.comment = 'too_many_retry';
        s.resultAt = now;
      }
      const triggers: ArgosWebhookTrigger[] = [...(created ? ['created' as const] : []), s.kycStatus === 'rejected' ? 'rejected' : 'retry'];
      return {
        after: () => this.notify(s, triggers),
        body: {
          submissionId: s.id,
          file_upload: 'true',
          ...(backFile ? { file_back_upload: 'true' as const } : {}),
          retry: s.retry,
          kycStatus: s.kycStatus,
          retryCount: s.retryCount,
        },
      };
    }
    const ocr = simulateOcrFromDigest(front.sha256, issuingCountry);
    s.ocr = ocr.reviewOCRData;
    s.documentFields = ocr.document_fields;
    s.missingFields = ocr.missing_fields;
    s.retry = [];
    s.attempts.push({ attemptCnt: s.attempts.length + 1, retryCode: [], retryMsg: [] });
    return {
      after: created ? () => this.notify(s, ['created']) : undefined,
      body: {
        submissionId: s.id,
        reviewOCRData: s.ocr,
        document_fields: s.documentFields,
        missing_fields: s.missingFields,
        idImage: `${s.id}/idImage.${front.type === 'image/png' ? 'png' : 'jpg'}`,
        ...(backFile ? { idBackImage: `${s.id}/idBackImage.${backFile.type === 'image/png' ? 'png' : 'jpg'}`, file_back_upload: 'true' as const } : {}),
        file_upload: 'true',
        kycStatus: s.kycStatus,
        retryCount: s.retryCount,
      },
    };
  }

  private async step2(form: Form): Promise<{ body: ArgosStep2Response; after?: () => void }> {
    this.lastFields = textFields(form);
    const text = (k: string) => (typeof form.get(k) === 'string' ? (form.get(k) as string) : undefined);
    const s = this.submissions.get(text('submissionId') ?? '');
    if (!s || (!s.step2Tried && this.expired(s)) || !s.ocr) throw new HttpError(400, 'invalid submission id');
    if (s.kycStatus !== 'incomplete' || s.retryCount >= ARGOS_MAX_TRIES) throw new HttpError(400, 'this submission is already processed');
    const face = form.get('faceImage');
    if (!(face instanceof UploadedFile)) throw new HttpError(400, 'invalid face image');
    checkImage(face, 'invalid face image');
    const name = text('name');
    const dob = text('date_of_birth');
    if (!name || !dob) throw new HttpError(400, 'missing required parameters for identity verification');
    const gender = text('gender');
    const nationality = text('nationality');
    for (const k of ['date_of_birth', 'date_of_issue', 'date_of_expiry']) if (text(k) !== undefined && !DATE.test(text(k)!)) throw new HttpError(400, 'failed to parse the input data');
    if ((gender !== undefined && gender !== 'male' && gender !== 'female') || (nationality !== undefined && !ALPHA3.test(nationality))) {
      throw new HttpError(400, 'failed to parse the input data');
    }
    // the collect-address option: one of the address codes, and a readable address image
    const addressImage = form.get('addressImage');
    if (this.collectAddress) {
      if (!ADDRESS_CODES.some((k) => text(k))) throw new HttpError(400, 'missing address data parameters');
      if (!(addressImage instanceof UploadedFile)) throw new HttpError(400, 'invalid or missing an address image');
      checkImage(addressImage, 'invalid or missing an address image');
    }
    this.lastFiles = { faceImage: describe(face), ...(addressImage instanceof UploadedFile ? { addressImage: describe(addressImage) } : {}) };
    s.images.selfieImage = `${this.options.publicBase()}/images/${s.id}/selfieImage.${face.type === 'image/png' ? 'png' : 'jpg'}`;
    if (addressImage instanceof UploadedFile) s.images.addressImage = `${this.options.publicBase()}/images/${s.id}/addressImage.${addressImage.type === 'image/png' ? 'png' : 'jpg'}`;
    if (this.collectAddress) s.address = Object.fromEntries([...ADDRESS_CODES, 'address_input', 'address_detail'].flatMap((k) => (text(k) ? [[k, text(k)!]] : [])));
    const now = new Date().toISOString();
    s.step2Tried = true;
    s.updatedAt = now;
    s.step2 = Object.fromEntries([...form].filter(([, v]) => typeof v === 'string')) as Record<string, string>;
    const h = face.sha256;
    s.livenessScore = 90 + (h[0] % 10);
    if (unreadable(face.head)) {
      s.retryCount++;
      s.faceSimilarityScore = h[1] % 40;
      s.retry = [{ retryCode: 'face_compare_underscore', retryMsg: 'The face does not match the ID photo.' }];
      s.attempts.push({ attemptCnt: s.attempts.length + 1, retryCode: ['face_compare_underscore'], retryMsg: [s.retry[0].retryMsg], livenessScore: s.livenessScore });
      if (s.retryCount >= ARGOS_MAX_TRIES) {
        s.kycStatus = 'rejected';
        s.comment = 'too_many_retry';
        s.resultAt = now;
        s.retry = [];
      }
      return {
        body: { submissionId: s.id, verificationResult: 'success', faceSimilarityScore: s.faceSimilarityScore, livenessScore: s.livenessScore, ...(s.retry.length ? { retry: s.retry } : {}), kycStatus: s.kycStatus, retryCount: s.retryCount },
        after: () => this.notify(s, [s.kycStatus === 'rejected' ? 'rejected' : 'retry']),
      };
    }
    s.faceSimilarityScore = 80 + (h[1] % 20);
    s.retry = [];
    s.attempts.push({ attemptCnt: s.attempts.length + 1, retryCode: [], retryMsg: [], livenessScore: s.livenessScore });
    s.kycStatus = 'pending';
    s.pendingAt = now;
    return {
      body: { submissionId: s.id, verificationResult: 'success', faceSimilarityScore: s.faceSimilarityScore, livenessScore: s.livenessScore, kycStatus: s.kycStatus, retryCount: s.retryCount },
      // Argos reports the move to pending with the `submit` webhook
      after: () => this.notify(s, ['submit']),
    };
  }

  /** Sends these webhooks in order, after the answer (per-submission queue keeps the order). */
  private notify(s: Submission, triggers: ArgosWebhookTrigger[]) {
    for (const t of triggers) void this.queue.run(s.id, () => this.sendWebhook(s, t));
  }

  /** One item of GET /submission (provider-specs/argos.md, "Reading a submission back"). */
  private view(s: Submission): ArgosSubmissionItem {
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
  private webhookBody(s: Submission, trigger: ArgosWebhookTrigger): ArgosWebhook {
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

  /** Sends one webhook; failed deliveries are retried in the background (1 s doubling, 6 tries). */
  private async sendWebhook(s: Submission, trigger: ArgosWebhookTrigger, body = JSON.stringify(this.webhookBody(s, trigger)), attempt = 1): Promise<boolean> {
    let ok = false;
    try {
      this.webhooksSent++;
      if (attempt === 1) this.triggersSent.push(trigger);
      const res = await fetch(this.options.webhookUrl(), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: basicAuthorization(this.options.webhookSecret) },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      await res.arrayBuffer();
      ok = res.status >= 200 && res.status < 300;
    } catch {
      ok = false;
    }
    if (!ok && attempt < 6) {
      const t = setTimeout(() => {
        this.retries.delete(t);
        void this.sendWebhook(s, trigger, body, attempt + 1);
      }, 1000 * 2 ** (attempt - 1));
      t.unref();
      this.retries.add(t);
    }
    return ok;
  }

  private canAdvance(s: Submission, to: ArgosKycStatus): boolean {
    if (FINAL.has(s.kycStatus) || s.retryCount >= ARGOS_MAX_TRIES) return false;
    if (RANK[to] <= RANK[s.kycStatus]) return false;
    // the end user cannot submit step 2 for an ID that was never read, or after the 4 h
    if (to === 'pending' && (!s.ocr || (!s.step2Tried && this.expired(s)))) return false;
    return true;
  }

  private async sandboxRoutes(res: ServerResponse, p: string, method: string, rawBody: Buffer): Promise<boolean> {
    let m: RegExpExecArray | null;
    if (method === 'POST' && (m = /^\/([^/]+)\/advance$/.exec(p))) {
      await this.advanceRoute(res, decodeURIComponent(m[1]), rawBody);
      return true;
    }
    if (method === 'GET' && (m = /^\/app\/([^/]+)$/.exec(p))) {
      const s = this.submissions.get(decodeURIComponent(m[1]));
      if (!s) sendHtml(res, 404, '<!doctype html><title>Not found</title><p>No such Argos sandbox submission.</p>');
      else sendHtml(res, 200, this.page(s));
      return true;
    }
    if (p === '/faults') {
      if (method === 'DELETE') {
        this.faults.set(res, null);
        sendJson(res, 200, { fault: null });
        return true;
      }
      if (method === 'POST') {
        const b = safeJson(rawBody) as Partial<Fault> | undefined;
        if (!b || (typeof b.status !== 'number' && typeof b.delayMs !== 'number')) {
          sendJson(res, 400, { message: 'give "status" (HTTP code to answer) and/or "delayMs"' });
          return true;
        }
        const fault = this.faults.set(res, { status: b.status ?? 0, times: b.times ?? Infinity, delayMs: b.delayMs ?? 0, retryAfter: b.retryAfter ?? null })!;
        sendJson(res, 200, { fault: { ...fault, times: Number.isFinite(fault.times) ? fault.times : null } });
        return true;
      }
    }
    return false;
  }

  private async advanceRoute(res: ServerResponse, id: string, rawBody: Buffer) {
    const body = safeJson(rawBody) as { to?: unknown; comment?: unknown; reviewer?: unknown; fields?: unknown } | undefined;
    const to = body?.to;
    if (typeof to !== 'string' || !(ARGOS_KYC_STATUSES as readonly string[]).includes(to)) {
      sendJson(res, 400, { message: `"to" must be one of ${ARGOS_KYC_STATUSES.join(', ')}` });
      return;
    }
    if (body?.comment !== undefined && typeof body.comment !== 'string') {
      sendJson(res, 400, { message: '"comment" (a reject code, e.g. id_info_dataMismatch) must be a string' });
      return;
    }
    const confirmed = body?.fields === undefined ? undefined : confirmedFields(body.fields);
    if (typeof confirmed === 'string') {
      sendJson(res, 400, { message: confirmed });
      return;
    }
    if (!this.submissions.has(id)) {
      sendJson(res, 404, { message: 'No such submission' });
      return;
    }
    const outcome = await this.queue.run(id, async () => {
      const s = this.submissions.get(id)!;
      if (!this.canAdvance(s, to as ArgosKycStatus)) return { conflict: s.kycStatus };
      // the OCR fields can be confirmed or corrected only while step 2 is still to do
      if (confirmed && s.step2) return { conflict: s.kycStatus, message: 'Step 2 is done: its fields can no longer be corrected' };
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
      s.kycStatus = to as ArgosKycStatus;
      s.retry = [];
      s.updatedAt = now;
      if (FINAL.has(s.kycStatus)) {
        s.resultAt = now;
        s.reviewer = typeof body?.reviewer === 'string' ? body.reviewer : 'sandbox-reviewer';
        if (to === 'rejected') s.comment = (body?.comment as string | undefined) ?? 'id_info_dataMismatch';
      }
      const trigger: ArgosWebhookTrigger = to === 'pending' ? 'submit' : (to as ArgosWebhookTrigger);
      return { delivered: await this.sendWebhook(s, trigger) };
    });
    if ('conflict' in outcome) {
      sendJson(res, 409, { message: outcome.message ?? `Cannot move a submission in ${outcome.conflict} to ${to}`, status: outcome.conflict });
      return;
    }
    sendJson(res, outcome.delivered ? 200 : 202, { id, status: this.submissions.get(id)!.kycStatus, webhookDelivered: outcome.delivered });
  }

  private page(s: Submission): string {
    const actions = [
      { label: 'Confirm the fields and submit step 2 (end user)', to: 'pending' },
      { label: 'Approve (reviewer)', to: 'approved' },
      { label: 'Reject (reviewer)', to: 'rejected' },
    ].filter((a) => this.canAdvance(s, a.to as ArgosKycStatus));
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
        ['Valid until', s.step2Tried ? '—' : new Date(Date.parse(s.createdAt) + this.options.submissionTtlMs()).toISOString()],
      ],
      actions,
      advancePath: `${new URL(this.options.publicBase()).pathname}/${encodeURIComponent(s.id)}/advance`,
    });
  }

  /** API key check, constant time (provider-specs/argos.md: header x-api-key). */
  private authorized(req: IncomingMessage): boolean {
    const given = req.headers['x-api-key'];
    if (typeof given !== 'string' || !given) return false;
    const a = createHash('sha256').update(given).digest();
    const b = createHash('sha256').update(this.options.apiKey).digest();
    return timingSafeEqual(a, b);
  }

  private async applyFault(res: ServerResponse): Promise<boolean> {
    const f = this.faults.get(res);
    if (!f || f.times <= 0) return false;
    f.times--;
    if (f.delayMs) await new Promise((r) => setTimeout(r, f.delayMs));
    if (!f.status) return false;
    sendJson(res, f.status, { message: f.status === 429 ? 'too many requests' : 'data processing error' }, f.retryAfter != null ? { 'retry-after': String(f.retryAfter) } : {});
    return true;
  }

  /** The sandbox guard's view of a route (contract.ts). */
  sandboxAccess(method: string, path: string): SandboxAccess | null {
    if (path.startsWith('/v3/')) return { kind: 'api' };
    const page = method === 'GET' ? /^\/app\/([^/]+)$/.exec(path) : null;
    if (page) return { kind: 'session', ref: decodeURIComponent(page[1]) };
    return commonSandboxAccess(method, path);
  }

  async close(): Promise<void> {
    for (const t of this.retries) clearTimeout(t);
    this.retries.clear();
    await this.queue.drain();
  }
}

/**
 * seed: "data should be submitted in 'form-data' format". Parsed from the request stream (busboy)
 * so no image is ever held whole (see UploadedFile); a body over `limit` bytes is refused
 * (413) as the server's body reader would.
 */
async function readForm(req: IncomingMessage, limit: number): Promise<Form> {
  const type = req.headers['content-type'] ?? '';
  if (!/^multipart\/form-data/i.test(type)) {
    req.resume();
    throw new HttpError(400, 'failed to parse the input data');
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    throw new BodyTooLargeError(limit);
  }
  const out: Form = new Map();
  const pending: Promise<void>[] = [];
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: req.headers, limits: { fileSize: ARGOS_MAX_IMAGE_BYTES + 1, files: 4, fields: 50 } });
  } catch {
    req.resume();
    throw new HttpError(400, 'failed to parse the input data');
  }
  parser.on('field', (name, value) => {
    if (!out.has(name)) out.set(name, value);
  });
  parser.on('file', (name, stream, info) => {
    const read = (async () => {
      const hash = createHash('sha256');
      const head: Buffer[] = [];
      let size = 0;
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        if (size < IMAGE_HEAD_BYTES) head.push(chunk.subarray(0, IMAGE_HEAD_BYTES - size));
        size += chunk.length;
        hash.update(chunk);
      }
      if (stream.truncated) size = ARGOS_MAX_IMAGE_BYTES + 2; // over the limit; the parser dropped the rest
      if (!out.has(name)) out.set(name, new UploadedFile(info.filename ?? '', info.mimeType, size, hash.digest(), Buffer.concat(head)));
    })();
    read.catch(() => {}); // awaited below on success; a refused body abandons it
    pending.push(read);
  });
  // The request is piped, never destroyed: on a refusal the rest of the body is drained, so the
  // client reads the answer and its keep-alive connection stays usable.
  await new Promise<void>((resolve, reject) => {
    let received = 0;
    let settled = false;
    const fail = (err: Error) => {
      if (settled) return;
      settled = true;
      req.unpipe(parser);
      req.resume();
      parser.destroy();
      reject(err instanceof BodyTooLargeError ? err : new HttpError(400, 'failed to parse the input data'));
    };
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > limit) fail(new BodyTooLargeError(limit));
    });
    req.on('error', fail);
    parser.on('error', fail);
    parser.on('close', () => {
      if (settled) return;
      settled = true;
      resolve();
    });
    req.pipe(parser);
  });
  try {
    await Promise.all(pending);
  } catch {
    throw new HttpError(400, 'failed to parse the input data');
  }
  return out;
}

/** seed: jpg, jpeg, png; limit 2 MB. The bytes decide, not the name. */
function checkImage(file: UploadedFile, message: string): UploadedFile {
  if (file.size === 0 || file.size > ARGOS_MAX_IMAGE_BYTES) throw new HttpError(400, message);
  try {
    const { type } = imageSize(file.head);
    if (type !== 'jpg' && type !== 'png') throw new Error(type);
  } catch {
    throw new HttpError(400, message);
  }
  return file;
}

function describe(file: UploadedFile) {
  return { size: file.size, type: file.type, filename: file.name, sha256: file.sha256.toString('hex') };
}

const textFields = (form: Form) => Object.fromEntries([...form].filter(([, v]) => typeof v === 'string')) as Record<string, string>;

function safeJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return undefined;
  }
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
function confirmedFields(raw: unknown): Record<string, string> | string {
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
