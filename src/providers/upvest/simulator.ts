// A faithful local Upvest (user checks): the OAuth2 token endpoint, the three user-check
// endpoints with the seed's validation, the JWKS of its webhook keys, an HTTP message signature
// check on every request, the documented problem bodies, check processing driven by
// POST /{checkId}/advance, and signed (bundled) webhooks. Served under /sandbox/upvest (kit: src/sandbox).
import { generateKeyPairSync, type KeyObject, randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../../http/httpkit.js';
import { CHECK_STATUSES, type CheckStatus } from '../../domain/check.js';
import { retryAfterHeader } from '../../sandbox/faults.js';
import { flatHeaders, requestParts, secretEquals } from '../../sandbox/http.js';
import { SandboxKit } from '../../sandbox/kit.js';
import type { AdvanceRules } from '../../sandbox/lifecycle.js';
import { SessionStore } from '../../sandbox/sessions.js';
import { inFlight, requestCounts } from '../../sandbox/stats.js';
import { OrderedBatches } from '../../sandbox/webhooks.js';
import { routeAccess, type SandboxAccess } from '../../sandbox/access.js';
import type { Simulator } from '../contract.js';
import type { UpvestCheck, UpvestEvent, UpvestEventType } from './mapper.js';
import { type MessageParts, SIGNATURE_VERSION_HEADER, SignatureError, legacyDigest, signLegacyMessage, verifyMessage } from './signature.js';
import { complianceCheck, problemBody, validateCheckCreate } from './simulator-model.js';

export { validateCheckCreate };

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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Token {
  scopes: string[];
  expiresAt: number;
}

/** Lifecycle: IN_PROGRESS → PASSED | FAILED (final). */
export function canAdvance(from: CheckStatus, to: CheckStatus): boolean {
  return from === 'IN_PROGRESS' && to !== 'IN_PROGRESS';
}

export class UpvestSimulator implements Simulator {
  private readonly checks = new SessionStore<UpvestCheck>();
  private readonly tokens: SessionStore<Token>;
  private readonly idempotency = new SessionStore<string>();
  /** Nonces seen in the last 10 minutes: a signed request cannot be replayed. */
  private readonly nonces = new SessionStore<true>({ ttlMs: 10 * 60_000 });
  private readonly webhookKeys: { kid: string; privateKey: KeyObject; publicKey: KeyObject }[] = [];
  private readonly webhookId = randomUUID();
  /** Webhook attempts are made by the batches below (Upvest's schedule): the sender itself never retries. */
  private readonly kit = new SandboxKit({ webhookUrl: () => this.options.webhookUrl(), retry: { attempts: 1, delayMs: () => 0 }, delivered: (s) => s === 200 });
  /**
   * Events raised within `webhookDelayMs` go together, up to `maxBundle` per request, one request
   * at a time: a failing delivery blocks later ones, as Upvest documents. Retries back off 1, 2,
   * 3, 5, 8 s (Upvest: …up to 600 s, no limit); the sandbox gives up after 6 attempts.
   */
  private readonly batches: OrderedBatches<UpvestEvent>;
  /** Requests received per route; tests read them to count upstream calls. */
  readonly requests = requestCounts('token', 'list', 'get', 'create', 'verifyKeys', 'rejectedSignatures', 'complianceCreated');
  /** Webhook deliveries attempted and the number of events in each. */
  readonly deliveries: number[] = [];

  constructor(private readonly options: UpvestSimulatorOptions) {
    this.tokens = new SessionStore({ ttlMs: (options.tokenTtlSeconds ?? 3600) * 1000 });
    this.batches = new OrderedBatches({ delayMs: options.webhookDelayMs ?? 100, maxBatch: options.maxBundle ?? 10, backoffMs: [1000, 2000, 3000, 5000, 8000], deliver: (events) => this.deliver(events) });
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
      keys: this.webhookKeys.map(({ kid, publicKey }) => ({ ...publicKey.export({ format: 'jwk' }), kid })),
    };
  }

  async handle(req: IncomingMessage, res: ServerResponse, path: string, rawBody: Buffer): Promise<boolean> {
    const { url, p, method } = requestParts(req, path);
    const isToken = p === '/auth/token';
    const isKeys = p === '/auth/verify_keys';
    const isUsers = p.startsWith('/users/');
    if (!isToken && !isKeys && !isUsers) return this.kit.routes(res, p, method, rawBody, this.advance);

    const requestId = randomUUID();
    const problem = (status: number, detail: string, headers: Record<string, string> = {}, type?: string) => this.problem(res, status, detail, p, requestId, headers, type);
    const headers = flatHeaders(req.headers);

    // every request is signed, the token request included (without authorization)
    try {
      if (headers[SIGNATURE_VERSION_HEADER] !== '15') throw new SignatureError('upvest-signature-version must be 15');
      const required = ['@method', '@path', 'accept', 'upvest-client-id', ...(isToken ? [] : ['authorization']), ...(rawBody.length ? ['content-length', 'content-type', 'content-digest'] : []), ...(url.search ? ['@query'] : []), ...(headers['idempotency-key'] ? ['idempotency-key'] : [])];
      const parsed = await verifyMessage({ method, target: path, headers }, rawBody, { keyFor: (id) => this.options.clientKeys.get(id) ?? null, required });
      if (String(rawBody.length) !== headers['content-length'] && rawBody.length) throw new SignatureError('content-length does not match the body');
      if (!parsed.nonce) throw new SignatureError('nonce is missing');
      if (this.nonces.has(parsed.nonce)) throw new SignatureError('nonce was already used');
      this.nonces.set(parsed.nonce, true);
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
    return inFlight(this.requests, () => this.usersApi(res, method, p, rawBody, headers, token, requestId, problem));
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
    const fault = await this.kit.faults.take({ headers });
    if (fault) {
      problem(fault.status, 'Simulated fault', retryAfterHeader(fault));
      return true;
    }
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
    if (id !== this.options.clientId || !secretEquals(secret, this.options.clientSecret)) return problem(401, 'Invalid client credentials');
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

  private problem(res: ServerResponse, status: number, detail: string, instance: string, requestId: string, headers: Record<string, string> = {}, type?: string) {
    const text = JSON.stringify(problemBody(status, detail, instance, requestId, type));
    res.writeHead(status, { 'content-type': 'application/problem+json', 'content-length': Buffer.byteLength(text), 'upvest-request-id': requestId, ...headers });
    res.end(text);
  }

  private send(res: ServerResponse, status: number, body: unknown, requestId: string) {
    sendJson(res, status, body, { 'upvest-request-id': requestId });
  }

  /** POST /{checkId}/advance: Upvest finishing the check (PASSED or FAILED). */
  private readonly advance: AdvanceRules<CheckStatus, UpvestCheck> = {
    statuses: CHECK_STATUSES,
    noun: 'check',
    session: (id) => this.checks.get(id),
    move: async (check, to) => {
      const from = check.status ?? 'IN_PROGRESS';
      if (!canAdvance(from, to)) return { conflict: from };
      const next = { ...check, status: to } as UpvestCheck;
      this.checks.set(check.id, next);
      const raised = this.raise(to === 'PASSED' ? 'USER_CHECK.PASSED' : 'USER_CHECK.FAILED', next);
      if (next.type === 'KYC' && to === 'PASSED') this.addComplianceCheck(next.user_id);
      return { delivered: await raised };
    },
    answer: (check) => ({ id: check.id, status: check.status }),
  };

  /** A COMPLIANCE check for the user: created (USER_CHECK.CREATED), then passed (USER_CHECK.PASSED). */
  private addComplianceCheck(userId: string) {
    for (const [check, type] of complianceCheck(userId).map((c, i) => [c, i ? 'USER_CHECK.PASSED' : 'USER_CHECK.CREATED'] as const)) {
      this.checks.set(check.id, check);
      void this.raise(type, check);
    }
    this.requests.complianceCreated++;
  }

  /** Queues an event; resolves once its delivery was first attempted (true on a 200). */
  private raise(type: UpvestEventType, object: UpvestCheck): Promise<boolean> {
    return this.batches.push({ id: randomUUID(), created_at: new Date().toISOString(), type, object: { ...object }, webhook_id: this.webhookId });
  }

  /** True when no webhook is waiting or being delivered. */
  get idle(): boolean {
    return this.batches.idle;
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

  /** One request: one event as itself; several as {"payload": [...]}, oldest first (README, "Upvest"). */
  private deliver(events: UpvestEvent[]): Promise<boolean> {
    const body = JSON.stringify(events.length === 1 ? events[0] : { payload: events });
    const target = new URL(this.options.webhookUrl());
    this.deliveries.push(events.length);
    return this.kit.webhooks.attempt(body, this.signWebhook(body, target.pathname + target.search));
  }

  /** The sandbox guard's view of a route (contract.ts). */
  sandboxAccess(method: string, path: string): SandboxAccess | null {
    return routeAccess(method, path, path === '/auth/token' || path === '/auth/verify_keys' || path.startsWith('/users/'));
  }

  async close(): Promise<void> {
    await Promise.all([this.batches.close(), this.kit.close()]);
  }
}
