// A faithful local Upvest (user checks): the OAuth2 token endpoint, the three user-check
// endpoints with the seed's validation, the JWKS of its webhook keys, an HTTP message signature
// check on every request, the documented problem bodies, check processing driven by
// POST /{checkId}/advance, and signed (bundled) webhooks. Served under /sandbox/upvest.
import { generateKeyPairSync, type KeyObject, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../../http/httpkit.js';
import { CHECK_STATUSES, type CheckStatus, KYC_DOCUMENT_TYPES, KYC_METHODS, POR_DOCUMENT_TYPES } from '../../domain/check.js';
import { SandboxFaults as TenantFaults } from '../../sandbox/faults.js';
import { commonSandboxAccess, type SandboxAccess, type Simulator } from '../contract.js';
import type { UpvestCheck, UpvestEvent, UpvestEventType, UpvestProblem } from './mapper.js';
import { type MessageParts, SIGNATURE_VERSION_HEADER, SignatureError, legacyDigest, signLegacyMessage, verifyMessage } from './signature.js';

export interface UpvestSimulatorOptions {
  clientId: string;
  clientSecret: string;
  /** Public keys of the client's request-signing keys, by keyid (Upvest keeps them when it issues credentials). */
  clientKeys: Map<string, KeyObject>;
  /** Scopes the client may request. Default checks:read and checks:admin. */
  allowedScopes?: string[];
  /** Lifetime of issued tokens. Default 3600 s. */
  tokenTtlSeconds?: number;
  /** Where webhooks go, e.g. http://localhost:4000/webhooks/upvest */
  webhookUrl: () => string;
  /** Events raised within this window are delivered together (bundled). Default 100 ms (`UPVEST_WEBHOOK_DELAY_MS`). */
  webhookDelayMs?: number;
  /** Most events in one delivery. Default 10. */
  maxBundle?: number;
}

const SEED_TYPES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  406: 'not_acceptable',
  429: 'too_many_requests',
  500: 'internal_server_error',
  503: 'method_not_allowed', // sic: the seed's 503 example says so
  504: 'gateway_timeout',
};
const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  406: 'Not Acceptable',
  409: 'Conflict',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const COUNTRY = /^[A-Z]{2}$/;
const POSTCODE = /^[a-zA-Z0-9\s-]{1,10}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const PO_BOX = /\b(p\.?\s*o\.?\s*box|postfach|c\/o|care of)\b/i;
/** Documents that may be at most 12 months old (seed, POR document_type). */
const TWELVE_MONTH_DOCS = new Set(['UTILITY_BILL', 'TELEPHONE_BILL', 'INTERNET_BILL', 'BANK_STATEMENT']);

type FieldError = { field: string; message: string };

const validDate = (s: unknown): s is string => typeof s === 'string' && DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
const monthsBefore = (from: Date, months: number) => {
  const d = new Date(from);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
};

/** The seed's rules for POST /users/{user_id}/checks. */
export function validateCheckCreate(body: unknown, now = new Date()): FieldError[] {
  const errors: FieldError[] = [];
  if (!body || typeof body !== 'object' || Array.isArray(body)) return [{ field: 'body', message: 'must be a JSON object' }];
  const b = body as Record<string, unknown>;
  const err = (field: string, message: string) => errors.push({ field, message });
  const url = (field: string) => {
    const v = b[field];
    if (typeof v !== 'string') return err(field, 'is required');
    if (v.length > 1000) return err(field, 'must be at most 1000 characters');
    try {
      if (!['http:', 'https:'].includes(new URL(v).protocol)) err(field, 'must be an http(s) URL');
    } catch {
      err(field, 'must be a URL');
    }
  };
  const address = (required: boolean) => {
    const a = b.confirmed_address as Record<string, unknown> | undefined;
    if (a === undefined || a === null) return required ? err('confirmed_address', 'is required') : undefined;
    if (typeof a !== 'object') return err('confirmed_address', 'must be an object');
    const line = (f: string, req: boolean) => {
      const v = a[f];
      if (v === undefined || v === null) return req ? err(`confirmed_address.${f}`, 'is required') : undefined;
      if (typeof v !== 'string' || (req && v.length < 1) || v.length > 100) return err(`confirmed_address.${f}`, 'must be 1 to 100 characters');
      if (PO_BOX.test(v)) err(`confirmed_address.${f}`, 'must not be a P.O. box or c/o address');
    };
    line('address_line1', true);
    line('address_line2', false);
    if (typeof a.postcode !== 'string' || !POSTCODE.test(a.postcode)) err('confirmed_address.postcode', 'must match ^[a-zA-Z0-9\\s\\-]{1,10}$');
    if (typeof a.country !== 'string' || !COUNTRY.test(a.country)) err('confirmed_address.country', 'must match ^[A-Z]{2}$');
    if (a.state !== undefined && a.state !== null && (typeof a.state !== 'string' || a.state.length > 50)) err('confirmed_address.state', 'must be at most 50 characters');
    if (typeof a.city !== 'string' || a.city.length < 1 || a.city.length > 85) err('confirmed_address.city', 'must be 1 to 85 characters');
  };
  const confirmedAt = typeof b.check_confirmed_at === 'string' && DATE_TIME.test(b.check_confirmed_at) ? new Date(b.check_confirmed_at) : null;
  if (!confirmedAt || Number.isNaN(confirmedAt.getTime())) err('check_confirmed_at', 'must be an RFC 3339 date-time');
  switch (b.type) {
    case 'KYC': {
      if (confirmedAt && confirmedAt < monthsBefore(now, 24)) err('check_confirmed_at', 'must not be older than 24 months');
      url('data_download_link');
      if (!(KYC_DOCUMENT_TYPES as readonly unknown[]).includes(b.document_type)) err('document_type', `must be one of ${KYC_DOCUMENT_TYPES.join(', ')}`);
      if (!validDate(b.document_expiration_date)) err('document_expiration_date', 'must be a date YYYY-MM-DD');
      if (typeof b.nationality !== 'string' || !COUNTRY.test(b.nationality)) err('nationality', 'must match ^[A-Z]{2}$');
      if (typeof b.provider !== 'string' || b.provider.length < 1 || b.provider.length > 100) err('provider', 'must be 1 to 100 characters');
      if (!(KYC_METHODS as readonly unknown[]).includes(b.method)) err('method', `must be one of ${KYC_METHODS.join(', ')}`);
      address(false);
      const country = (b.confirmed_address as { country?: unknown } | undefined)?.country;
      if (b.method === 'LIVENESS_PHOTO_ID' && country === 'DE') err('method', 'LIVENESS_PHOTO_ID is not allowed when the residence country is DE');
      if (b.kyc_update !== undefined && typeof b.kyc_update !== 'boolean') err('kyc_update', 'must be a boolean');
      break;
    }
    case 'POR': {
      url('data_download_link');
      if (!(POR_DOCUMENT_TYPES as readonly unknown[]).includes(b.document_type)) err('document_type', `must be one of ${POR_DOCUMENT_TYPES.join(', ')}`);
      if (!validDate(b.issuance_date)) err('issuance_date', 'must be a date YYYY-MM-DD');
      else if (confirmedAt) {
        const issued = new Date(`${b.issuance_date}T00:00:00Z`);
        if (issued > confirmedAt) err('issuance_date', 'must not be after check_confirmed_at');
        else if (TWELVE_MONTH_DOCS.has(b.document_type as string) && issued < monthsBefore(confirmedAt, 12)) err('issuance_date', `a ${b.document_type} must not be older than 12 months`);
        else if (b.document_type === 'REGISTRATION_CERT' && issued < monthsBefore(confirmedAt, 60)) err('issuance_date', 'a REGISTRATION_CERT must be issued within the past 5 years');
      }
      address(true);
      break;
    }
    case 'INSTRUMENT_FIT': {
      const s = b.instrument_suitability as { suitability?: unknown } | undefined;
      if (!s || typeof s !== 'object' || typeof s.suitability !== 'boolean') err('instrument_suitability.suitability', 'is required and must be a boolean');
      break;
    }
    default:
      // seed: the create request is One Of KYC, POR, INSTRUMENT_FIT; Upvest creates COMPLIANCE checks itself
      err('type', 'must be one of KYC, POR, INSTRUMENT_FIT');
  }
  return errors;
}

interface Fault {
  status: number;
  times: number;
  delayMs: number;
  retryAfter: number | null;
}

interface Token {
  scopes: string[];
  expiresAt: number;
}

interface Pending {
  event: UpvestEvent;
  delivered: (ok: boolean) => void;
}

/** Lifecycle: IN_PROGRESS → PASSED | FAILED (final). */
export function canAdvance(from: CheckStatus, to: CheckStatus): boolean {
  return from === 'IN_PROGRESS' && to !== 'IN_PROGRESS';
}

export class UpvestSimulator implements Simulator {
  private readonly checks = new Map<string, UpvestCheck>();
  private readonly tokens = new Map<string, Token>();
  private readonly idempotency = new Map<string, string>();
  private readonly nonces = new Map<string, number>();
  private readonly webhookKeys: { kid: string; privateKey: KeyObject; publicKey: KeyObject }[] = [];
  private readonly webhookId = randomUUID();
  private queue: Pending[] = [];
  private flushTimer: NodeJS.Timeout | null = null;
  private delivering: Promise<void> | null = null;
  private readonly sleeps = new Set<() => void>();
  /** Injected faults, per tenant (sandbox-faults.ts). */
  private readonly faults = new TenantFaults<Fault>();
  private closed = false;
  /** Requests received per route; tests read them to count upstream calls. */
  readonly requests = { token: 0, list: 0, get: 0, create: 0, verifyKeys: 0, rejectedSignatures: 0, inFlight: 0, maxInFlight: 0, complianceCreated: 0 };
  /** Webhook deliveries attempted and the number of events in each. */
  readonly deliveries: number[] = [];

  constructor(private readonly options: UpvestSimulatorOptions) {
    this.rotateWebhookKey();
  }

  /** Adds a new webhook signing key (P-521, as in Upvest's JWKS example) and signs with it from now on. */
  rotateWebhookKey(): string {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-521' });
    const kid = randomUUID();
    this.webhookKeys.unshift({ kid, privateKey, publicKey });
    return kid;
  }

  /** Registers another client request-signing key (public part), as Upvest does when issuing credentials. */
  registerClientKey(keyId: string, publicKey: KeyObject) {
    this.options.clientKeys.set(keyId, publicKey);
  }

  /** Invalidates every issued token (as an expiry would); the next call with one gets 401. */
  revokeTokens() {
    this.tokens.clear();
  }

  get jwks() {
    return {
      keys: this.webhookKeys.map(({ kid, publicKey }) => ({ ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'ES512' })),
    };
  }

  async handle(req: IncomingMessage, res: ServerResponse, path: string, rawBody: Buffer): Promise<boolean> {
    const url = new URL(path, 'http://sim');
    const p = url.pathname;
    const method = req.method ?? 'GET';
    let m: RegExpExecArray | null;
    if (method === 'POST' && (m = /^\/([^/]+)\/advance$/.exec(p)) && p !== '/auth/advance' && p !== '/users/advance') {
      await this.advanceRoute(res, decodeURIComponent(m[1]), rawBody);
      return true;
    }
    if (p === '/faults') return this.faultRoute(res, method, rawBody);
    const isToken = p === '/auth/token';
    const isKeys = p === '/auth/verify_keys';
    const isUsers = p.startsWith('/users/');
    if (!isToken && !isKeys && !isUsers) return false;

    const requestId = randomUUID();
    const problem = (status: number, detail: string, headers: Record<string, string> = {}, type?: string) => this.problem(res, status, detail, p, requestId, headers, type);
    const headers = flatten(req.headers);

    // every request is signed, the token request included (without authorization)
    try {
      if (headers[SIGNATURE_VERSION_HEADER] !== '15') throw new SignatureError('upvest-signature-version must be 15');
      const required = ['@method', '@path', 'accept', 'upvest-client-id', ...(isToken ? [] : ['authorization']), ...(rawBody.length ? ['content-length', 'content-type', 'content-digest'] : []), ...(url.search ? ['@query'] : []), ...(headers['idempotency-key'] ? ['idempotency-key'] : [])];
      const parsed = await verifyMessage({ method, target: path, headers }, rawBody, { keyFor: (id) => this.options.clientKeys.get(id) ?? null, required });
      if (String(rawBody.length) !== headers['content-length'] && rawBody.length) throw new SignatureError('content-length does not match the body');
      if (!parsed.nonce) throw new SignatureError('nonce is missing');
      this.sweepNonces();
      if (this.nonces.has(parsed.nonce)) throw new SignatureError('nonce was already used');
      this.nonces.set(parsed.nonce, Date.now() + 10 * 60_000);
    } catch (err) {
      if (!(err instanceof SignatureError)) throw err;
      this.requests.rejectedSignatures++;
      problem(401, `Invalid HTTP message signature: ${err.message}`);
      return true;
    }
    if (headers['upvest-client-id'] !== this.options.clientId) {
      problem(401, 'Unknown upvest-client-id');
      return true;
    }
    const accept = headers.accept ?? '*/*';
    if (!/(^|,)\s*(application\/json|application\/\*|\*\/\*)\s*(;|,|$)/.test(accept)) {
      problem(406, 'Accept must allow application/json');
      return true;
    }
    if (headers['upvest-api-version'] !== undefined && headers['upvest-api-version'] !== '1') {
      problem(400, 'upvest-api-version must be 1');
      return true;
    }
    if (isToken) {
      if (method !== 'POST') return false;
      this.requests.token++;
      this.issueToken(res, rawBody, problem);
      return true;
    }
    const token = this.bearer(headers.authorization);
    if (!token) {
      problem(401, 'The access token is missing, invalid or expired');
      return true;
    }
    if (isKeys) {
      if (method !== 'GET') return false;
      this.requests.verifyKeys++;
      this.send(res, 200, this.jwks, requestId);
      return true;
    }
    // users API calls in flight (the benchmarks read the most at once)
    this.requests.maxInFlight = Math.max(this.requests.maxInFlight, ++this.requests.inFlight);
    try {
      return await this.usersApi(res, method, p, rawBody, headers, token, requestId, problem);
    } finally {
      this.requests.inFlight--;
    }
  }

  private async usersApi(
    res: ServerResponse,
    method: string,
    p: string,
    rawBody: Buffer,
    headers: Record<string, string>,
    token: Token,
    requestId: string,
    problem: (status: number, detail: string, headers?: Record<string, string>, type?: string) => void,
  ): Promise<boolean> {
    let m: RegExpExecArray | null;
    const list = /^\/users\/([^/]+)\/checks\/?$/.exec(p);
    const one = (m = /^\/users\/([^/]+)\/checks\/([^/]+)$/.exec(p));
    if (!list && !one) return false;
    if (method === 'GET' && list) this.requests.list++;
    else if (method === 'GET' && one) this.requests.get++;
    else if (method === 'POST' && list) this.requests.create++;
    else return false;
    const needed = method === 'POST' ? ['checks:admin'] : ['checks:read', 'checks:admin'];
    if (!token.scopes.some((s) => needed.includes(s))) {
      problem(403, `The access token lacks the scope ${needed.join(' or ')}`);
      return true;
    }
    if (await this.applyFault(problem, headers)) return true;
    const userId = decodeURIComponent((list ?? one)![1]);
    if (!UUID.test(userId)) {
      problem(400, 'user_id must be a UUID');
      return true;
    }
    if (method === 'GET' && list) {
      this.send(res, 200, { data: [...this.checks.values()].filter((c) => c.user_id === userId) }, requestId);
      return true;
    }
    if (method === 'GET' && m) {
      const check = this.checks.get(decodeURIComponent(m[2]));
      if (!check || check.user_id !== userId) problem(404, 'The user check was not found');
      else this.send(res, 200, check, requestId);
      return true;
    }
    // Upvest: writes need an idempotency-key, a UUID (provider-specs/upvest.md, "Idempotency keys")
    const idem = headers['idempotency-key'];
    if (!idem) {
      problem(400, 'The idempotency-key header is required on writes', {}, 'missing_idempotency_key');
      return true;
    }
    if (!UUID.test(idem)) {
      problem(400, 'The idempotency-key header must be a UUID', {}, 'invalid_idempotency_key');
      return true;
    }
    let body: unknown;
    try {
      body = JSON.parse(rawBody.toString('utf8'));
    } catch {
      problem(400, 'The body is not valid JSON');
      return true;
    }
    const errors = validateCheckCreate(body);
    if (errors.length) {
      // names the fields and the rule, never the values (they are personal data)
      problem(400, errors.map((e) => `${e.field} ${e.message}`).join('; '));
      return true;
    }
    const idemKey = `${userId}:${idem.toLowerCase()}`;
    const existing = this.idempotency.get(idemKey);
    if (existing) {
      this.send(res, 202, { id: existing }, requestId);
      return true;
    }
    const id = randomUUID();
    const check = { ...(body as Record<string, unknown>), id, user_id: userId, status: 'IN_PROGRESS' } as UpvestCheck;
    this.checks.set(id, check);
    this.idempotency.set(idemKey, id);
    this.send(res, 202, { id }, requestId);
    void this.raise('USER_CHECK.CREATED', check);
    return true;
  }

  private issueToken(res: ServerResponse, rawBody: Buffer, problem: (status: number, detail: string) => void) {
    const form = new URLSearchParams(rawBody.toString('utf8'));
    if (form.get('grant_type') !== 'client_credentials') return problem(400, 'grant_type must be client_credentials');
    const id = form.get('client_id') ?? '';
    const secret = form.get('client_secret') ?? '';
    if (id !== this.options.clientId || !safeEqual(secret, this.options.clientSecret)) return problem(401, 'Invalid client credentials');
    const requested = (form.get('scope') ?? '').split(/\s+/).filter(Boolean);
    const allowed = this.options.allowedScopes ?? ['checks:read', 'checks:admin'];
    // a scope the client does not hold fails at token time with 401 (provider-specs/upvest.md)
    if (requested.some((s) => !allowed.includes(s))) return problem(401, 'The client is not allowed the requested scope');
    const ttl = this.options.tokenTtlSeconds ?? 3600;
    const token = randomBytes(24).toString('base64url');
    this.tokens.set(token, { scopes: requested.length ? requested : allowed, expiresAt: Date.now() + ttl * 1000 });
    sendJson(res, 200, { access_token: token, token_type: 'bearer', expires_in: ttl, scope: (requested.length ? requested : allowed).join(' ') });
  }

  private bearer(header: string | undefined): Token | null {
    const m = /^Bearer ([a-zA-Z0-9\-._~+/]+=*)$/.exec(header ?? '');
    const t = m ? this.tokens.get(m[1]) : undefined;
    if (!t) return null;
    if (t.expiresAt <= Date.now()) {
      this.tokens.delete(m![1]);
      return null;
    }
    return t;
  }

  private sweepNonces() {
    const now = Date.now();
    if (this.nonces.size < 1000) return;
    for (const [n, until] of this.nonces) if (until <= now) this.nonces.delete(n);
  }

  private problem(res: ServerResponse, status: number, detail: string, instance: string, requestId: string, headers: Record<string, string> = {}, type?: string) {
    const body: UpvestProblem = { type: type ?? SEED_TYPES[status] ?? 'about:blank', status, title: TITLES[status] ?? 'Error', detail, instance, request_id: requestId };
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/problem+json', 'content-length': Buffer.byteLength(text), 'upvest-request-id': requestId, ...headers });
    res.end(text);
  }

  private send(res: ServerResponse, status: number, body: unknown, requestId: string) {
    sendJson(res, status, body, { 'upvest-request-id': requestId });
  }

  private faultRoute(res: ServerResponse, method: string, rawBody: Buffer): boolean {
    if (method === 'DELETE') {
      this.faults.set(res, null);
      sendJson(res, 200, { fault: null });
      return true;
    }
    if (method !== 'POST') return false;
    const b = safeJson(rawBody) as Partial<Fault> | null;
    if (!b || (typeof b.status !== 'number' && typeof b.delayMs !== 'number')) {
      sendJson(res, 400, { message: 'give "status" (HTTP code to answer) and/or "delayMs"' });
      return true;
    }
    const fault = this.faults.set(res, { status: b.status ?? 0, times: b.times ?? Infinity, delayMs: b.delayMs ?? 0, retryAfter: b.retryAfter ?? null })!;
    sendJson(res, 200, { fault: { ...fault, times: Number.isFinite(fault.times) ? fault.times : null } });
    return true;
  }

  private async applyFault(problem: (status: number, detail: string, headers?: Record<string, string>) => void, headers: Record<string, string>): Promise<boolean> {
    const f = this.faults.get({ headers });
    if (!f || f.times <= 0) return false;
    f.times--;
    if (f.delayMs) await new Promise((r) => setTimeout(r, f.delayMs));
    if (!f.status) return false;
    problem(f.status, 'Simulated fault', f.retryAfter != null ? { 'retry-after': String(f.retryAfter) } : {});
    return true;
  }

  private async advanceRoute(res: ServerResponse, id: string, rawBody: Buffer) {
    const to = (safeJson(rawBody) as { to?: unknown } | undefined)?.to;
    if (typeof to !== 'string' || !(CHECK_STATUSES as readonly string[]).includes(to)) {
      sendJson(res, 400, { message: `"to" must be one of ${CHECK_STATUSES.join(', ')}` });
      return;
    }
    const check = this.checks.get(id);
    if (!check) {
      sendJson(res, 404, { message: 'No such check' });
      return;
    }
    const from = check.status ?? 'IN_PROGRESS';
    if (!canAdvance(from, to as CheckStatus)) {
      sendJson(res, 409, { message: `Cannot move a ${from} check to ${to}`, status: from });
      return;
    }
    const next = { ...check, status: to as CheckStatus } as UpvestCheck;
    this.checks.set(id, next);
    const raised = this.raise(to === 'PASSED' ? 'USER_CHECK.PASSED' : 'USER_CHECK.FAILED', next);
    // Upvest creates COMPLIANCE checks itself (they cannot be created through the API): the
    // sandbox screens the user once their KYC check passes, and the screening passes
    if (next.type === 'KYC' && to === 'PASSED') this.addComplianceCheck(next.user_id);
    const delivered = await raised;
    sendJson(res, delivered ? 200 : 202, { id, status: to, webhookDelivered: delivered });
  }

  /** A COMPLIANCE check for the user: created (USER_CHECK.CREATED), then passed (USER_CHECK.PASSED). */
  private addComplianceCheck(userId: string) {
    const created: UpvestCheck = { id: randomUUID(), user_id: userId, type: 'COMPLIANCE', check_confirmed_at: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'), status: 'IN_PROGRESS' };
    this.checks.set(created.id, created);
    void this.raise('USER_CHECK.CREATED', created);
    const passed: UpvestCheck = { ...created, status: 'PASSED' };
    this.checks.set(created.id, passed);
    void this.raise('USER_CHECK.PASSED', passed);
    this.requests.complianceCreated++;
  }

  /** Queues an event; resolves once its delivery was first attempted (true on a 200). */
  private raise(type: UpvestEventType, object: UpvestCheck): Promise<boolean> {
    return new Promise((delivered) => {
      const event: UpvestEvent = { id: randomUUID(), created_at: new Date().toISOString(), type, object: { ...object }, webhook_id: this.webhookId };
      this.queue.push({ event, delivered });
      this.schedule();
    });
  }

  /** True when no webhook is waiting or being delivered. */
  get idle(): boolean {
    return !this.flushTimer && !this.delivering && this.queue.length === 0;
  }

  /** Starts a delivery after the bundling delay unless one is pending or running (it picks new events up). */
  private schedule() {
    if (this.flushTimer || this.delivering || this.closed || !this.queue.length) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      this.delivering = this.deliverAll().finally(() => {
        this.delivering = null;
        this.schedule();
      });
    }, this.options.webhookDelayMs ?? 100);
  }

  /**
   * Delivers queued events in order, up to `maxBundle` per request, one request at a time: a
   * failing delivery blocks later ones, as Upvest documents. Retries back off 1, 2, 3, 5, 8 s
   * (Upvest: …up to 600 s, no limit); the sandbox gives up after 6 attempts.
   */
  private async deliverAll() {
    while (this.queue.length && !this.closed) {
      const batch = this.queue.splice(0, this.options.maxBundle ?? 10);
      const backoff = [1, 2, 3, 5, 8];
      let ok = await this.deliver(batch.map((p) => p.event));
      for (const p of batch) p.delivered(ok);
      for (let i = 0; !ok && i < backoff.length && !this.closed; i++) {
        await new Promise<void>((r) => {
          const wake = () => {
            clearTimeout(t);
            this.sleeps.delete(wake);
            r();
          };
          const t = setTimeout(wake, backoff[i] * 1000);
          this.sleeps.add(wake);
        });
        ok = await this.deliver(batch.map((p) => p.event));
      }
    }
  }

  /** Headers of a webhook request as Upvest signs it (v6 form, `digest` SHA-256, newest key). */
  signWebhook(body: string, path: string, opts: { created?: number } = {}): Record<string, string> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      digest: legacyDigest(body),
    };
    const msg: MessageParts = { method: 'POST', target: path, headers };
    const [key] = this.webhookKeys;
    return Object.assign(headers, signLegacyMessage(msg, ['@method', '@path', 'content-type', 'content-length', 'digest'], { key: key.privateKey, keyId: key.kid, created: opts.created }));
  }

  private async deliver(events: UpvestEvent[]): Promise<boolean> {
    // one event as itself; several as {"payload": [...]}, oldest first (README, "Upvest")
    const body = JSON.stringify(events.length === 1 ? events[0] : { payload: events });
    const target = new URL(this.options.webhookUrl());
    const headers = this.signWebhook(body, target.pathname + target.search);
    this.deliveries.push(events.length);
    try {
      const res = await fetch(target, { method: 'POST', headers, body, signal: AbortSignal.timeout(10_000) });
      await res.arrayBuffer();
      return res.status === 200;
    } catch {
      return false;
    }
  }

  /** The sandbox guard's view of a route (contract.ts). */
  sandboxAccess(method: string, path: string): SandboxAccess | null {
    if (path === '/auth/token' || path === '/auth/verify_keys' || path.startsWith('/users/')) return { kind: 'api' };
    return commonSandboxAccess(method, path);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.flushTimer) clearTimeout(this.flushTimer);
    for (const wake of [...this.sleeps]) wake();
    for (const p of this.queue) p.delivered(false);
    this.queue = [];
    await this.delivering?.catch(() => {});
  }
}

function flatten(headers: IncomingMessage['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function safeEqual(a: string, b: string) {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function safeJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return undefined;
  }
}
