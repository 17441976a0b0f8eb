// A faithful local Argos: step 1 (ID images → OCR) and step 2 (selfie + confirmed fields) as
// multipart form-data with x-api-key auth and the documented validation and error messages,
// GET of a submission, the retry counter (3 tries), the 4 h submissionId validity, the reviewer
// page and advance route, and the Basic-authenticated webhooks. Served under /sandbox/argos
// (kit: src/sandbox; model, with the image rules: simulator-model.ts). Webhooks `created`,
// `retry`, `submit`, `approved`, `rejected`.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendHtml, sendJson } from '../../http/httpkit.js';
import { retryAfterHeader } from '../../sandbox/faults.js';
import { requestParts, secretEquals } from '../../sandbox/http.js';
import { SandboxKit } from '../../sandbox/kit.js';
import type { AdvanceRules, Moved } from '../../sandbox/lifecycle.js';
import { type Form, readForm, textFields, UploadedFile } from '../../sandbox/multipart.js';
import { SessionStore } from '../../sandbox/sessions.js';
import { inFlight, requestCounts } from '../../sandbox/stats.js';
import { doubling } from '../../sandbox/webhooks.js';
import { routeAccess, type SandboxAccess } from '../../sandbox/access.js';
import type { Simulator } from '../contract.js';
import {
  ARGOS_FALSE_ONLY_OPTIONS,
  ARGOS_ID_TYPES,
  ARGOS_KYC_STATUSES,
  ARGOS_MAX_TRIES,
  type ArgosKycStatus,
  type ArgosStep1Response,
  type ArgosStep2Response,
  type ArgosWebhookTrigger,
} from './mapper.js';
import {
  ALPHA3,
  ARGOS_MAX_IMAGE_BYTES,
  canAdvance,
  confirmedFields,
  DATE,
  decide,
  describe,
  imageName,
  newSubmission,
  reviewerPage,
  simulateOcrFromDigest,
  type Submission,
  submissionItem,
  unreadable,
  validImage,
  webhookBody,
} from './simulator-model.js';
import { basicAuthorization } from './webhook.js';

export { ARGOS_MAX_IMAGE_BYTES, simulateOcr, UNREADABLE_BELOW_PX } from './simulator-model.js';

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

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Step 2 with address collection on needs one of these (provider-specs/argos.md). */
const ADDRESS_CODES = ['globalCode', 'compoundCode', 'formatted_address'] as const;
class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** Bytes of an image kept to read its type and dimensions (PNG and JPEG put them near the start). */
const IMAGE_HEAD_BYTES = 128 * 1024;

/** The end-user page of a session. */
const PAGE = /^\/app\/([^/]+)$/;

export class ArgosSimulator implements Simulator {
  /** Two images of 2 MB plus the fields. */
  readonly maxBodyBytes = 2 * ARGOS_MAX_IMAGE_BYTES + 256 * 1024;
  private readonly submissions = new SessionStore<Submission>();
  /** Webhooks: failed deliveries are retried in the background (1 s doubling, 6 tries). */
  private readonly kit = new SandboxKit({ webhookUrl: () => this.options.webhookUrl(), retry: doubling(6) });
  /** Requests received per route; tests read it to count upstream calls. */
  readonly requests = requestCounts('step1', 'step2', 'get');
  /** Bytes of each image part received by the last step 1 / step 2 (tests check what was sent). */
  lastFiles: Record<string, { size: number; type: string; sha256: string; filename: string }> = {};
  /** Text fields of the last step 1 / step 2 request. */
  lastFields: Record<string, string> = {};
  /** Webhook triggers sent, in order (tests read it). */
  readonly triggersSent: ArgosWebhookTrigger[] = [];
  /**
   * The project's collect-address option: step 2 then needs one of globalCode, compoundCode,
   * formatted_address and an address image (provider-specs/argos.md, "Step 2"). Default off.
   */
  collectAddress = false;

  constructor(private readonly options: ArgosSimulatorOptions) {}

  /** Webhook deliveries attempted (including retries). */
  get webhooksSent(): number {
    return this.kit.webhooks.sent;
  }

  /** Step 1 and step 2 carry images: their multipart bodies are parsed from the stream. */
  streamsBody(method: string, path: string): boolean {
    return method === 'POST' && /^\/v3\/submission\/step[12](\?|$)/.test(path);
  }

  async handle(req: IncomingMessage, res: ServerResponse, path: string, rawBody: Buffer): Promise<boolean> {
    const { url, p, method } = requestParts(req, path);
    if (p.startsWith('/v3/')) {
      if (!this.authorized(req)) {
        sendJson(res, 401, { message: 'invalid api key' });
        return true;
      }
      return inFlight(this.requests, async () => {
        try {
          const fault = await this.kit.faults.take(res);
          if (fault) {
            sendJson(res, fault.status, { message: fault.status === 429 ? 'too many requests' : 'data processing error' }, retryAfterHeader(fault));
            return true;
          }
          return await this.api(req, res, p, method, url);
        } catch (err) {
          if (!(err instanceof HttpError)) throw err;
          sendJson(res, err.status, { message: err.message });
          return true;
        }
      });
    }
    const page = method === 'GET' ? PAGE.exec(p) : null;
    if (page) {
      const s = this.submissions.get(decodeURIComponent(page[1]));
      if (!s) sendHtml(res, 404, '<!doctype html><title>Not found</title><p>No such Argos sandbox submission.</p>');
      else sendHtml(res, 200, this.page(s));
      return true;
    }
    return this.kit.routes(res, p, method, rawBody, this.advance);
  }

  private async api(req: IncomingMessage, res: ServerResponse, p: string, method: string, url: URL): Promise<boolean> {
    const form = () => readForm(req, { limit: this.maxBodyBytes, fileSize: ARGOS_MAX_IMAGE_BYTES, files: 4, fields: 50, headBytes: IMAGE_HEAD_BYTES, invalid: () => new HttpError(400, 'failed to parse the input data') });
    const step = method === 'POST' ? /^\/v3\/submission\/(step1|step2)$/.exec(p)?.[1] : undefined;
    if (step === 'step1' || step === 'step2') {
      this.requests[step]++;
      const parts = await form();
      const { body, after } = step === 'step1' ? await this.step1(parts) : await this.step2(parts);
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
      sendJson(res, 200, { Items: s ? [submissionItem(s)] : [] });
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
    const backFile = back instanceof UploadedFile ? back : null;
    if (!validImage(front) || (backFile && !validImage(backFile))) throw new HttpError(400, 'invalid id image');
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
      s = newSubmission(email, idType, issuingCountry, customOptions, text);
      this.submissions.set(s.id, s);
    }
    const created = !retryOf;
    this.lastFiles = { idImage: describe(front), ...(backFile ? { idBackImage: describe(backFile) } : {}) };
    s.images.idImage = `${this.options.publicBase()}/images/${imageName(s.id, 'idImage', front)}`;
    if (backFile) s.images.idBackImage = `${this.options.publicBase()}/images/${imageName(s.id, 'idBackImage', backFile)}`;
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
          // seed l.123-124: "true" if the back image was received, "false" otherwise
          file_back_upload: backFile ? 'true' : 'false',
          // seed l.125-128: present on every answer; "Array format when OCR recognition fails"
          document_fields: [],
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
        idImage: imageName(s.id, 'idImage', front),
        ...(backFile ? { idBackImage: imageName(s.id, 'idBackImage', backFile) } : {}),
        file_upload: 'true',
        // seed l.123-124: "true" if the back image was received, "false" otherwise
        file_back_upload: backFile ? 'true' : 'false',
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
    if (!validImage(face)) throw new HttpError(400, 'invalid face image');
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
      if (!(addressImage instanceof UploadedFile) || !validImage(addressImage)) throw new HttpError(400, 'invalid or missing an address image');
    }
    this.lastFiles = { faceImage: describe(face), ...(addressImage instanceof UploadedFile ? { addressImage: describe(addressImage) } : {}) };
    s.images.selfieImage = `${this.options.publicBase()}/images/${imageName(s.id, 'selfieImage', face)}`;
    if (addressImage instanceof UploadedFile) s.images.addressImage = `${this.options.publicBase()}/images/${imageName(s.id, 'addressImage', addressImage)}`;
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
        body: { verificationResult: 'success', faceSimilarityScore: s.faceSimilarityScore, livenessScore: s.livenessScore, ...(s.retry.length ? { retry: s.retry } : {}), kycStatus: s.kycStatus, retryCount: s.retryCount },
        after: () => this.notify(s, [s.kycStatus === 'rejected' ? 'rejected' : 'retry']),
      };
    }
    s.faceSimilarityScore = 80 + (h[1] % 20);
    s.retry = [];
    s.attempts.push({ attemptCnt: s.attempts.length + 1, retryCode: [], retryMsg: [], livenessScore: s.livenessScore });
    s.kycStatus = 'pending';
    s.pendingAt = now;
    return {
      body: { verificationResult: 'success', faceSimilarityScore: s.faceSimilarityScore, livenessScore: s.livenessScore, kycStatus: s.kycStatus, retryCount: s.retryCount },
      // Argos reports the move to pending with the `submit` webhook
      after: () => this.notify(s, ['submit']),
    };
  }

  /** Sends these webhooks in order, after the answer (per-submission queue keeps the order). */
  private notify(s: Submission, triggers: ArgosWebhookTrigger[]) {
    for (const t of triggers) void this.kit.inOrder(s.id, () => this.sendWebhook(s, t));
  }

  /** A webhook body (simulator-model.ts). */
  private webhookBody(s: Submission, trigger: ArgosWebhookTrigger) {
    return webhookBody(s, trigger);
  }

  /** Sends one webhook with Basic credentials; resolves with whether the first attempt got a 2xx. */
  private sendWebhook(s: Submission, trigger: ArgosWebhookTrigger): Promise<boolean> {
    this.triggersSent.push(trigger);
    return this.kit.webhooks.send(JSON.stringify(this.webhookBody(s, trigger)), () => ({ authorization: basicAuthorization(this.options.webhookSecret) }));
  }

  private canAdvance(s: Submission, to: ArgosKycStatus): boolean {
    return canAdvance(s, to, this.expired(s));
  }

  /** POST /{id}/advance: the end user completes step 2 (pending), a reviewer decides. */
  private readonly advance: AdvanceRules<ArgosKycStatus, Submission> = {
    statuses: ARGOS_KYC_STATUSES,
    noun: 'submission',
    check: (b) => {
      if (b.comment !== undefined && typeof b.comment !== 'string') return '"comment" (a reject code, e.g. id_info_dataMismatch) must be a string';
      const confirmed = b.fields === undefined ? undefined : confirmedFields(b.fields);
      return typeof confirmed === 'string' ? confirmed : null;
    },
    session: (id) => this.submissions.get(id),
    move: (s, to, body) => this.move(s, to, body),
    answer: (s) => ({ id: s.id, status: s.kycStatus }),
  };

  /** Moves a submission (in its queue): step 2 done by the end user as needed, then the reviewer's decision. */
  private async move(s: Submission, to: ArgosKycStatus, body: Record<string, unknown>): Promise<Moved> {
    const confirmed = body.fields === undefined ? undefined : (confirmedFields(body.fields) as Record<string, string>);
    if (!this.canAdvance(s, to)) return { conflict: s.kycStatus };
    // the OCR fields can be confirmed or corrected only while step 2 is still to do
    if (confirmed && s.step2) return { conflict: s.kycStatus, message: 'Step 2 is done: its fields can no longer be corrected' };
    decide(s, to, confirmed, body);
    const trigger: ArgosWebhookTrigger = to === 'pending' ? 'submit' : (to as ArgosWebhookTrigger);
    return { delivered: await this.sendWebhook(s, trigger) };
  }

  private page(s: Submission): string {
    const validUntil = new Date(Date.parse(s.createdAt) + this.options.submissionTtlMs()).toISOString();
    return reviewerPage(s, (to) => this.canAdvance(s, to), validUntil, `${new URL(this.options.publicBase()).pathname}/${encodeURIComponent(s.id)}/advance`);
  }

  /** API key check, constant time (provider-specs/argos.md: header x-api-key). */
  private authorized(req: IncomingMessage): boolean {
    const given = req.headers['x-api-key'];
    return typeof given === 'string' && !!given && secretEquals(sha256(given), sha256(this.options.apiKey));
  }

  /** The sandbox guard's view of a route (contract.ts). */
  sandboxAccess(method: string, path: string): SandboxAccess | null {
    return routeAccess(method, path, path.startsWith('/v3/'), PAGE);
  }

  close(): Promise<void> {
    return this.kit.close();
  }
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('base64');

