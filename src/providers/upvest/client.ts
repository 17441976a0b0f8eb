// Upvest REST client: OAuth2 client credentials (token cached per scope until shortly before it
// expires, fetched again once on a 401), the common headers, an HTTP message signature on every
// request, and problem bodies → our error codes with Upvest's request id kept.
import { createHash, type KeyObject, randomUUID } from 'node:crypto';
import { providerRejected, providerUnavailable, rateLimited } from '../../errors.js';
import { callProvider, type ProviderResponse, retryAfterSeconds } from '../http.js';
import { parseAnswer } from '../parse.js';
import { ProviderResilience } from '../resilience.js';
import {
  type UpvestCheck,
  type UpvestCheckCreate,
  upvestCheckListSchema,
  upvestCheckSchema,
  type UpvestCreated,
  upvestCreatedSchema,
  type UpvestJwks,
  upvestJwksSchema,
  upvestProblemSchema,
  upvestTokenSchema,
} from './mapper.js';
import { contentDigest, signMessage } from './signature.js';
import type { UpvestProblem } from './mapper.js';

const PROVIDER = 'UPVEST';
const KNOWN_TYPES: ReadonlySet<string> = new Set(['KYC', 'POR', 'INSTRUMENT_FIT', 'COMPLIANCE']);
export const API_VERSION = '1';
export const SCOPE_READ = 'checks:read';
export const SCOPE_ADMIN = 'checks:admin';
/** A token is renewed this long before it expires (at most half its lifetime). */
export const TOKEN_RENEW_MARGIN_MS = 30_000;

/** Namespace of kyc-graph's name-based idempotency keys (a fixed random UUID; never change it). */
export const IDEMPOTENCY_NAMESPACE = '6f1c2a7e-3b5d-4e8f-9a0b-c1d2e3f4a5b6';

/**
 * The idempotency-key Upvest gets for a client's own key: a name-based UUID (RFC 4122 version 5,
 * SHA-1) of tenant, operation and key, so the same request always sends the same UUID and two
 * tenants or operations never share one. Upvest asks for a UUID (provider-specs/upvest.md).
 */
export function idempotencyUuid(tenant: string, operation: string, key: string): string {
  const ns = Buffer.from(IDEMPOTENCY_NAMESPACE.replace(/-/g, ''), 'hex');
  const h = createHash('sha1').update(ns).update(JSON.stringify([tenant, operation, key]), 'utf8').digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

export interface UpvestClientOptions {
  /** The app's retry policy and circuit breakers (createApp's); default: this client's own. */
  resilience?: ProviderResilience;
  /** e.g. https://sandbox.upvest.co ; a function because the sandbox port is known only after listen. */
  baseUrl: () => string;
  clientId: string;
  clientSecret: string;
  signingKey: KeyObject;
  signingKeyId: string;
  timeoutMs: number;
}

interface CachedToken {
  value: string;
  renewAt: number;
}

interface RequestOptions {
  scope: string;
  body?: unknown;
  idempotencyKey?: string;
  /** Answer null instead of throwing on 404. */
  nullOn404?: boolean;
}

export class UpvestClient {
  private readonly resilience: ProviderResilience;
  private readonly tokens = new Map<string, Promise<CachedToken>>();

  constructor(private readonly options: UpvestClientOptions) {
    this.resilience = options.resilience ?? new ProviderResilience();
  }

  /** Sends one signed request with the common headers; `authorization` when given. */
  private async send(method: 'GET' | 'POST', target: string, headers: Record<string, string>, body?: string): Promise<ProviderResponse> {
    const all: Record<string, string> = {
      accept: 'application/json',
      'upvest-client-id': this.options.clientId,
      'upvest-api-version': API_VERSION,
      ...headers,
    };
    if (body !== undefined) {
      all['content-length'] = String(Buffer.byteLength(body));
      all['content-digest'] = contentDigest(body);
    }
    // signed afresh for every attempt: a retry seconds later must not carry an expired (5 s) signature
    const signed = () => ({ ...all, ...signMessage({ method, target, headers: all }, { key: this.options.signingKey, keyId: this.options.signingKeyId }) });
    // a POST with Upvest's idempotency-key creates nothing twice, so it may be retried like a GET
    const idempotent = method === 'POST' && typeof all['idempotency-key'] === 'string';
    return callProvider({ provider: PROVIDER, resilience: this.resilience, method, url: this.options.baseUrl() + target, headers: signed, body, timeoutMs: this.options.timeoutMs, idempotent });
  }

  /** A bearer token for `scope`, from the cache while it is fresh. Concurrent callers share one fetch. */
  private async token(scope: string): Promise<string> {
    const cached = this.tokens.get(scope);
    if (cached) {
      try {
        const t = await cached;
        if (Date.now() < t.renewAt) return t.value;
      } catch {
        // a failed fetch is not cached; fetch again below
      }
      if (this.tokens.get(scope) !== cached) return this.token(scope);
    }
    const fetching = this.fetchToken(scope);
    this.tokens.set(scope, fetching);
    fetching.catch(() => {
      if (this.tokens.get(scope) === fetching) this.tokens.delete(scope);
    });
    return (await fetching).value;
  }

  private async fetchToken(scope: string): Promise<CachedToken> {
    const form = new URLSearchParams({
      client_id: this.options.clientId,
      client_secret: this.options.clientSecret,
      grant_type: 'client_credentials',
      scope,
    }).toString();
    const res = await this.send('POST', '/auth/token', { 'content-type': 'application/x-www-form-urlencoded' }, form);
    if (res.status < 200 || res.status >= 300) throw toError(res);
    const t = parseAnswer(PROVIDER, 'POST /auth/token', upvestTokenSchema, res.json());
    const ttlMs = (t.expires_in ?? 300) * 1000;
    return { value: t.access_token, renewAt: Date.now() + ttlMs - Math.min(TOKEN_RENEW_MARGIN_MS, ttlMs / 2) };
  }

  /** Forgets the cached tokens (e.g. after credentials were rotated). */
  forgetTokens() {
    this.tokens.clear();
  }

  private async request(method: 'GET' | 'POST', target: string, opts: RequestOptions): Promise<ProviderResponse | null> {
    const body = opts.body !== undefined ? JSON.stringify(opts.body) : undefined;
    const headers = (token: string): Record<string, string> => ({
      authorization: `Bearer ${token}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(opts.idempotencyKey ? { 'idempotency-key': opts.idempotencyKey } : {}),
    });
    const first = await this.token(opts.scope);
    let res = await this.send(method, target, headers(first), body);
    if (res.status === 401) {
      // expired or revoked token: fetch a new one once and retry once
      const cached = this.tokens.get(opts.scope);
      if (cached && (await cached.catch(() => null))?.value === first) this.tokens.delete(opts.scope);
      res = await this.send(method, target, headers(await this.token(opts.scope)), body);
    }
    if (res.status >= 200 && res.status < 300) return res;
    if (res.status === 404 && opts.nullOn404) return null;
    throw toError(res);
  }

  /** A user's checks; an entry of a type the seed does not list is left out (Upvest may add types). */
  async listChecks(userId: string): Promise<UpvestCheck[]> {
    const res = await this.request('GET', `/users/${encodeURIComponent(userId)}/checks`, { scope: SCOPE_READ });
    const list = parseAnswer(PROVIDER, 'GET /users/{user_id}/checks', upvestCheckListSchema, res!.json());
    return list.data.flatMap((entry, i) =>
      KNOWN_TYPES.has(entry.type) ? [parseAnswer(PROVIDER, `GET /users/{user_id}/checks data.${i}`, upvestCheckSchema, entry)] : [],
    );
  }

  /** null when Upvest answers 404. */
  async getCheck(userId: string, checkId: string): Promise<UpvestCheck | null> {
    const res = await this.request('GET', `/users/${encodeURIComponent(userId)}/checks/${encodeURIComponent(checkId)}`, { scope: SCOPE_READ, nullOn404: true });
    return res ? parseAnswer(PROVIDER, 'GET /users/{user_id}/checks/{check_id}', upvestCheckSchema, res.json()) : null;
  }

  /** Creates a check; Upvest answers only its id. The idempotency key makes a retry safe. */
  async createCheck(userId: string, body: UpvestCheckCreate, idempotencyKey: string = randomUUID()): Promise<UpvestCreated> {
    const res = await this.request('POST', `/users/${encodeURIComponent(userId)}/checks`, { scope: SCOPE_ADMIN, body, idempotencyKey });
    return parseAnswer(PROVIDER, 'POST /users/{user_id}/checks', upvestCreatedSchema, res!.json());
  }

  /** The keys Upvest signs webhooks with (JWKS). */
  async verifyKeys(): Promise<UpvestJwks> {
    const res = await this.request('GET', '/auth/verify_keys', { scope: SCOPE_READ });
    return parseAnswer(PROVIDER, 'GET /auth/verify_keys', upvestJwksSchema, res!.json());
  }
}

/** Problem body → our codes; Upvest's request id is kept as `requestId`, its `type` as providerErrorType. */
function toError(res: ProviderResponse) {
  let body: UpvestProblem = {};
  try {
    // an error body that is not a problem document still fails by its status
    const parsed = upvestProblemSchema.safeParse(JSON.parse(res.text));
    if (parsed.success) body = parsed.data;
  } catch {
    // non-JSON error body: keep the status only
  }
  const requestId = body.request_id ?? res.headers.get('upvest-request-id') ?? null;
  const extra = { requestId };
  if (res.status === 429) return rateLimited(PROVIDER, retryAfterSeconds(res.headers.get('retry-after')), extra);
  if (res.status >= 500) return providerUnavailable(PROVIDER, `answered ${res.status}${body.title ? ` (${body.title})` : ''}`, res.status, extra);
  // `detail` names fields only (the simulator and Upvest's own text); it never echoes values
  return providerRejected(PROVIDER, res.status, body.type ?? null, body.detail ?? body.title ?? `HTTP ${res.status}`, extra);
}
