// pawaPass REST client: Bearer auth, a deadline on every call, provider errors → our codes.
import { providerRejected, providerUnavailable, rateLimited } from '../../errors.js';
import { callProvider, type ProviderResponse, retryAfterSeconds } from '../http.js';
import { ProviderResilience } from '../resilience.js';
import { parseAnswer } from '../parse.js';
import {
  type PawaPassCreateRequest,
  type PawaPassError,
  type PawaPassList,
  PawaPassListSchema,
  type PawaPassVerification,
  PawaPassVerificationSchema,
} from './mapper.js';

const PROVIDER = 'PAWAPASS';
export const LIVE_BASE_URL = 'https://api.pawapass.com/v2';

export interface PawaPassClientOptions {
  /** The app's retry policy and circuit breakers (createApp's); default: this client's own. */
  resilience?: ProviderResilience;
  /** e.g. https://api.pawapass.com/v2 ; a function because the sandbox port is known only after listen. */
  baseUrl: () => string;
  apiKey: string;
  timeoutMs: number;
}

export interface PawaPassListQuery {
  page?: number;
  limit?: number;
  id?: string;
  externalId?: string;
  statuses?: string[];
}

export class PawaPassClient {
  private readonly resilience: ProviderResilience;
  constructor(private readonly options: PawaPassClientOptions) {
    this.resilience = options.resilience ?? new ProviderResilience();
  }

  private async call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<ProviderResponse> {
    const res = await callProvider({
      provider: PROVIDER,
      resilience: this.resilience,
      method,
      url: this.options.baseUrl() + path,
      headers: {
        authorization: `Bearer ${this.options.apiKey}`,
        accept: 'application/json',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
      timeoutMs: this.options.timeoutMs,
    });
    if (res.status >= 200 && res.status < 300) return res;
    throw toError(res);
  }

  async createVerification(body: PawaPassCreateRequest): Promise<PawaPassVerification> {
    return parseAnswer(PROVIDER, 'create verification response', PawaPassVerificationSchema, (await this.call('POST', '/verifications/', body)).json());
  }

  /** null when pawaPass answers 404. */
  async getVerification(id: string): Promise<PawaPassVerification | null> {
    let answer: unknown;
    try {
      answer = (await this.call('GET', `/verifications/${encodeURIComponent(id)}`)).json();
    } catch (err) {
      if ((err as { extensions?: { httpStatus?: number } }).extensions?.httpStatus === 404) return null;
      throw err;
    }
    return parseAnswer(PROVIDER, 'get verification response', PawaPassVerificationSchema, answer);
  }

  async listVerifications(q: PawaPassListQuery = {}): Promise<PawaPassList> {
    const params = new URLSearchParams();
    if (q.page !== undefined) params.set('page', String(q.page));
    if (q.limit !== undefined) params.set('limit', String(q.limit));
    if (q.id) params.set('id', q.id);
    if (q.externalId) params.set('externalId', q.externalId);
    for (const s of q.statuses ?? []) params.append('statuses', s);
    const qs = params.toString();
    return parseAnswer(PROVIDER, 'list verifications response', PawaPassListSchema, (await this.call('GET', `/verifications${qs ? `?${qs}` : ''}`)).json());
  }
}

function toError(res: ProviderResponse) {
  if (res.status === 429) return rateLimited(PROVIDER, retryAfterSeconds(res.headers.get('retry-after')));
  if (res.status >= 500) return providerUnavailable(PROVIDER, `answered ${res.status}`, res.status);
  let body: Partial<PawaPassError> = {};
  try {
    body = JSON.parse(res.text) as PawaPassError;
  } catch {
    // non-JSON error body: keep the status only
  }
  // field errors are kept by name only; their messages may echo personal data
  const fields = Array.isArray(body.errors) ? body.errors.map((e) => e.field).filter(Boolean) : undefined;
  return providerRejected(PROVIDER, res.status, body.code ?? null, body.message ?? `HTTP ${res.status}`, fields ? { fields } : {});
}
