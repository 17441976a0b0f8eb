// Uphold KYC Connector REST client: OAuth2 client credentials (token cached until shortly
// before it expires, fetched again once on a 401, never logged), `X-On-Behalf-Of: user {id}`,
// a deadline on every call, provider errors → our codes.
import { providerRejected, providerUnavailable, rateLimited } from '../../errors.js';
import { callProvider, type ProviderResponse, retryAfterSeconds } from '../http.js';
import { ProviderResilience } from '../resilience.js';
import { parseAnswer } from '../parse.js';
import {
  type UpholdIngestion,
  UpholdIngestionEnvelopeSchema,
  type UpholdIngestionList,
  UpholdIngestionListSchema,
  type UpholdKycOverview,
  UpholdKycOverviewSchema,
  type UpholdSource,
  type UpholdSumsubCreateRequest,
  UpholdTokenResponseSchema,
  type UpholdVeriffCreateRequest,
} from './mapper.js';

const PROVIDER = 'UPHOLD';
export const LIVE_BASE_URL = 'https://api.enterprise.uphold.com';
export const TOKEN_PATH = '/core/oauth2/token';

export interface UpholdClientOptions {
  /** The app's retry policy and circuit breakers (createApp's); default: this client's own. */
  resilience?: ProviderResilience;
  /** e.g. https://api.enterprise.uphold.com ; a function because the sandbox port is known only after listen. */
  baseUrl: () => string;
  clientId: string;
  clientSecret: string;
  /** Space-separated scopes requested with every token. */
  scope: string;
  timeoutMs: number;
  /**
   * The user of a single-user client (UPHOLD_USER_ID): its token is that user's, so no
   * `X-On-Behalf-Of` is sent. null: an organisation-wide client names the user on every call.
   */
  singleUserId?: string | null;
}

export interface UpholdListQuery {
  perPage?: number;
  cursor?: string;
}

interface CachedToken {
  value: string;
  /** Refetch from this moment on (expiry minus a safety margin). */
  refreshAt: number;
}

export class UpholdClient {
  private readonly resilience: ProviderResilience;
  private token: CachedToken | null = null;
  private pending: Promise<string> | null = null;
  /** Tokens fetched so far; tests read it. */
  tokensFetched = 0;

  constructor(private readonly options: UpholdClientOptions) {
    this.resilience = options.resilience ?? new ProviderResilience();
  }

  /** A valid access token: the cached one, or one fetched (concurrent callers share the fetch). */
  private async accessToken(): Promise<string> {
    if (this.token && Date.now() < this.token.refreshAt) return this.token.value;
    this.pending ??= this.fetchToken().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  private async fetchToken(): Promise<string> {
    const basic = Buffer.from(`${this.options.clientId}:${this.options.clientSecret}`, 'utf8').toString('base64');
    const res = await callProvider({
      provider: PROVIDER,
      resilience: this.resilience,
      method: 'POST',
      url: this.options.baseUrl() + TOKEN_PATH,
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: this.options.scope }).toString(),
      timeoutMs: this.options.timeoutMs,
    });
    if (res.status < 200 || res.status >= 300) throw toError(res);
    const body = parseAnswer(PROVIDER, 'token response', UpholdTokenResponseSchema, res.json());
    const ttlMs = body.expires_in * 1000;
    // refresh a little early: 10 % of the lifetime, at most a minute
    this.token = { value: body.access_token, refreshAt: Date.now() + ttlMs - Math.min(60_000, ttlMs / 10) };
    this.tokensFetched++;
    return body.access_token;
  }

  private async call(method: 'GET' | 'POST', path: string, userId: string | null, body?: unknown): Promise<ProviderResponse> {
    for (let attempt = 0; ; attempt++) {
      const token = await this.accessToken();
      const res = await callProvider({
        provider: PROVIDER,
        resilience: this.resilience,
        method,
        url: this.options.baseUrl() + path,
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json',
          // provider-specs/uphold.md: only an organisation-wide client acts on behalf of a user
          ...(userId && !this.options.singleUserId ? { 'x-on-behalf-of': `user ${userId}` } : {}),
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        body: body !== undefined ? JSON.stringify(body) : undefined,
        timeoutMs: this.options.timeoutMs,
      });
      if (res.status >= 200 && res.status < 300) return res;
      // a token revoked or expired early: drop it and try once more with a fresh one
      if (res.status === 401 && attempt === 0) {
        if (this.token?.value === token) this.token = null;
        continue;
      }
      throw toError(res);
    }
  }

  async createSumsubIngestion(userId: string, body: UpholdSumsubCreateRequest): Promise<UpholdIngestion> {
    const answer = (await this.call('POST', '/kyc-connector/sumsub/ingestions', userId, body)).json();
    return parseAnswer(PROVIDER, 'create Sumsub ingestion response', UpholdIngestionEnvelopeSchema, answer).ingestion;
  }

  async createVeriffIngestion(userId: string, body: UpholdVeriffCreateRequest): Promise<UpholdIngestion> {
    const answer = (await this.call('POST', '/kyc-connector/veriff/ingestions', userId, body)).json();
    return parseAnswer(PROVIDER, 'create Veriff ingestion response', UpholdIngestionEnvelopeSchema, answer).ingestion;
  }

  /** null when Uphold answers 404. */
  async getIngestion(source: UpholdSource, userId: string | null, id: string): Promise<UpholdIngestion | null> {
    let answer: unknown;
    try {
      answer = (await this.call('GET', `/kyc-connector/${source}/ingestions/${encodeURIComponent(id)}`, userId)).json();
    } catch (err) {
      if ((err as { extensions?: { httpStatus?: number } }).extensions?.httpStatus === 404) return null;
      throw err;
    }
    return parseAnswer(PROVIDER, 'get ingestion response', UpholdIngestionEnvelopeSchema, answer).ingestion;
  }

  async listIngestions(source: UpholdSource, userId: string, q: UpholdListQuery = {}): Promise<UpholdIngestionList> {
    const params = new URLSearchParams();
    if (q.perPage !== undefined) params.set('perPage', String(q.perPage));
    if (q.cursor) params.set('cursor', q.cursor);
    const qs = params.toString();
    const answer = (await this.call('GET', `/kyc-connector/${source}/ingestions${qs ? `?${qs}` : ''}`, userId)).json();
    return parseAnswer(PROVIDER, 'list ingestions response', UpholdIngestionListSchema, answer);
  }

  /** GET /core/kyc acting as the user. */
  async getKycOverview(userId: string): Promise<UpholdKycOverview> {
    return parseAnswer(PROVIDER, 'KYC overview response', UpholdKycOverviewSchema, (await this.call('GET', '/core/kyc', userId)).json());
  }
}

function toError(res: ProviderResponse) {
  if (res.status === 429) return rateLimited(PROVIDER, retryAfterSeconds(res.headers.get('retry-after')));
  if (res.status >= 500) return providerUnavailable(PROVIDER, `answered ${res.status}`, res.status);
  let body: { code?: unknown; message?: unknown; error?: unknown; errors?: unknown } = {};
  try {
    body = JSON.parse(res.text);
  } catch {
    // non-JSON error body: keep the status only
  }
  // `error` is the OAuth2 token endpoint's field (RFC 6749 §5.2); `code` the API's
  const type = typeof body.code === 'string' ? body.code : typeof body.error === 'string' ? body.error : null;
  const message = typeof body.message === 'string' ? body.message : `HTTP ${res.status}`;
  // field errors are kept by name only; their messages may echo personal data
  const fields = body.errors && typeof body.errors === 'object' ? Object.keys(body.errors) : undefined;
  return providerRejected(PROVIDER, res.status, type, message, fields ? { fields } : {});
}
