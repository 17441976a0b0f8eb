// UpPass for the conformance suite: seeds/uppass-api.txt, provider-specs/uppass.md.
import { UpPassClient } from '../../src/providers/uppass/client.js';
import type { UpPassAdapter } from '../../src/providers/uppass/index.js';
import { UpPassAppliedFormInfoSchema, UpPassCreateFormResponseSchema, UpPassResendResponseSchema, UpPassWebhookSchema } from '../../src/providers/uppass/mapper.js';
import type { ProviderVerificationView } from '../../src/domain/verification.js';
import { fixture } from '../support/fixtures.js';
import type { Host } from './harness.js';
import { type Descriptor, type Made, wrongBasicPassword } from './suite.js';

const FORM = 'kyc-onboarding';
const adapter = (h: Host) => h.adapter as UpPassAdapter;
const view = (made: Made) => made.ctx as ProviderVerificationView;
const read = async (h: Host, made: Made) => {
  const [v] = await adapter(h).fetchVerifications([made.ref], [view(made)]);
  if (v instanceof Error) throw v;
  return v;
};
// answers are keyed by the form's own question keys (seed: `question_key_1`…). The seed shows a
// submitted application; before submission nothing is captured and UpPass documents no body, so
// `extra.ekyc` and `extra.bank_statement` may be absent then (the simulator sends `extra: {}`).
const rules = { freeForm: ['answers'], optional: ['extra.ekyc', 'extra.bank_statement'] };
const webhook = () => fixture<Record<string, unknown>>('uppass', 'webhook-submission.json');

export const upPass: Descriptor = {
  provider: 'UpPass',
  key: 'uppass',
  async create(h, n) {
    const v = await adapter(h).createForm('en', FORM, { answers: { customer_id: `conf-${n}` } });
    return { ref: v.providerRef, status: v.status, providerStatus: v.providerStatus, ctx: v };
  },
  createdStatus: 'CREATED',
  async get(h, made) {
    const v = await read(h, made);
    return { status: v.status, providerStatus: v.providerStatus };
  },
  reads: [
    {
      name: 'resend webhook (seed l.243-261: event + application; path unverified)',
      run: async (h, made) => {
        const r = await adapter(h).client.resendWebhook('en', FORM, made.ref);
        return [r.application.slug];
      },
    },
  ],
  advance: { to: 'accepted', status: 'APPROVED' },
  // Basic Auth (UPPASS_WEBHOOK_AUTH default): nothing signs the body
  forge: wrongBasicPassword,
  errors: [
    {
      name: 'wrong api_token: 401 AuthenticationFailed (seed error table)',
      run: (h, made) => new UpPassClient({ baseUrl: () => h.sandbox, apiToken: 'not-the-token', timeoutMs: 5000 }).appliedFormInfo('en', FORM, made.ref),
      expect: { code: 'PROVIDER_REJECTED', provider: 'UPPASS', httpStatus: 401, providerErrorType: 'AuthenticationFailed' },
    },
    {
      name: 'unknown application: 404 NotFound',
      run: (h) => adapter(h).client.appliedFormInfo('en', FORM, 'no-such-slug'),
      expect: { code: 'PROVIDER_REJECTED', provider: 'UPPASS', httpStatus: 404, providerErrorType: 'NotFound' },
    },
    {
      name: 'invalid answer: 422 ValidationError with the field map',
      run: (h) => adapter(h).createForm('en', FORM, { answers: { ekyc_document_type: 'not-a-document' } }),
      expect: { code: 'BAD_USER_INPUT', provider: 'UPPASS', httpStatus: 422, field: 'input.answers.ekyc_document_type' },
    },
    {
      name: '429 Throttled',
      run: async (h) => {
        await h.fault(429);
        return adapter(h).createForm('en', FORM, {});
      },
      expect: { code: 'RATE_LIMITED', provider: 'UPPASS' },
    },
    {
      name: '500 APIException',
      run: async (h, made) => {
        await h.fault(500);
        return adapter(h).client.appliedFormInfo('en', FORM, made.ref);
      },
      expect: { code: 'PROVIDER_UNAVAILABLE', provider: 'UPPASS', httpStatus: 500 },
    },
  ],
  answers: [
    {
      what: 'Create Form (seed l.94-102)',
      match: (x) => x.method === 'POST' && x.path.includes('/create/') && x.status < 300,
      schema: UpPassCreateFormResponseSchema,
      fixtures: ['create-form.response.json'],
    },
    {
      what: 'applied-form info (docs: only its URL; the create answer plus the Submission webhook\'s application, answers, extra)',
      match: (x) => x.method === 'GET' && x.path.includes('/info/') && x.status < 300,
      schema: UpPassAppliedFormInfoSchema,
      examples: () => {
        const { event: _e, ...rest } = webhook();
        return [{ ...fixture<Record<string, unknown>>('uppass', 'create-form.response.json'), ...rest }];
      },
      rules,
    },
    {
      what: 'resend webhook (seed l.249-261)',
      match: (x) => x.method === 'POST' && x.path.includes('/resend-webhook/') && x.status < 300,
      schema: UpPassResendResponseSchema,
      fixtures: ['resend-webhook.response.json'],
    },
    {
      what: '422 ValidationError (seed l.58: {"input": ["Input is invalid."]}, the field map itself)',
      match: (x) => x.status === 422,
      fixtures: ['error-422.response.json'],
      // the field names vary with the request: the body is a map of field → messages (nested for answers)
      rules: { freeForm: ['(root)'] },
      check: (body) => fieldMapProblems(body),
    },
    {
      what: 'other errors (401, 404, 429, 5xx)',
      match: (x) => x.status >= 400 && x.status !== 422,
      fixtures: [],
      undocumentedBody: 'the seed error table gives status, DRF error type and description only, no body',
    },
  ],
  webhooks: [
    {
      what: 'Submission (seed l.113-243; later deliveries: the short body, event + application)',
      match: () => true,
      schema: UpPassWebhookSchema,
      examples: () => [webhook(), fixture('uppass', 'resend-webhook.response.json')],
      rules,
    },
  ],
};

/** DRF's ValidationError body: field → [messages], or field → nested map; nothing else at any level. */
function fieldMapProblems(body: unknown, path = '(root)'): string[] {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return [`${path}: not a map of field → messages`];
  return Object.entries(body as Record<string, unknown>).flatMap(([k, v]) =>
    Array.isArray(v) ? (v.every((m) => typeof m === 'string') ? [] : [`${path}.${k}: messages are not strings`]) : v && typeof v === 'object' ? fieldMapProblems(v, `${path}.${k}`) : [`${path}.${k}: ${typeof v}, not a list of messages`],
  );
}
