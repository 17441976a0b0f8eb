// UpPass REST client: Bearer api_token, a deadline on every call, every documented error type
// (seed "errors" tables) → our codes.
import { ErrorCode, KycError, providerRejected, providerUnavailable, rateLimited } from '../../errors.js';
import { callProvider, type ProviderResponse, retryAfterSeconds } from '../http.js';
import { ProviderResilience } from '../resilience.js';
import { parseAnswer } from '../parse.js';
import {
  type UpPassAppliedFormInfo,
  UpPassAppliedFormInfoSchema,
  type UpPassCreateFormRequest,
  type UpPassCreateFormResponse,
  UpPassCreateFormResponseSchema,
  type UpPassError,
  UPPASS_ERROR_TYPES,
  type UpPassResendResponse,
  UpPassResendResponseSchema,
} from './mapper.js';

const PROVIDER = 'UPPASS';
/** provider-specs/uppass.md: the integrations seen call app.uppass.io (the seed says {UPPASS_HOSTNAME}). */
export const LIVE_BASE_URL = 'https://app.uppass.io';

export interface UpPassClientOptions {
  /** The app's retry policy and circuit breakers (createApp's); default: this client's own. */
  resilience?: ProviderResilience;
  /** e.g. https://app.uppass.io ; a function because the sandbox port is known only after listen. */
  baseUrl: () => string;
  /** The workspace API token (UpPass portal → Workspace → API Token). */
  apiToken: string;
  timeoutMs: number;
}

/** Last path segment of the resend-webhook call: our guess, not documented by UpPass (see `resendWebhook`). */
export const RESEND_WEBHOOK_SEGMENT = 'resend-webhook';

/** Path of one applied form below `/{lang}/api/forms/{form_slug}`. */
const formPath = (lang: string, formSlug: string) => `/${encodeURIComponent(lang)}/api/forms/${encodeURIComponent(formSlug)}`;

export class UpPassClient {
  private readonly resilience: ProviderResilience;
  constructor(private readonly options: UpPassClientOptions) {
    this.resilience = options.resilience ?? new ProviderResilience();
  }

  private async call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<ProviderResponse> {
    const res = await callProvider({
      provider: PROVIDER,
      resilience: this.resilience,
      method,
      url: this.options.baseUrl() + path,
      headers: {
        authorization: `Bearer ${this.options.apiToken}`,
        accept: 'application/json',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
      timeoutMs: this.options.timeoutMs,
    });
    if (res.status >= 200 && res.status < 300) return res;
    throw toError(res);
  }

  /** Create Form: POST /{lang}/api/forms/{form_slug}/create/ → form_url and the new slug. */
  async createForm(lang: string, formSlug: string, body: UpPassCreateFormRequest): Promise<UpPassCreateFormResponse> {
    return parseAnswer(PROVIDER, 'Create Form response', UpPassCreateFormResponseSchema, (await this.call('POST', `${formPath(lang, formSlug)}/create/`, body)).json());
  }

  /** Applied-form info: GET the `info` URL of the create response (method not documented; GET). */
  async appliedFormInfo(lang: string, formSlug: string, slug: string): Promise<UpPassAppliedFormInfo> {
    const answer = (await this.call('GET', `${formPath(lang, formSlug)}/applied-forms/${encodeURIComponent(slug)}/info/`)).json();
    return parseAnswer(PROVIDER, 'applied-form info response', UpPassAppliedFormInfoSchema, answer);
  }

  /**
   * Resend webhook. UNVERIFIED PATH: the seed (uppass-api.txt l.244-248) documents this call's
   * parameters (`lang`, `form_slug`, `slug`, bearer token) and its answer (l.249-261) but not
   * its method or path, and no public material shows them (provider-specs/uppass.md). POST
   * `RESEND_WEBHOOK_PATH` is our guess, served by the simulator; confirm it with UpPass before
   * relying on it live (README, UpPass).
   */
  async resendWebhook(lang: string, formSlug: string, slug: string): Promise<UpPassResendResponse> {
    const answer = (await this.call('POST', `${formPath(lang, formSlug)}/applied-forms/${encodeURIComponent(slug)}/${RESEND_WEBHOOK_SEGMENT}/`)).json();
    return parseAnswer(PROVIDER, 'resend webhook response', UpPassResendResponseSchema, answer);
  }
}

/** UpPass field names → our input paths (`answers.customer_id` → `input.answers.customer_id`). */
const INPUT_FIELDS: Record<string, string> = { form_slug: 'formSlug', lang: 'lang', answers: 'answers', input: '' };

/** Flattens a DRF field-error map (`{"answers": {"x": ["…"]}}`) into dotted field names. */
function fieldNames(detail: unknown, prefix = ''): string[] {
  if (!detail || typeof detail !== 'object' || Array.isArray(detail)) return prefix ? [prefix] : [];
  return Object.entries(detail as Record<string, unknown>).flatMap(([k, v]) => {
    if (prefix === '' && (k === 'type' || k === 'detail')) return [];
    const name = prefix ? `${prefix}.${k}` : k;
    return Array.isArray(v) || typeof v !== 'object' || v === null ? [name] : fieldNames(v, name);
  });
}

function inputPath(field: string): string {
  const [head, ...rest] = field.split('.');
  const mapped = INPUT_FIELDS[head] ?? head;
  return ['input', mapped, ...rest].filter(Boolean).join('.');
}

export function toError(res: ProviderResponse) {
  let body: UpPassError & Record<string, unknown> = {};
  try {
    const parsed = JSON.parse(res.text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) body = parsed;
  } catch {
    // non-JSON error body (a proxy's 431, an HTML 500): the status decides
  }
  const type =
    typeof body.type === 'string' && body.type
      ? body.type
      : res.status === 401 && typeof body.detail === 'string' && /not provided/i.test(body.detail)
        ? 'NotAuthenticated'
        : (UPPASS_ERROR_TYPES[res.status] ?? null);
  if (res.status === 429) return rateLimited(PROVIDER, retryAfterSeconds(res.headers.get('retry-after')));
  if (res.status >= 500) return providerUnavailable(PROVIDER, `answered ${res.status}${type ? ` ${type}` : ''}`, res.status);
  if (res.status === 422) {
    // DRF puts the field map in `detail` (or, without a wrapper, is the field map itself).
    // Messages are not echoed: they may repeat what the end user typed.
    const fields = fieldNames(typeof body.detail === 'object' ? body.detail : body);
    if (fields.length) {
      const field = inputPath(fields[0]);
      const providerErrorType = type ?? 'ValidationError';
      return new KycError(ErrorCode.BAD_USER_INPUT, `${field}: UpPass rejected this value (${providerErrorType})`, {
        field,
        provider: PROVIDER,
        httpStatus: 422,
        providerErrorType,
        fields: fields.map(inputPath),
      });
    }
  }
  const message = typeof body.detail === 'string' ? body.detail : `HTTP ${res.status}`;
  return providerRejected(PROVIDER, res.status, type, message);
}
