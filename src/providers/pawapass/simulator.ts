// A faithful local pawaPass: the seed's create endpoint with every request rule, get and list,
// Bearer auth with the documented 401/403 bodies, expiry, the end-user page, and the signed
// webhook sent on every status change. Served under /sandbox/pawapass.
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { sendHtml, sendJson } from '../../http/httpkit.js';
import { renderSandboxPage, type SandboxAction } from '../../http/sandbox-page.js';
import { requestIdHeaders } from '../../observability/request-context.js';
import { commonSandboxAccess, type SandboxAccess, type Simulator } from '../contract.js';
import { PerSessionQueue } from '../sandbox-queue.js';
import { TenantFaults } from '../sandbox-faults.js';
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
import { sign } from './webhook.js';

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
  /** Interval of the expiry sweep. Default 1000 ms. */
  expirySweepMs?: number;
}

/** Lifecycle rank: a session only moves to a higher rank; EXPIRED is reachable from any non-final status. */
const RANK: Record<PawaPassStatus, number> = {
  CREATED: 0,
  STARTED: 1,
  USER_DATA_COLLECTED: 2,
  REVIEW: 3,
  APPROVED: 4,
  DECLINED: 4,
  EXPIRED: 4,
};
const FINAL = new Set<PawaPassStatus>(['APPROVED', 'DECLINED', 'EXPIRED']);
/** Concluded with a document: where an agent may correct it (IDENTITY_DOCUMENT_CHANGE). */
const CORRECTABLE = new Set<PawaPassStatus>(['APPROVED', 'DECLINED']);
const DOCUMENT_FIELDS = new Set([
  'type', 'country', 'serialNo', 'nationalNo', 'firstName', 'lastName', 'dateOfBirth', 'placeOfBirth', 'nationality', 'expiryAt', 'issuedAt', 'issuingAuthority', 'placeOfIssue',
]);

export function canAdvance(from: PawaPassStatus, to: PawaPassStatus): boolean {
  if (FINAL.has(from)) return false;
  return RANK[to] > RANK[from];
}

interface Fault {
  status: number;
  times: number;
  delayMs: number;
  retryAfter: number | null;
}

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

export class PawaPassSimulator implements Simulator {
  private readonly sessions = new Map<string, PawaPassVerification>();
  /** Per-session queue, so advances reach the webhook receiver in the order they were made. */
  private readonly queue = new PerSessionQueue();
  private readonly sweep: NodeJS.Timeout;
  private readonly retries = new Set<NodeJS.Timeout>();
  /** Injected faults, per tenant (sandbox-faults.ts). */
  private readonly faults = new TenantFaults<Fault>();
  /** Requests received per route name; tests read it to count upstream calls. */
  readonly requests = { total: 0, create: 0, get: 0, list: 0, inFlight: 0, maxInFlight: 0 };
  /** Webhook deliveries attempted (including retries). */
  webhooksSent = 0;

  constructor(private readonly options: PawaPassSimulatorOptions) {
    this.sweep = setInterval(() => void this.expireDue(), options.expirySweepMs ?? 1000);
    this.sweep.unref();
  }

  async handle(req: IncomingMessage, res: ServerResponse, path: string, rawBody: Buffer): Promise<boolean> {
    const url = new URL(path, 'http://sim');
    const p = url.pathname;
    const method = req.method ?? 'GET';
    if (p.startsWith('/v2/')) {
      if (!this.authorized(req)) {
        sendJson(res, 401, error(401, 'UNAUTHORIZED', 'Unauthorized'));
        return true;
      }
      this.requests.maxInFlight = Math.max(this.requests.maxInFlight, ++this.requests.inFlight);
      try {
        return await this.api(req, res, p, method, url, rawBody);
      } finally {
        this.requests.inFlight--;
      }
    }
    return this.sandboxRoutes(req, res, p, method, rawBody);
  }

  private async api(_req: IncomingMessage, res: ServerResponse, p: string, method: string, url: URL, rawBody: Buffer): Promise<boolean> {
    let m: RegExpExecArray | null;
    this.requests.total++;
    if (await this.applyFault(res)) return true;
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

  /** Sandbox-only routes: end-user actions, the session page, fault injection. */
  private async sandboxRoutes(_req: IncomingMessage, res: ServerResponse, p: string, method: string, rawBody: Buffer): Promise<boolean> {
    let m: RegExpExecArray | null;
    if (method === 'POST' && (m = /^\/([^/]+)\/advance$/.exec(p))) {
      await this.advanceRoute(res, decodeURIComponent(m[1]), rawBody);
      return true;
    }
    if (method === 'GET' && (m = /^\/app\/([^/]+)$/.exec(p))) {
      const session = await this.current(decodeURIComponent(m[1]));
      if (!session) {
        sendHtml(res, 404, '<!doctype html><title>Not found</title><p>No such pawaPass sandbox session.</p>');
        return true;
      }
      sendHtml(res, 200, this.page(session));
      return true;
    }
    if (p === '/faults') {
      if (method === 'DELETE') {
        this.faults.set(res, null);
        sendJson(res, 200, { fault: null });
        return true;
      }
      if (method === 'POST') {
        const b = safeJson(rawBody) as Partial<Fault> | null;
        if (!b || typeof b.status !== 'number' && typeof b.delayMs !== 'number') {
          sendJson(res, 400, error(400, 'VALIDATION_ERROR', 'give "status" (HTTP code to answer) and/or "delayMs"'));
          return true;
        }
        const fault = this.faults.set(res, { status: b.status ?? 0, times: b.times ?? Infinity, delayMs: b.delayMs ?? 0, retryAfter: b.retryAfter ?? null })!;
        sendJson(res, 200, { fault: { ...fault, times: Number.isFinite(fault.times) ? fault.times : null } });
        return true;
      }
    }
    return false;
  }

  /** Bearer (current) or X-AUTH-KEY (legacy) — provider-specs/pawapass.md, "Hosts and auth". */
  private authorized(req: IncomingMessage): boolean {
    const auth = req.headers.authorization;
    const given = typeof auth === 'string' && auth.startsWith('Bearer ') ? auth.slice(7) : (req.headers['x-auth-key'] as string | undefined);
    if (!given) return false;
    const a = Buffer.from(given);
    const b = Buffer.from(this.options.apiKey);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  private async applyFault(res: ServerResponse): Promise<boolean> {
    const f = this.faults.get(res);
    if (!f || f.times <= 0) return false;
    f.times--;
    if (f.delayMs) await new Promise((r) => setTimeout(r, f.delayMs));
    if (!f.status) return false;
    const headers: Record<string, string> = f.retryAfter != null ? { 'retry-after': String(f.retryAfter) } : {};
    sendJson(res, f.status, error(f.status, f.status === 429 ? 'TOO_MANY_REQUESTS' : 'SERVICE_UNAVAILABLE', 'Simulated fault'), headers);
    return true;
  }

  private async create(res: ServerResponse, rawBody: Buffer) {
    const body = safeJson(rawBody);
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
      url: `${this.options.publicBase()}/app/${id}${this.tokenQuery(id) ? `?${this.tokenQuery(id)}` : ''}`,
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
    const due = (x: PawaPassVerification) => !FINAL.has(x.status) && !!x.expiresAt && Date.parse(x.expiresAt) <= Date.now();
    if (due(s)) {
      await this.queue.run(id, async () => {
        const latest = this.sessions.get(id)!;
        if (due(latest)) await this.transition(latest, 'EXPIRED', null);
      });
    }
    return this.sessions.get(id) ?? null;
  }

  private async expireDue() {
    const now = Date.now();
    const due = [...this.sessions.values()].filter((s) => !FINAL.has(s.status) && s.expiresAt && Date.parse(s.expiresAt) <= now);
    await Promise.all(due.map((s) => this.current(s.id)));
  }

  private async advanceRoute(res: ServerResponse, id: string, rawBody: Buffer) {
    const body = safeJson(rawBody) as { to?: unknown; reviewReason?: unknown; identityDocument?: unknown } | undefined;
    const to = body?.to;
    if (typeof to !== 'string' || !(PAWAPASS_STATUSES as readonly string[]).includes(to)) {
      sendJson(res, 400, { message: `"to" must be one of ${PAWAPASS_STATUSES.join(', ')}` });
      return;
    }
    const reason = body?.reviewReason;
    if (reason !== undefined && !(PAWAPASS_REVIEW_REASONS as readonly unknown[]).includes(reason)) {
      sendJson(res, 400, { message: `"reviewReason" must be one of ${PAWAPASS_REVIEW_REASONS.join(', ')}` });
      return;
    }
    const session = await this.current(id);
    if (!session) {
      sendJson(res, 404, { message: 'No such session' });
      return;
    }
    const correction = body?.identityDocument;
    if (correction !== undefined && (!correction || typeof correction !== 'object' || Array.isArray(correction) || !Object.entries(correction).every(([k, v]) => DOCUMENT_FIELDS.has(k) && (typeof v === 'string' || v === null)))) {
      sendJson(res, 400, { message: `"identityDocument" must be an object of identityDocument fields (${[...DOCUMENT_FIELDS].join(', ')}) with string or null values` });
      return;
    }
    const outcome = await this.queue.run(id, async () => {
      const s = this.sessions.get(id)!;
      // an agent correcting the document of a concluded verification (provider-specs/pawapass.md:
      // IDENTITY_DOCUMENT_CHANGE, never during the first data collection): `to` is the current status
      if (correction !== undefined) {
        if (s.status !== to || !CORRECTABLE.has(s.status) || !s.identityDocument) return { conflict: s.status };
        return { delivered: await this.correctDocument(s, correction as Record<string, string | null>) };
      }
      if (!canAdvance(s.status, to as PawaPassStatus)) return { conflict: s.status };
      return { delivered: await this.transition(s, to as PawaPassStatus, (reason as string | undefined) ?? null) };
    });
    if ('conflict' in outcome) {
      sendJson(res, 409, { message: `Cannot move a ${outcome.conflict} session to ${to}`, status: outcome.conflict });
      return;
    }
    const s = this.sessions.get(id)!;
    sendJson(res, outcome.delivered ? 200 : 202, { id, status: s.status, webhookDelivered: outcome.delivered });
  }

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
    return this.sendWebhook({
      notificationId: randomUUID(),
      type: 'VERIFICATION.STATUS_CHANGE',
      object: 'VERIFICATION',
      createdAt: now,
      data: next,
    });
  }

  /**
   * Sends one notification; on failure retries in the background as pawaPass does (1 s doubling,
   * ±25 % jitter), capped at 8 attempts in the sandbox. Returns whether the first attempt got a 2xx.
   */
  private async sendWebhook(n: PawaPassNotification, attempt = 1): Promise<boolean> {
    const body = JSON.stringify(n);
    let ok = false;
    try {
      this.webhooksSent++;
      const res = await fetch(this.options.webhookUrl(), {
        method: 'POST',
        // sandbox only: the webhook carries the id of the request that caused it, so logs join up
        headers: { 'content-type': 'application/json', 'x-signature': sign(body, this.options.webhookSecret), ...requestIdHeaders() },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      await res.arrayBuffer();
      ok = res.status >= 200 && res.status < 300;
    } catch {
      ok = false;
    }
    if (!ok && attempt < 8) {
      const delay = Math.min(1000 * 2 ** (attempt - 1), 60_000) * (0.75 + Math.random() * 0.5);
      const t = setTimeout(() => {
        this.retries.delete(t);
        void this.sendWebhook(n, attempt + 1);
      }, delay);
      t.unref();
      this.retries.add(t);
    }
    return ok;
  }

  private page(s: PawaPassVerification): string {
    const actions: SandboxAction[] = [
      { label: 'Start', to: 'STARTED', hint: 'The end user opens the pawaPass link.' },
      { label: 'Submit captures', to: 'USER_DATA_COLLECTED', hint: 'The end user finishes the document and face scans.' },
      { label: 'Send to review', to: 'REVIEW', hint: 'pawaPass asks a person to look (review reason CAPTURE_ISSUE).' },
      { label: 'Approve', to: 'APPROVED', hint: 'The pawaPass reviewer accepts the identity.', tone: 'primary' as const },
      { label: 'Decline', to: 'DECLINED', hint: 'The pawaPass reviewer rejects it (reason DOCUMENT_VALIDITY).', tone: 'danger' as const },
      { label: 'Let it expire', to: 'EXPIRED', hint: 'The end user never finishes before expiresAt.', tone: 'danger' as const },
    ].filter((a) => canAdvance(s.status, a.to as PawaPassStatus));
    const ASKS: Record<string, string> = {
      DOCUMENT_SCAN: 'Photos of an identity document (front and back where it has one).',
      FACE_SCAN: 'A selfie video to check liveness and estimate age.',
    };
    return renderSandboxPage({
      providerName: 'pawaPass',
      ref: s.id,
      status: s.status,
      asks: s.requirements.map((r) => ({ label: r.type, detail: ASKS[r.type] })),
      fields: [
        ['External id', s.externalId],
        ['Country', s.country ?? '—'],
        ['Phone', s.phoneNo ?? '—'],
        ['Expires', s.expiresAt],
        ['Identity document', s.identityDocument ? `${s.identityDocument.type} ${s.identityDocument.firstName} ${s.identityDocument.lastName}` : 'not captured yet'],
        ['Face scan', s.faceScan ? s.faceScan.ageEstimation : 'not captured yet'],
        ['Review', s.reviewResult?.reason ?? '—'],
        ['After success', s.successUrl],
        ['After an error', s.errorUrl],
        ['Metadata', s.metadata ?? '—'],
      ],
      actions,
      advancePath: `${new URL(this.options.publicBase()).pathname}/${encodeURIComponent(s.id)}/advance${this.tokenQuery(s.id) ? `?${this.tokenQuery(s.id)}` : ''}`,
    });
  }

  /** `token=…` for the session's url and page actions ('' when the app sets no page tokens). */
  private tokenQuery(ref: string): string {
    const token = this.options.pageToken?.(ref);
    return token ? `token=${encodeURIComponent(token)}` : '';
  }

  /** The sandbox guard's view of a route (contract.ts). */
  sandboxAccess(method: string, path: string): SandboxAccess | null {
    if (path.startsWith('/v2/')) return { kind: 'api' };
    const page = method === 'GET' ? /^\/app\/([^/]+)$/.exec(path) : null;
    if (page) return { kind: 'session', ref: decodeURIComponent(page[1]) };
    return commonSandboxAccess(method, path);
  }

  async close(): Promise<void> {
    clearInterval(this.sweep);
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

function sampleDocument(country: string, now: string) {
  return {
    type: 'NATIONAL_ID',
    country,
    serialNo: '9876543/21/1',
    nationalNo: 'Z12345678',
    firstName: 'Tisa',
    lastName: 'Banda',
    dateOfBirth: '1997-05-10',
    placeOfBirth: 'Lusaka',
    nationality: country,
    expiryAt: '2032-05-09',
    issuedAt: '2022-05-10',
    issuingAuthority: 'Republic of Zambia',
    placeOfIssue: 'Lusaka',
    createdAt: now,
    updatedAt: now,
  };
}
