// Upvest REST client: OAuth2 client credentials (token cached per scope until shortly before it
// expires, fetched again once on a 401), the common headers, an HTTP message signature on every
// request, and problem bodies → our error codes with Upvest's request id kept.
import { type KeyObject, randomUUID } from 'node:crypto';
import { providerRejected, providerUnavailable, rateLimited } from '../../errors.js';
import { callProvider, type ProviderResponse, retryAfterSeconds } from '../http.js';
import { ProviderResilience } from '../resilience.js';
import type { UpvestCheck, UpvestCheckCreate, UpvestCheckList, UpvestCreated, UpvestJwks, UpvestProblem, UpvestToken } from './mapper.js';
import { contentDigest, signMessage } from './signature.js';

const PROVIDER = 'UPVEST';
export const API_VERSION = '1';
export const SCOPE_READ = 'checks:read';
export const SCOPE_ADMIN = 'checks:admin';
/** A token is renewed this long before it expires (at most half its lifetime). */
export const TOKEN_RENEW_MARGIN_MS = 30_000;

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
    Object.assign(all, signMessage({ method, target, headers: all }, { key: this.options.signingKey, keyId: this.options.signingKeyId }));
    return callProvider({ provider: PROVIDER, resilience: this.resilience, method, url: this.options.baseUrl() + target, headers: all, body, timeoutMs: this.options.timeoutMs });
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
    const t = res.json() as Partial<UpvestToken>;
    if (typeof t.access_token !== 'string' || !t.access_token) throw providerUnavailable(PROVIDER, 'token answer has no access_token', res.status);
    const ttlMs = (typeof t.expires_in === 'number' && t.expires_in > 0 ? t.expires_in : 300) * 1000;
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

  async listChecks(userId: string): Promise<UpvestCheck[]> {
    const res = await this.request('GET', `/users/${encodeURIComponent(userId)}/checks`, { scope: SCOPE_READ });
    const list = res!.json() as Partial<UpvestCheckList>;
    if (!Array.isArray(list.data)) throw providerUnavailable(PROVIDER, 'list answer has no data array', res!.status);
    return list.data;
  }

  /** null when Upvest answers 404. */
  async getCheck(userId: string, checkId: string): Promise<UpvestCheck | null> {
    const res = await this.request('GET', `/users/${encodeURIComponent(userId)}/checks/${encodeURIComponent(checkId)}`, { scope: SCOPE_READ, nullOn404: true });
    return res ? (res.json() as UpvestCheck) : null;
  }

  /** Creates a check; Upvest answers only its id. The idempotency key makes a retry safe. */
  async createCheck(userId: string, body: UpvestCheckCreate, idempotencyKey: string = randomUUID()): Promise<UpvestCreated> {
    const res = await this.request('POST', `/users/${encodeURIComponent(userId)}/checks`, { scope: SCOPE_ADMIN, body, idempotencyKey });
    const created = res!.json() as Partial<UpvestCreated>;
    if (typeof created.id !== 'string') throw providerUnavailable(PROVIDER, 'create answer has no id', res!.status);
    return { id: created.id };
  }

  /** The keys Upvest signs webhooks with (JWKS). */
  async verifyKeys(): Promise<UpvestJwks> {
    const res = await this.request('GET', '/auth/verify_keys', { scope: SCOPE_READ });
    const jwks = res!.json() as Partial<UpvestJwks>;
    if (!Array.isArray(jwks.keys)) throw providerUnavailable(PROVIDER, 'verify_keys answer has no keys', res!.status);
    return { keys: jwks.keys };
  }
}

/** Problem body → our codes; Upvest's request id is kept as `requestId`, its `type` as providerErrorType. */
function toError(res: ProviderResponse) {
  let body: Partial<UpvestProblem> = {};
  try {
    body = JSON.parse(res.text) as UpvestProblem;
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
