// A faithful local UpPass: Create Form for any form_slug, applied-form info, resend webhook, the
// form page the end user completes, the Submission webhook (Basic Auth) with a realistic `extra`,
// DRF-style errors in the order DRF raises them, a workspace credit that can run out (461), and
// fault injection for every documented error. Served under /sandbox/uppass.
import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendHtml, sendJson } from '../../http/httpkit.js';
import { renderSandboxPage } from '../../http/sandbox-page.js';
import { commonSandboxAccess, type SandboxAccess, type Simulator } from '../contract.js';
import { PerSessionQueue } from '../../sandbox/queue.js';
import { SandboxFaults as TenantFaults } from '../../sandbox/faults.js';
import {
  UPPASS_APPLICATION_STATUSES,
  UPPASS_DOCUMENT_TYPES,
  UPPASS_EKYC_STATUSES,
  UPPASS_ERROR_DETAILS,
  UPPASS_ERROR_TYPES,
  type UpPassAnswer,
  type UpPassApplicationStatus,
  type UpPassBankStatement,
  type UpPassCreateFormResponse,
  type UpPassEkyc,
  type UpPassWebhook,
} from './mapper.js';
import { basicAuthHeader } from './webhook.js';

export interface UpPassSimulatorOptions {
  /** The page token of a session: its url and page carry it, so the page works without an API key. */
  pageToken?: (ref: string) => string;
  apiToken: string;
  /** Basic Auth password the simulated portal is configured with; null: the portal's "No Auth". */
  webhookSecret: string | null;
  /** Where webhooks go, e.g. http://localhost:4000/webhooks/uppass */
  webhookUrl: () => string;
  /** Public base of this simulator, e.g. http://localhost:4000/sandbox/uppass (form urls, media). */
  publicBase: () => string;
  /** Webhook delivery attempts per event (first + retries). UpPass documents no retry policy; 5. */
  webhookAttempts?: number;
}

/** Languages the sandbox serves forms in; any other `{lang}` prefix is a Django i18n 404. */
export const SANDBOX_LANGS = ['en', 'th'] as const;

interface Application {
  id: number;
  no: string;
  slug: string;
  form: string;
  lang: string;
  status: UpPassApplicationStatus;
  ekyc: string | null;
  predefined: Record<string, unknown>;
  submittedAt: string | null;
  createdAt: string;
  lastEventType: string | null;
  extra: UpPassWebhook['extra'];
  answers: Record<string, UpPassAnswer>;
}

interface Fault {
  status: number;
  type: string | null;
  times: number;
  delayMs: number;
  retryAfter: number | null;
}

const RANK: Record<UpPassApplicationStatus, number> = { created: 0, in_progress: 1, complete: 2, review_needed: 3, accepted: 4, rejected: 4, expired: 4 };
const FINAL = new Set<UpPassApplicationStatus>(['accepted', 'rejected', 'expired']);
const SUBMITTED = new Set<UpPassApplicationStatus>(['complete', 'review_needed', 'accepted', 'rejected']);

/** Where an application may go: forward only; `expired` (drop-off) only before submission. */
export function canAdvance(from: UpPassApplicationStatus, to: UpPassApplicationStatus): boolean {
  if (FINAL.has(from)) return false;
  if (to === 'expired') return !SUBMITTED.has(from);
  return RANK[to] > RANK[from];
}

const drfError = (type: string, detail: unknown = UPPASS_ERROR_DETAILS[type] ?? type) => ({ type, detail });
const API_PATH = /^\/([^/]+)\/api\/forms\/([^/]+)\/(create|applied-forms\/([^/]+)\/(info|resend-webhook))\/?$/;
// a 1×1 transparent PNG for the sandbox's media urls (liveness frames, document images)
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

export class UpPassSimulator implements Simulator {
  private readonly applications = new Map<string, Application>();
  private readonly queue = new PerSessionQueue();
  private readonly retries = new Set<NodeJS.Timeout>();
  private nextId = 1000;
  /** Injected faults, per tenant (sandbox-faults.ts). */
  private readonly faults = new TenantFaults<Fault>();
  /** Create Form calls the workspace can still pay for; null = unlimited (default). */
  credit: number | null = null;
  /** Requests per route; tests read them to count upstream calls. */
  readonly requests = { create: 0, info: 0, resend: 0, inFlight: 0, maxInFlight: 0 };
  /** Webhook deliveries attempted (including retries). */
  webhooksSent = 0;

  constructor(private readonly options: UpPassSimulatorOptions) {}

  async handle(req: IncomingMessage, res: ServerResponse, path: string, rawBody: Buffer): Promise<boolean> {
    const url = new URL(path, 'http://sim');
    const p = url.pathname;
    const method = req.method ?? 'GET';
    const m = API_PATH.exec(p);
    if (m) {
      this.requests.maxInFlight = Math.max(this.requests.maxInFlight, ++this.requests.inFlight);
      try {
        await this.api(req, res, method, m, rawBody);
      } finally {
        this.requests.inFlight--;
      }
      return true;
    }
    if (/^\/[^/]+\/api\//.test(p)) {
      sendJson(res, 404, drfError('NotFound'));
      return true;
    }
    return this.sandboxRoutes(res, p, method, rawBody);
  }

  /** The API, checked in the order Django REST Framework checks a request. */
  private async api(req: IncomingMessage, res: ServerResponse, method: string, m: RegExpExecArray, rawBody: Buffer) {
    const [, lang, form, route, slug, action] = m;
    const kind = route === 'create' ? 'create' : (action as 'info' | 'resend-webhook');
    const expected = kind === 'info' ? 'GET' : 'POST';
    // i18n url prefix: an unknown language is a Django 404 before any view runs
    if (!(SANDBOX_LANGS as readonly string[]).includes(lang)) return sendJson(res, 404, drfError('Http404'));
    const accept = req.headers.accept;
    if (accept && !/(application\/json|application\/\*|\*\/\*)/i.test(accept)) return sendJson(res, 406, drfError('NotAcceptable'));
    const auth = this.authenticate(req);
    if (auth) return sendJson(res, 401, drfError(auth), { 'www-authenticate': 'Bearer realm="api"' });
    if (method !== expected) return sendJson(res, 405, drfError('MethodNotAllowed', `Method "${method}" not allowed.`), { allow: `${expected}, OPTIONS` });
    if (await this.applyFault(res)) return;
    if (kind === 'create') {
      this.requests.create++;
      return this.create(req, res, lang, decodeURIComponent(form), rawBody);
    }
    const app = this.applications.get(decodeURIComponent(slug));
    if (!app || app.form !== decodeURIComponent(form)) return sendJson(res, 404, drfError('NotFound'));
    if (kind === 'info') {
      this.requests.info++;
      return sendJson(res, 200, { ...this.createResponse(app), application: this.application(app), answers: app.answers, extra: app.extra });
    }
    this.requests.resend++;
    const body = await this.queue.run(app.slug, async () => {
      const webhook = this.webhook(app, app.lastEventType ?? 'update_status');
      await this.deliver(webhook);
      return { event: webhook.event, application: webhook.application };
    });
    sendJson(res, 200, body);
  }

  /** null when authenticated; otherwise the DRF error type. */
  private authenticate(req: IncomingMessage): 'NotAuthenticated' | 'AuthenticationFailed' | null {
    const header = req.headers.authorization;
    if (!header) return 'NotAuthenticated';
    const m = /^Bearer (.+)$/.exec(header);
    if (!m) return 'AuthenticationFailed';
    const a = Buffer.from(m[1]);
    const b = Buffer.from(this.options.apiToken);
    return a.length === b.length && timingSafeEqual(a, b) ? null : 'AuthenticationFailed';
  }

  private async applyFault(res: ServerResponse): Promise<boolean> {
    const f = this.faults.get(res);
    if (!f || f.times <= 0) return false;
    f.times--;
    if (f.delayMs) await new Promise((r) => setTimeout(r, f.delayMs));
    if (!f.status) return false;
    const type = f.type ?? UPPASS_ERROR_TYPES[f.status] ?? 'APIException';
    const headers: Record<string, string> = f.retryAfter != null ? { 'retry-after': String(f.retryAfter) } : {};
    const detail = type === 'ValidationError' ? { input: ['Input is invalid.'] } : type === 'Throttled' && f.retryAfter != null ? `Request was throttled. Expected available in ${f.retryAfter} seconds.` : undefined;
    sendJson(res, f.status, drfError(type, detail), headers);
    return true;
  }

  private async create(req: IncomingMessage, res: ServerResponse, lang: string, form: string, rawBody: Buffer) {
    let body: unknown = {};
    if (rawBody.length) {
      const type = String(req.headers['content-type'] ?? '');
      if (!/^application\/json\b/i.test(type)) {
        return sendJson(res, 415, drfError('UnsupportedMediaType', `Unsupported media type "${type.split(';')[0]}" in request.`));
      }
      try {
        body = JSON.parse(rawBody.toString('utf8'));
      } catch {
        return sendJson(res, 400, drfError('ParseError', 'JSON parse error'));
      }
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      return sendJson(res, 422, drfError('ValidationError', { non_field_errors: ['Invalid data. Expected a dictionary.'] }));
    }
    const answers = (body as { answers?: unknown }).answers ?? {};
    if (!answers || typeof answers !== 'object' || Array.isArray(answers)) {
      return sendJson(res, 422, drfError('ValidationError', { answers: ['Expected a dictionary of items.'] }));
    }
    const docType = (answers as Record<string, unknown>).ekyc_document_type;
    if (docType !== undefined && !(UPPASS_DOCUMENT_TYPES as readonly unknown[]).includes(docType)) {
      return sendJson(res, 422, drfError('ValidationError', { answers: { ekyc_document_type: ['Not a valid choice.'] } }));
    }
    // each new applied form costs the workspace one credit (seed: 461 InsufficientCredit)
    if (this.credit !== null) {
      if (this.credit <= 0) return sendJson(res, 461, drfError('InsufficientCredit'));
      this.credit--;
    }
    const now = new Date().toISOString();
    const id = this.nextId++;
    const app: Application = {
      id,
      no: `APP-${String(id).padStart(6, '0')}`,
      slug: randomBytes(12).toString('base64url'),
      form,
      lang,
      status: 'created',
      ekyc: null,
      predefined: answers as Record<string, unknown>,
      submittedAt: null,
      createdAt: now,
      lastEventType: null,
      extra: {},
      answers: Object.fromEntries(Object.entries(answers).map(([k, v]) => [k, { value: v, created_at: now, updated_at: now }])),
    };
    this.applications.set(app.slug, app);
    sendJson(res, 201, this.createResponse(app));
  }

  private createResponse(app: Application): UpPassCreateFormResponse {
    const base = this.options.publicBase();
    const form = encodeURIComponent(app.form);
    return {
      info: `${base}/${app.lang}/api/forms/${form}/applied-forms/${app.slug}/info/`,
      detail: {
        form: app.form,
        step: app.submittedAt ? 'done' : 'ekyc',
        section: app.submittedAt ? 'done' : app.status === 'created' ? 'document' : 'liveness',
        submitted_at: app.submittedAt,
        slug: app.slug,
      },
      form_url: `${base}/${app.lang}/form/${form}/${app.slug}/?${this.tokenQuery(app.slug)}`,
    };
  }

  private application(app: Application): UpPassWebhook['application'] {
    return { id: app.id, no: app.no, form: app.form, slug: app.slug, status: app.status, other_status: { ekyc: app.ekyc }, submitted_at: app.submittedAt };
  }

  private webhook(app: Application, type: string): UpPassWebhook {
    return {
      event: { type, nounce: randomUUID().replaceAll('-', ''), created_at: new Date().toISOString() },
      extra: app.extra,
      answers: app.answers,
      application: this.application(app),
    };
  }

  /** Sandbox-only routes: the form page, end-user/reviewer actions, workspace credit, faults, media. */
  private async sandboxRoutes(res: ServerResponse, p: string, method: string, rawBody: Buffer): Promise<boolean> {
    let m: RegExpExecArray | null;
    if (method === 'GET' && (m = /^\/([^/]+)\/form\/([^/]+)\/([^/]+)\/?$/.exec(p))) {
      const app = this.applications.get(decodeURIComponent(m[3]));
      if (!app || app.form !== decodeURIComponent(m[2])) {
        sendHtml(res, 404, '<!doctype html><title>Not found</title><p>No such UpPass sandbox form.</p>');
        return true;
      }
      sendHtml(res, 200, this.page(app));
      return true;
    }
    if (method === 'POST' && (m = /^\/([^/]+)\/advance$/.exec(p))) {
      await this.advanceRoute(res, decodeURIComponent(m[1]), rawBody);
      return true;
    }
    if (p === '/workspace') {
      if (method === 'POST') {
        const b = safeJson(rawBody) as { credit?: unknown } | undefined;
        if (!b || !(b.credit === null || (Number.isInteger(b.credit) && (b.credit as number) >= 0))) {
          sendJson(res, 400, { message: '"credit" must be a whole number ≥ 0, or null for unlimited' });
          return true;
        }
        this.credit = b.credit as number | null;
      }
      sendJson(res, 200, { credit: this.credit });
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
          sendJson(res, 400, { message: 'give "status" (HTTP code to answer, with optional "type") and/or "delayMs"' });
          return true;
        }
        const fault = this.faults.set(res, { status: b.status ?? 0, type: b.type ?? null, times: b.times ?? Infinity, delayMs: b.delayMs ?? 0, retryAfter: b.retryAfter ?? null })!;
        sendJson(res, 200, { fault: { ...fault, times: Number.isFinite(fault.times) ? fault.times : null } });
        return true;
      }
    }
    if (method === 'GET' && /^\/media\/[^/]+\/[\w.-]+\.png$/.test(p)) {
      res.writeHead(200, { 'content-type': 'image/png', 'content-length': PIXEL.length, 'cache-control': 'no-store' });
      res.end(PIXEL);
      return true;
    }
    return false;
  }

  private async advanceRoute(res: ServerResponse, slug: string, rawBody: Buffer) {
    const body = safeJson(rawBody) as { to?: unknown; ekyc?: unknown } | undefined;
    const to = body?.to;
    if (typeof to !== 'string' || !(UPPASS_APPLICATION_STATUSES as readonly string[]).includes(to) || to === 'created') {
      sendJson(res, 400, { message: `"to" must be one of ${UPPASS_APPLICATION_STATUSES.filter((s) => s !== 'created').join(', ')}` });
      return;
    }
    if (body?.ekyc !== undefined && !(UPPASS_EKYC_STATUSES as readonly unknown[]).includes(body.ekyc)) {
      sendJson(res, 400, { message: `"ekyc" must be one of ${UPPASS_EKYC_STATUSES.join(', ')}` });
      return;
    }
    if (!this.applications.has(slug)) {
      sendJson(res, 404, { message: 'No such application' });
      return;
    }
    const outcome = await this.queue.run(slug, async () => {
      const app = this.applications.get(slug)!;
      if (!canAdvance(app.status, to as UpPassApplicationStatus)) return { conflict: app.status };
      return { delivered: await this.transition(app, to as UpPassApplicationStatus, (body?.ekyc as string | undefined) ?? null) };
    });
    if ('conflict' in outcome) {
      sendJson(res, 409, { message: `Cannot move a ${outcome.conflict} application to ${to}`, status: outcome.conflict });
      return;
    }
    const app = this.applications.get(slug)!;
    sendJson(res, outcome.delivered ? 200 : 202, { slug, status: app.status, ekyc: app.ekyc, webhookDelivered: outcome.delivered });
  }

  /** Moves an application as its end user or reviewer would, fills what a submission captures, sends the webhook. */
  private async transition(app: Application, to: UpPassApplicationStatus, ekyc: string | null): Promise<boolean> {
    const now = new Date().toISOString();
    const submitting = SUBMITTED.has(to) && !app.submittedAt;
    let type = 'update_status';
    if (to === 'expired') type = 'drop_off';
    else if (submitting) type = 'submit_form';
    if (submitting) {
      const outcome = ekyc ?? (to === 'rejected' ? 'fail' : to === 'review_needed' ? 'need_review' : 'pass');
      app.ekyc = outcome;
      app.submittedAt = now;
      app.extra = this.submissionExtra(app, outcome, now);
      const docType = typeof app.predefined.ekyc_document_type === 'string' ? app.predefined.ekyc_document_type : 'national_id';
      app.answers = {
        ...app.answers,
        ekyc_document_type: app.answers.ekyc_document_type ?? { value: docType, created_at: now, updated_at: now },
        first_name: { value: 'Somchai', created_at: now, updated_at: now },
        last_name: { value: 'Jaidee', created_at: now, updated_at: now },
        date_of_birth: { value: '1990-04-12', created_at: now, updated_at: now },
      };
    } else if (ekyc && SUBMITTED.has(to)) {
      app.ekyc = ekyc;
    }
    app.status = to;
    app.lastEventType = type;
    return this.deliver(this.webhook(app, type));
  }

  /** A realistic Submission `extra`: liveness attempts, face compare, identity document, bank statement. */
  private submissionExtra(app: Application, outcome: string, now: string): UpPassWebhook['extra'] {
    const media = (name: string) => `${this.options.publicBase()}/media/${app.slug}/${name}.png`;
    const docType = typeof app.predefined.ekyc_document_type === 'string' ? app.predefined.ekyc_document_type : 'national_id';
    const frames = (n: number) => [
      { url: media(`liveness-${n}-blink`), action: 'blink' },
      { url: media(`liveness-${n}-turn_left`), action: 'turn_left' },
    ];
    const liveness =
      outcome === 'pass'
        ? [{ id: app.id * 10 + 1, images: frames(1), status: 'pass', attempt: 1, message: null, created_at: now }]
        : outcome === 'need_review'
          ? [
              { id: app.id * 10 + 1, images: frames(1), status: 'fail', attempt: 1, message: 'Please move closer to the camera', created_at: now },
              { id: app.id * 10 + 2, images: frames(2), status: 'pass', attempt: 2, message: null, created_at: now },
            ]
          : [
              { id: app.id * 10 + 1, images: frames(1), status: 'fail', attempt: 1, message: 'Face not detected', created_at: now },
              { id: app.id * 10 + 2, images: frames(2), status: 'fail', attempt: 2, message: 'Liveness check failed', created_at: now },
            ];
    const document = [{ id: app.id * 10 + 5, url: media('document-front'), type: docType, status: 'pass', attempt: 1, message: null, created_at: now }];
    const ekyc: UpPassEkyc = {
      liveness: { url: media('liveness'), attempts: liveness },
      face_compare: { score: outcome === 'pass' ? 0.94 : outcome === 'need_review' ? 0.71 : 0.32, status: outcome },
      identity_document: { url: media('document-front'), type: docType, attempts: document, face_image_url: media('document-face') },
    };
    const passed = outcome !== 'fail';
    const doc = (n: number) => ({
      id: app.id * 10 + n,
      bank_statement: app.id,
      url: media(`statement-${n}`),
      file_pk: randomUUID(),
      applicant_id: String(app.id),
      account_name: 'SOMCHAI JAIDEE',
      account_type: 'savings',
      branch_name: 'Silom',
      statement_period_from: '2026-05-01',
      statement_period_to: '2026-07-31',
      doc_period_from: '2026-05-01',
      doc_period_to: '2026-07-31',
      doc_requested_date: null,
      account_number: 'xxx-x-x1234-x',
      address: null,
      validation_note: passed ? '' : 'Creation and modification dates differ',
      validation_same_creation_mod_date: passed,
      validation_name_match: true,
      validation_has_transaction: true,
      validation_valid_structure: true,
      validation_valid_account_number: true,
      validation_producer_check: passed,
      metadata_created_date: now,
      metadata_mod_date: now,
      metadata_producer: 'Bank statement service',
      metadata_creator: 'Bank statement service',
      bank_code: '014',
      file_name: `statement-${n}.pdf`,
      ocr_created_at: now,
      password: null,
      status: 'done',
      excluded: false,
      created_at: now,
      deleted_at: null,
      transactions: [
        { id: n * 100 + 1, document_id: app.id * 10 + n, transaction_id: `T${n}01`, transaction_date: '2026-06-01', transaction_type: 'deposit', chq: '', particular: 'Salary', party: 'ACME CO LTD', channel: 'transfer', deposit: 45000, withdrawal: 0, balance: 61000, category: null, exclusion_flag: null, exclusion_reason: null, group_name: null, lo_issuer_tier: null, lo_type: null, created_at: now, deleted_at: null },
      ],
    });
    const bank: UpPassBankStatement = {
      id: app.id,
      margin: null,
      casa_weighted_pct: null,
      validation: { validation_transaction_min_month: true, validation_transaction_latest_after: passed, validation_transaction_oldest_before: true },
      validation_pass: passed,
      validation_note: { validation_transaction_min_month: null, validation_transaction_latest_after: passed ? '' : 'Latest transaction is too old', validation_transaction_oldest_before: '' },
      documents: [doc(7), doc(8)],
      created_at: now,
      deleted_at: null,
    };
    return { ekyc, bank_statement: bank };
  }

  /**
   * Sends one webhook with the portal's Basic Auth; on failure retries in the background (1 s
   * doubling) up to `webhookAttempts`. Returns whether the first attempt got a 2xx.
   */
  private async deliver(body: UpPassWebhook, attempt = 1): Promise<boolean> {
    const text = JSON.stringify(body);
    let ok = false;
    try {
      this.webhooksSent++;
      const res = await fetch(this.options.webhookUrl(), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(this.options.webhookSecret !== null ? { authorization: basicAuthHeader(this.options.webhookSecret) } : {}),
        },
        body: text,
        signal: AbortSignal.timeout(10_000),
      });
      await res.arrayBuffer();
      ok = res.status >= 200 && res.status < 300;
    } catch {
      ok = false;
    }
    if (!ok && attempt < (this.options.webhookAttempts ?? 5)) {
      const t = setTimeout(() => {
        this.retries.delete(t);
        void this.deliver(body, attempt + 1);
      }, 1000 * 2 ** (attempt - 1));
      t.unref();
      this.retries.add(t);
    }
    return ok;
  }

  private page(app: Application): string {
    const actions = [
      { label: 'Open the form', to: 'in_progress' },
      { label: 'Submit (eKYC passes)', to: 'complete' },
      { label: 'Submit; needs review', to: 'review_needed' },
      { label: 'Accept', to: 'accepted' },
      { label: 'Reject', to: 'rejected' },
      { label: 'Leave (form drops off)', to: 'expired' },
    ].filter((a) => canAdvance(app.status, a.to as UpPassApplicationStatus));
    const docType = typeof app.predefined.ekyc_document_type === 'string' ? app.predefined.ekyc_document_type : 'national_id';
    // the form's steps and sections, as in its URL /{lang}/form/{form}/{slug}/{step}/{section}
    const section = this.createResponse(app).detail.section;
    const at = (s: string) => (section === s ? ' (the form is here)' : '');
    return renderSandboxPage({
      providerName: 'UpPass',
      ref: app.slug,
      status: app.status,
      asks: [
        { label: 'ekyc / document', detail: `Photograph the ${docType} (front; back for a national ID); eKYC reads it${at('document')}` },
        { label: 'ekyc / liveness', detail: `Face liveness, compared with the document photo${at('liveness')}` },
        { label: 'submit', detail: `Check the answers (predefined ones are filled in) and submit the form${app.submittedAt ? ` (submitted ${app.submittedAt})` : ''}` },
      ],
      fields: [
        ['Form', app.form],
        ['Language', app.lang],
        ['Application', app.no],
        ['eKYC', app.ekyc ?? 'not done yet'],
        ['Document type', typeof app.predefined.ekyc_document_type === 'string' ? app.predefined.ekyc_document_type : 'national_id (default)'],
        ['Predefined answers', app.predefined],
        ['Submitted', app.submittedAt ?? '—'],
      ],
      actions,
      advancePath: `${new URL(this.options.publicBase()).pathname}/${encodeURIComponent(app.slug)}/advance${this.tokenQuery(app.slug) ? `?${this.tokenQuery(app.slug)}` : ''}`,
    });
  }

  /** `token=…` for the session's url and page actions ('' when the app sets no page tokens). */
  private tokenQuery(ref: string): string {
    const token = this.options.pageToken?.(ref);
    return token ? `token=${encodeURIComponent(token)}` : '';
  }

  /** The sandbox guard's view of a route (contract.ts). */
  sandboxAccess(method: string, path: string): SandboxAccess | null {
    if (API_PATH.test(path) || /^\/[^/]+\/api\//.test(path)) return { kind: 'api' };
    const page = method === 'GET' ? /^\/([^/]+)\/form\/([^/]+)\/([^/]+)\/?$/.exec(path) : null;
    if (page) return { kind: 'session', ref: decodeURIComponent(page[3]) };
    if (path === '/workspace') return { kind: 'admin' };
    if (method === 'GET' && /^\/media\/[^/]+\/[\w.-]+\.png$/.test(path)) return { kind: 'public' };
    return commonSandboxAccess(method, path);
  }

  async close(): Promise<void> {
    for (const t of this.retries) clearTimeout(t);
    this.retries.clear();
    await this.queue.drain();
  }
}

function safeJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return undefined;
  }
}
