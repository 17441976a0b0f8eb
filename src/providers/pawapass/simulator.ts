// A faithful local pawaPass: the seed's create endpoint with every request rule, get and list,
// Bearer auth with the documented 401/403 bodies, expiry, the end-user page, and the signed
// webhook sent on every status change. Served under /sandbox/pawapass (kit: src/sandbox).
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendHtml, sendJson } from '../../http/httpkit.js';
import { requestIdHeaders } from '../../observability/request-context.js';
import { PageLinks, parseJson, requestParts, secretEquals } from '../../sandbox/http.js';
import { retryAfterHeader } from '../../sandbox/faults.js';
import { SandboxKit } from '../../sandbox/kit.js';
import type { AdvanceRules } from '../../sandbox/lifecycle.js';
import { SessionStore } from '../../sandbox/sessions.js';
import { inFlight, requestCounts } from '../../sandbox/stats.js';
import { doubling } from '../../sandbox/webhooks.js';
import { routeAccess, type SandboxAccess } from '../../sandbox/access.js';
import type { Simulator } from '../contract.js';
import {
  PAWAPASS_COUNTRIES,
  PAWAPASS_REQUIREMENT_TYPES,
  PAWAPASS_REVIEW_REASONS,
  PAWAPASS_STATUSES,
  type PawaPassCreateRequest,
  type PawaPassError,
  type PawaPassNotification,
  type PawaPassStatus,
  type PawaPassVerification,
} from './mapper.js';
import { canAdvance, FINAL, RANK, sampleDocument, sessionPage } from './simulator-model.js';
import { sign } from './webhook.js';

export { canAdvance };

export interface PawaPassSimulatorOptions {
  /** The page token of a session: its url and page carry it, so the page works without an API key. */
  pageToken?: (ref: string) => string;
  apiKey: string;
  webhookSecret: string;
  /** Where webhooks go, e.g. http://localhost:4000/webhooks/pawapass */
  webhookUrl: () => string;
  /** Public base of this simulator, e.g. http://localhost:4000/sandbox/pawapass (for session urls). */
  publicBase: () => string;
  /** Default session lifetime when the request has no expiresAt. pawaPass documents none; 7 days. */
  defaultTtlMs?: number;
}

/** Concluded with a document: where an agent may correct it (IDENTITY_DOCUMENT_CHANGE). */
const CORRECTABLE = new Set<PawaPassStatus>(['APPROVED', 'DECLINED']);
const DOCUMENT_FIELDS = new Set([
  'type', 'country', 'serialNo', 'nationalNo', 'firstName', 'lastName', 'dateOfBirth', 'placeOfBirth', 'nationality', 'expiryAt', 'issuedAt', 'issuingAuthority', 'placeOfIssue',
]);

const NO_NULL = /\u0000/;
const HTTP_URL = /^https?:\/\//;
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

type FieldError = { field: string; message: string };

export function validateCreate(body: unknown): FieldError[] {
  const errors: FieldError[] = [];
  if (!body || typeof body !== 'object' || Array.isArray(body)) return [{ field: 'body', message: 'must be a JSON object' }];
  const b = body as Record<string, unknown>;
  const str = (field: string, required: boolean) => {
    const v = b[field];
    if (v === undefined || v === null) {
      if (required) errors.push({ field, message: 'is required' });
      return;
    }
    if (typeof v !== 'string') errors.push({ field, message: 'must be a string' });
    else if (NO_NULL.test(v)) errors.push({ field, message: 'must not contain null bytes' });
  };
  str('externalId', true);
  if (typeof b.externalId === 'string' && b.externalId.length < 1) errors.push({ field: 'externalId', message: 'must not be empty' });
  if (!Array.isArray(b.requirements)) errors.push({ field: 'requirements', message: 'is required and must be an array' });
  else {
    if (b.requirements.length < 1) errors.push({ field: 'requirements', message: 'must contain at least 1 item' });
    b.requirements.forEach((r: unknown, i: number) => {
      const req = r as Record<string, unknown> | null;
      if (!req || typeof req !== 'object' || !(PAWAPASS_REQUIREMENT_TYPES as readonly unknown[]).includes(req.type)) {
        errors.push({ field: `requirements[${i}].type`, message: `must be one of ${PAWAPASS_REQUIREMENT_TYPES.join(', ')}` });
      } else if (req.options !== undefined) {
        const o = req.options as Record<string, unknown> | null;
        if (!o || typeof o !== 'object' || (o.previousVerificationId !== undefined && typeof o.previousVerificationId !== 'string')) {
          errors.push({ field: `requirements[${i}].options.previousVerificationId`, message: 'must be a string' });
        }
      }
    });
  }
  for (const field of ['successUrl', 'errorUrl', 'supportUrl']) {
    str(field, true);
    if (typeof b[field] === 'string' && !HTTP_URL.test(b[field] as string)) errors.push({ field, message: 'must match pattern ^https?://' });
  }
  if (b.country !== undefined && b.country !== null && !(PAWAPASS_COUNTRIES as readonly unknown[]).includes(b.country)) {
    errors.push({ field: 'country', message: `must be one of ${PAWAPASS_COUNTRIES.join(', ')}` });
  }
  str('phoneNo', false);
  str('createdBy', false);
  if (b.metadata !== undefined && b.metadata !== null && (typeof b.metadata !== 'object' || Array.isArray(b.metadata))) {
    errors.push({ field: 'metadata', message: 'must be an object' });
  }
  if (b.expiresAt !== undefined && b.expiresAt !== null) {
    if (typeof b.expiresAt !== 'string' || !ISO_8601.test(b.expiresAt) || Number.isNaN(Date.parse(b.expiresAt))) {
      errors.push({ field: 'expiresAt', message: 'must be an ISO 8601 date-time' });
    }
    // the seed states no "in the future" rule; a past expiresAt makes a session that expires at once
  }
  return errors;
}

const error = (statusCode: number, code: string, message: string, errors?: FieldError[]): PawaPassError => ({
  statusCode,
  code,
  message,
  ...(errors ? { errors } : {}),
});

const due = (s: PawaPassVerification) => !FINAL.has(s.status) && !!s.expiresAt && Date.parse(s.expiresAt) <= Date.now();

/** The end-user page of a session. */
const PAGE = /^\/app\/([^/]+)$/;

export class PawaPassSimulator implements Simulator {
  private readonly sessions = new SessionStore<PawaPassVerification>();
  /**
   * Webhooks: on failure retried in the background as pawaPass does (1 s doubling, ±25 % jitter),
   * capped at 8 attempts in the sandbox. Faults answer with pawaPass's error body.
   */
  private readonly kit = new SandboxKit({
    webhookUrl: () => this.options.webhookUrl(),
    retry: doubling(8, { capMs: 60_000, jitter: 0.25 }),
    faults: { invalid: (message) => error(400, 'VALIDATION_ERROR', message) },
  });
  private readonly links: PageLinks;
  /** Requests received per route name; tests read it to count upstream calls. */
  readonly requests = requestCounts('total', 'create', 'get', 'list');

  constructor(private readonly options: PawaPassSimulatorOptions) {
    this.links = new PageLinks(options.publicBase, options.pageToken);
  }

  /** Webhook deliveries attempted (including retries). */
  get webhooksSent(): number {
    return this.kit.webhooks.sent;
  }

  async handle(req: IncomingMessage, res: ServerResponse, path: string, rawBody: Buffer): Promise<boolean> {
    const { url, p, method } = requestParts(req, path);
    if (p.startsWith('/v2/')) {
      if (!this.authorized(req)) {
        sendJson(res, 401, error(401, 'UNAUTHORIZED', 'Unauthorized'));
        return true;
      }
      return inFlight(this.requests, () => this.api(res, p, method, url, rawBody));
    }
    const page = method === 'GET' ? PAGE.exec(p) : null;
    if (page) {
      const session = await this.current(decodeURIComponent(page[1]));
      if (!session) sendHtml(res, 404, '<!doctype html><title>Not found</title><p>No such pawaPass sandbox session.</p>');
      else sendHtml(res, 200, sessionPage(session, this.links.advancePath(session.id)));
      return true;
    }
    return this.kit.routes(res, p, method, rawBody, this.advance);
  }

  private async api(res: ServerResponse, p: string, method: string, url: URL, rawBody: Buffer): Promise<boolean> {
    let m: RegExpExecArray | null;
    this.requests.total++;
    const fault = await this.kit.faults.take(res);
    if (fault) {
      sendJson(res, fault.status, error(fault.status, fault.status === 429 ? 'TOO_MANY_REQUESTS' : 'SERVICE_UNAVAILABLE', 'Simulated fault'), retryAfterHeader(fault));
      return true;
    }
    if (method === 'POST' && (p === '/v2/verifications/' || p === '/v2/verifications')) {
      this.requests.create++;
      await this.create(res, rawBody);
      return true;
    }
    if (method === 'GET' && (p === '/v2/verifications' || p === '/v2/verifications/')) {
      this.requests.list++;
      await this.list(res, url.searchParams);
      return true;
    }
    if (method === 'GET' && (m = /^\/v2\/verifications\/([^/]+)$/.exec(p))) {
      this.requests.get++;
      const session = await this.current(decodeURIComponent(m[1]));
      if (!session) sendJson(res, 404, error(404, 'NOT_FOUND', 'Verification not found'));
      else sendJson(res, 200, session);
      return true;
    }
    return false;
  }

  /** Bearer (current) or X-AUTH-KEY (legacy) — provider-specs/pawapass.md, "Hosts and auth". */
  private authorized(req: IncomingMessage): boolean {
    const auth = req.headers.authorization;
    const given = typeof auth === 'string' && auth.startsWith('Bearer ') ? auth.slice(7) : (req.headers['x-auth-key'] as string | undefined);
    return !!given && secretEquals(given, this.options.apiKey);
  }

  private async create(res: ServerResponse, rawBody: Buffer) {
    const body = parseJson(rawBody);
    if (body === undefined) {
      sendJson(res, 400, error(400, 'VALIDATION_ERROR', 'Body is not valid JSON', [{ field: 'body', message: 'must be JSON' }]));
      return;
    }
    const errors = validateCreate(body);
    if (errors.length) {
      sendJson(res, 400, error(400, 'VALIDATION_ERROR', errors.map((e) => `${e.field} ${e.message}`).join('; '), errors));
      return;
    }
    const b = body as PawaPassCreateRequest;
    const now = new Date().toISOString();
    const id = randomBytes(6).toString('base64url');
    // seed: "phoneNo … If not provided, extracted from metadata"
    const fromMetadata = b.metadata && typeof (b.metadata as Record<string, unknown>).phoneNo === 'string' ? String((b.metadata as Record<string, unknown>).phoneNo) : null;
    const session: PawaPassVerification = {
      id,
      externalId: b.externalId,
      country: b.country ?? null,
      phoneNo: b.phoneNo ?? fromMetadata,
      requirements: b.requirements.map((r) => ({ type: r.type, ...(r.options ? { options: { ...r.options } } : {}) })),
      url: this.links.url(`/app/${id}`, id),
      status: 'CREATED',
      metadata: b.metadata ?? null,
      successUrl: b.successUrl,
      errorUrl: b.errorUrl,
      supportUrl: b.supportUrl,
      identityDocument: null,
      faceScan: null,
      reviewResult: null,
      createdBy: b.createdBy ?? null,
      expiresAt: b.expiresAt ? new Date(b.expiresAt).toISOString() : new Date(Date.now() + (this.options.defaultTtlMs ?? 7 * 86_400_000)).toISOString(),
      createdAt: now,
      updatedAt: now,
    };
    this.sessions.set(id, session);
    // it expires at its expiresAt even when nobody asks: one timer for the session, no sweep (and
    // not before the answer to this create has had a second to be recorded, as with the old 1 s sweep)
    this.kit.timers.at(Math.max(Date.parse(session.expiresAt!), Date.now() + 1000), () => void this.current(id), id);
    sendJson(res, 201, session);
  }

  private async list(res: ServerResponse, q: URLSearchParams) {
    const page = q.has('page') ? Number(q.get('page')) : 0;
    const limit = q.has('limit') ? Number(q.get('limit')) : 15;
    const errors: FieldError[] = [];
    if (!Number.isInteger(page) || page < 0) errors.push({ field: 'page', message: 'must be an integer ≥ 0' });
    if (!Number.isInteger(limit) || limit < 1 || limit > 50) errors.push({ field: 'limit', message: 'must be an integer from 1 to 50' });
    const statuses = q.getAll('statuses').flatMap((s) => s.split(','));
    for (const s of statuses) if (!(PAWAPASS_STATUSES as readonly string[]).includes(s)) errors.push({ field: 'statuses', message: `unknown status ${s}` });
    if (errors.length) {
      sendJson(res, 400, error(400, 'VALIDATION_ERROR', errors.map((e) => `${e.field} ${e.message}`).join('; '), errors));
      return;
    }
    await this.expireDue();
    const all = [...this.sessions.values()].filter(
      (s) =>
        (!q.get('id') || s.id === q.get('id')) &&
        (!q.get('externalId') || s.externalId === q.get('externalId')) &&
        (statuses.length === 0 || statuses.includes(s.status)),
    );
    all.reverse(); // newest first
    sendJson(res, 200, { items: all.slice(page * limit, page * limit + limit), count: all.length });
  }

  /** The session, expired first if its time has come. */
  private async current(id: string): Promise<PawaPassVerification | null> {
    const s = this.sessions.get(id);
    if (!s) return null;
    if (due(s)) {
      await this.kit.inOrder(id, async () => {
        const latest = this.sessions.get(id);
        if (latest && due(latest)) await this.transition(latest, 'EXPIRED', null);
      });
    }
    return this.sessions.get(id) ?? null;
  }

  /** Brings every session past its expiresAt up to date (before a list filters on status). */
  private async expireDue() {
    const late = [...this.sessions.values()].filter(due);
    await Promise.all(late.map((s) => this.current(s.id)));
  }

  /** POST /{id}/advance: the end user's or reviewer's step, or (with identityDocument) an agent's correction. */
  private readonly advance: AdvanceRules<PawaPassStatus, PawaPassVerification> = {
    statuses: PAWAPASS_STATUSES,
    noun: 'session',
    check: (b) => (b.reviewReason !== undefined && !(PAWAPASS_REVIEW_REASONS as readonly unknown[]).includes(b.reviewReason) ? `"reviewReason" must be one of ${PAWAPASS_REVIEW_REASONS.join(', ')}` : null),
    refresh: (id) => this.current(id),
    session: (id) => this.sessions.get(id),
    move: async (s, to, body) => {
      const correction = body.identityDocument;
      if (correction !== undefined && (!correction || typeof correction !== 'object' || Array.isArray(correction) || !Object.entries(correction).every(([k, v]) => DOCUMENT_FIELDS.has(k) && (typeof v === 'string' || v === null)))) {
        return { invalid: `"identityDocument" must be an object of identityDocument fields (${[...DOCUMENT_FIELDS].join(', ')}) with string or null values` };
      }
      // an agent correcting the document of a concluded verification (provider-specs/pawapass.md:
      // IDENTITY_DOCUMENT_CHANGE, never during the first data collection): `to` is the current status
      if (correction !== undefined) {
        if (s.status !== to || !CORRECTABLE.has(s.status) || !s.identityDocument) return { conflict: s.status };
        return { delivered: await this.correctDocument(s, correction as Record<string, string | null>) };
      }
      if (!canAdvance(s.status, to)) return { conflict: s.status };
      return { delivered: await this.transition(s, to, (body.reviewReason as string | undefined) ?? null) };
    },
    answer: (s) => ({ id: s.id, status: s.status }),
  };

  /** An agent's correction of the document data after the verification concluded: IDENTITY_DOCUMENT_CHANGE. */
  private async correctDocument(s: PawaPassVerification, fields: Record<string, string | null>): Promise<boolean> {
    const now = new Date().toISOString();
    const next: PawaPassVerification = { ...s, identityDocument: { ...s.identityDocument!, ...fields, updatedAt: now }, updatedAt: now };
    this.sessions.set(s.id, next);
    return this.sendWebhook({ notificationId: randomUUID(), type: 'VERIFICATION.IDENTITY_DOCUMENT_CHANGE', object: 'VERIFICATION', createdAt: now, data: next });
  }

  /** Moves a session, fills what the end user would have captured, and sends the webhook. */
  private async transition(s: PawaPassVerification, to: PawaPassStatus, reviewReason: string | null): Promise<boolean> {
    const now = new Date().toISOString();
    const next: PawaPassVerification = { ...s, status: to, updatedAt: now };
    const captured = RANK[to] >= RANK.USER_DATA_COLLECTED && to !== 'EXPIRED';
    if (captured && !next.identityDocument && s.requirements.some((r) => r.type === 'DOCUMENT_SCAN')) {
      next.identityDocument = sampleDocument(s.country ?? 'ZM', now);
    }
    if (captured && !next.faceScan && s.requirements.some((r) => r.type === 'FACE_SCAN')) {
      next.faceScan = { ageEstimation: 'OVER_18', createdAt: now, updatedAt: now };
    }
    if (to === 'REVIEW') next.reviewResult = { reason: reviewReason ?? 'CAPTURE_ISSUE' };
    if (to === 'DECLINED') next.reviewResult = { reason: reviewReason ?? next.reviewResult?.reason ?? 'DOCUMENT_VALIDITY' };
    this.sessions.set(s.id, next);
    if (FINAL.has(to)) this.kit.timers.cancel(s.id);
    return this.sendWebhook({
      notificationId: randomUUID(),
      type: 'VERIFICATION.STATUS_CHANGE',
      object: 'VERIFICATION',
      createdAt: now,
      data: next,
    });
  }

  /** Sends one notification, signed; resolves with whether the first attempt got a 2xx. */
  private sendWebhook(n: PawaPassNotification): Promise<boolean> {
    const body = JSON.stringify(n);
    // sandbox only: the webhook carries the id of the request that caused it, so logs join up
    return this.kit.webhooks.send(body, () => ({ 'x-signature': sign(body, this.options.webhookSecret), ...requestIdHeaders() }));
  }

  /** The sandbox guard's view of a route (contract.ts). */
  sandboxAccess(method: string, path: string): SandboxAccess | null {
    return routeAccess(method, path, path.startsWith('/v2/'), PAGE);
  }

  close(): Promise<void> {
    return this.kit.close();
  }
}
