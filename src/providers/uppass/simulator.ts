// A faithful local UpPass: Create Form for any form_slug, applied-form info, resend webhook, the
// form page the end user completes, the Submission webhook (Basic Auth) with a realistic `extra`,
// DRF-style errors in the order DRF raises them, a workspace credit that can run out (461), and
// fault injection for every documented error. Served under /sandbox/uppass (kit: src/sandbox).
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendHtml, sendJson } from '../../http/httpkit.js';
import { retryAfterHeader } from '../../sandbox/faults.js';
import { PageLinks, parseJson, requestParts, secretEquals } from '../../sandbox/http.js';
import { SandboxKit } from '../../sandbox/kit.js';
import type { AdvanceRules } from '../../sandbox/lifecycle.js';
import { SessionStore } from '../../sandbox/sessions.js';
import { inFlight, requestCounts } from '../../sandbox/stats.js';
import { doubling } from '../../sandbox/webhooks.js';
import { routeAccess, type SandboxAccess } from '../../sandbox/access.js';
import type { Simulator } from '../contract.js';
import {
  UPPASS_APPLICATION_STATUSES,
  UPPASS_DOCUMENT_TYPES,
  UPPASS_EKYC_STATUSES,
  UPPASS_ERROR_DETAILS,
  UPPASS_ERROR_TYPES,
  type UpPassApplicationStatus,
  type UpPassCreateFormResponse,
  type UpPassWebhook,
} from './mapper.js';
import { type Application, canAdvance, formPage, SUBMITTED, submissionExtra } from './simulator-model.js';
import { basicAuthHeader } from './webhook.js';

export { canAdvance };

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

const drfError = (type: string, detail: unknown = UPPASS_ERROR_DETAILS[type] ?? type) => ({ type, detail });
const API_PATH = /^\/([^/]+)\/api\/forms\/([^/]+)\/(create|applied-forms\/([^/]+)\/(info|resend-webhook))\/?$/;
// a 1×1 transparent PNG for the sandbox's media urls (liveness frames, document images)
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

const FORM_PAGE = /^\/([^/]+)\/form\/([^/]+)\/([^/]+)\/?$/;
const MEDIA = /^\/media\/[^/]+\/[\w.-]+\.png$/;

export class UpPassSimulator implements Simulator {
  private readonly applications = new SessionStore<Application>();
  /** Webhooks: UpPass documents no retry policy; the sandbox retries 1 s doubling, `webhookAttempts` in all. */
  private readonly kit = new SandboxKit<{ type: string | null }>({
    webhookUrl: () => this.options.webhookUrl(),
    retry: doubling(this.options.webhookAttempts ?? 5),
    faults: { extra: (b) => ({ type: (b.type as string | undefined) ?? null }), hint: 'give "status" (HTTP code to answer, with optional "type") and/or "delayMs"' },
  });
  private readonly links: PageLinks;
  private nextId = 1000;
  /** Create Form calls the workspace can still pay for; null = unlimited (default). */
  credit: number | null = null;
  /** Requests per route; tests read them to count upstream calls. */
  readonly requests = requestCounts('create', 'info', 'resend');

  constructor(private readonly options: UpPassSimulatorOptions) {
    this.links = new PageLinks(options.publicBase, options.pageToken);
  }

  /** Webhook deliveries attempted (including retries). */
  get webhooksSent(): number {
    return this.kit.webhooks.sent;
  }

  async handle(req: IncomingMessage, res: ServerResponse, path: string, rawBody: Buffer): Promise<boolean> {
    const { p, method } = requestParts(req, path);
    const m = API_PATH.exec(p);
    if (m) {
      await inFlight(this.requests, () => this.api(req, res, method, m, rawBody));
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
    const f = await this.kit.faults.take(res);
    if (f) {
      const type = f.type ?? UPPASS_ERROR_TYPES[f.status] ?? 'APIException';
      // seed l.58: a ValidationError body is the field map itself ({"input": ["Input is invalid."]})
      if (type === 'ValidationError') return sendJson(res, f.status, { input: ['Input is invalid.'] }, retryAfterHeader(f));
      const detail = type === 'Throttled' && f.retryAfter != null ? `Request was throttled. Expected available in ${f.retryAfter} seconds.` : undefined;
      return sendJson(res, f.status, drfError(type, detail), retryAfterHeader(f));
    }
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
    const body = await this.kit.inOrder(app.slug, async () => {
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
    return secretEquals(m[1], this.options.apiToken) ? null : 'AuthenticationFailed';
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
      return sendJson(res, 422, { non_field_errors: ['Invalid data. Expected a dictionary.'] });
    }
    const answers = (body as { answers?: unknown }).answers ?? {};
    if (!answers || typeof answers !== 'object' || Array.isArray(answers)) {
      return sendJson(res, 422, { answers: ['Expected a dictionary of items.'] });
    }
    const docType = (answers as Record<string, unknown>).ekyc_document_type;
    if (docType !== undefined && !(UPPASS_DOCUMENT_TYPES as readonly unknown[]).includes(docType)) {
      return sendJson(res, 422, { answers: { ekyc_document_type: ['Not a valid choice.'] } });
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
      form_url: `${base}/${app.lang}/form/${form}/${app.slug}/?${this.links.tokenQuery(app.slug)}`,
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
    const page = method === 'GET' ? FORM_PAGE.exec(p) : null;
    if (page) {
      const app = this.applications.get(decodeURIComponent(page[3]));
      if (!app || app.form !== decodeURIComponent(page[2])) sendHtml(res, 404, '<!doctype html><title>Not found</title><p>No such UpPass sandbox form.</p>');
      else sendHtml(res, 200, formPage(app, this.createResponse(app).detail.section, this.links.advancePath(app.slug)));
      return true;
    }
    if (p === '/workspace') {
      if (method === 'POST') {
        const b = parseJson(rawBody) as { credit?: unknown } | undefined;
        if (!b || !(b.credit === null || (Number.isInteger(b.credit) && (b.credit as number) >= 0))) {
          sendJson(res, 400, { message: '"credit" must be a whole number ≥ 0, or null for unlimited' });
          return true;
        }
        this.credit = b.credit as number | null;
      }
      sendJson(res, 200, { credit: this.credit });
      return true;
    }
    if (method === 'GET' && MEDIA.test(p)) {
      res.writeHead(200, { 'content-type': 'image/png', 'content-length': PIXEL.length, 'cache-control': 'no-store' });
      res.end(PIXEL);
      return true;
    }
    return this.kit.routes(res, p, method, rawBody, this.advance);
  }

  /** POST /{slug}/advance {"to", "ekyc"?}: the end user's or reviewer's step. */
  private readonly advance: AdvanceRules<UpPassApplicationStatus, Application> = {
    statuses: UPPASS_APPLICATION_STATUSES.filter((s) => s !== 'created'),
    noun: 'application',
    check: (b) => (b.ekyc !== undefined && !(UPPASS_EKYC_STATUSES as readonly unknown[]).includes(b.ekyc) ? `"ekyc" must be one of ${UPPASS_EKYC_STATUSES.join(', ')}` : null),
    session: (slug) => this.applications.get(slug),
    move: async (app, to, body) => {
      if (!canAdvance(app.status, to)) return { conflict: app.status };
      return { delivered: await this.transition(app, to, (body.ekyc as string | undefined) ?? null) };
    },
    answer: (app) => ({ slug: app.slug, status: app.status, ekyc: app.ekyc }),
  };

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
      app.extra = submissionExtra(app, outcome, now, this.options.publicBase());
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

  /** Sends one webhook with the portal's Basic Auth (none when the portal is set to "No Auth"). */
  private deliver(body: UpPassWebhook): Promise<boolean> {
    const secret = this.options.webhookSecret;
    return this.kit.webhooks.send(JSON.stringify(body), (): Record<string, string> => (secret !== null ? { authorization: basicAuthHeader(secret) } : {}));
  }

  /** The sandbox guard's view of a route (contract.ts). */
  sandboxAccess(method: string, path: string): SandboxAccess | null {
    if (path === '/workspace') return { kind: 'admin' };
    if (method === 'GET' && MEDIA.test(path)) return { kind: 'public' };
    return routeAccess(method, path, API_PATH.test(path) || /^\/[^/]+\/api\//.test(path), FORM_PAGE);
  }

  close(): Promise<void> {
    return this.kit.close();
  }
}
