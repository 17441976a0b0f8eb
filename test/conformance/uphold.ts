// Uphold KYC Connector ingestions for the conformance suite: seeds/uphold-kyc-connector.txt, provider-specs/uphold.md.
import { randomUUID } from 'node:crypto';
import { UpholdClient } from '../../src/providers/uphold/client.js';
import type { UpholdAdapter } from '../../src/providers/uphold/index.js';
import { UpholdIngestionEnvelopeSchema, UpholdIngestionListSchema, UpholdTokenResponseSchema, UpholdWebhookEventSchema } from '../../src/providers/uphold/mapper.js';
import type { IngestionRef } from '../../src/domain/ingestion.js';
import { fixture } from '../support/fixtures.js';
import type { Host } from './harness.js';
import type { Descriptor, Made } from './suite.js';

const adapter = (h: Host) => h.adapter as UpholdAdapter;
// one Uphold user per run: the batch read is one list call for (user, source)
const USER = randomUUID();
const ref = (m: Made): IngestionRef => ({ providerRef: m.ref, source: 'SUMSUB', userId: USER });
const read = async (h: Host, made: Made[]) => {
  const views = await adapter(h).fetchIngestions(made.map(ref));
  return views.map((v) => {
    if (v instanceof Error) throw v;
    return v;
  });
};
const INGESTIONS = ['sumsub-ingestion.response.json', 'veriff-ingestion.response.json'];
const ingestions = () => INGESTIONS.map((f) => fixture<{ ingestion: unknown }>('uphold', f).ingestion);
// result and data are keyed by process (identity, proof-of-address, …); providerDetails is the source provider's own object
const rules = { freeForm: ['data.ingestion.result', 'ingestion.result', 'ingestions[].result'] };

export const uphold: Descriptor = {
  provider: 'Uphold',
  key: 'uphold',
  // the sandbox worker would move ingestions on its own; here only the suite moves them
  env: { UPHOLD_SANDBOX_STEP_MS: '600000' },
  async create(h, n) {
    // the documented Sumsub body (sumsub-create.request.json) with a sandbox share token that exists
    const v = await adapter(h).createIngestion({ source: 'SUMSUB', sourceVerificationRef: `approved-conf-${n}-${randomUUID()}`, userId: USER, processes: ['IDENTITY', 'PROOF_OF_ADDRESS'] });
    return { ref: v.providerRef, status: v.status, providerStatus: v.providerStatus };
  },
  createdStatus: 'QUEUED',
  async get(h, made) {
    const [v] = await read(h, [made]);
    return { status: v.status, providerStatus: v.providerStatus };
  },
  batch: async (h, made) => (await read(h, made)).map((v) => ({ ref: v.providerRef, status: v.status })),
  advance: { to: 'finished', status: 'FINISHED' },
  errors: [
    {
      name: 'wrong client secret: the token call is refused (401)',
      run: (h, made) => {
        const options = (adapter(h).client as unknown as { options: ConstructorParameters<typeof UpholdClient>[0] }).options;
        return new UpholdClient({ ...options, clientSecret: 'not-the-secret' }).getIngestion('sumsub', USER, made.ref);
      },
      expect: { code: 'PROVIDER_REJECTED', provider: 'UPHOLD', httpStatus: 401 },
    },
    {
      name: 'a share token Uphold cannot read: 404 provider_verification_not_found',
      run: (h) => adapter(h).createIngestion({ source: 'SUMSUB', sourceVerificationRef: 'unknown-token', userId: USER, processes: ['IDENTITY'] }),
      expect: { code: 'PROVIDER_REJECTED', provider: 'UPHOLD', httpStatus: 404, providerErrorType: 'provider_verification_not_found' },
    },
    {
      name: '503',
      run: async (h, made) => {
        await h.fault(503);
        return adapter(h).client.getIngestion('sumsub', USER, made.ref);
      },
      expect: { code: 'PROVIDER_UNAVAILABLE', provider: 'UPHOLD', httpStatus: 503 },
    },
    {
      name: '429',
      run: async (h, made) => {
        await h.fault(429);
        return adapter(h).client.getIngestion('sumsub', USER, made.ref);
      },
      expect: { code: 'RATE_LIMITED', provider: 'UPHOLD' },
    },
  ],
  answers: [
    {
      what: 'POST /oauth2/token (client credentials)',
      match: (x) => x.method === 'POST' && x.path.includes('token') && x.status < 300,
      schema: UpholdTokenResponseSchema,
      fixtures: ['token.response.json'],
    },
    {
      what: 'POST / GET one ingestion ({ingestion})',
      match: (x) => /\/kyc-connector\/(sumsub|veriff)\/ingestions(\/[^/?]+)?$/.test(x.path) && !(x.method === 'GET' && /ingestions$/.test(x.path)) && x.status < 300,
      schema: UpholdIngestionEnvelopeSchema,
      examples: () => ingestions().map((ingestion) => ({ ingestion })),
      rules,
    },
    {
      what: 'GET …/ingestions ({ingestions, pagination})',
      match: (x) => x.method === 'GET' && /\/kyc-connector\/(sumsub|veriff)\/ingestions(\?|$)/.test(x.path) && x.status < 300,
      schema: UpholdIngestionListSchema,
      fixtures: ['sumsub-list.response.json'],
      rules,
    },
    {
      what: 'error answers',
      match: (x) => x.status >= 400,
      undocumentedBody: 'provider-specs/uphold.md documents one error code (provider_data_not_available), no error body; the client reads {code, message} and the OAuth2 {error}',
      check: (body) => (typeof (body as { code?: unknown; error?: unknown })?.code === 'string' || typeof (body as { error?: unknown })?.error === 'string' ? [] : ['no error code']),
    },
  ],
  webhooks: [
    {
      what: 'kyc-connector.<source>.ingestion.* ({id, type, createdAt, data: {ingestion}})',
      match: () => true,
      schema: UpholdWebhookEventSchema,
      examples: () => {
        const envelopes = ['webhook-sumsub-created.json', 'webhook-veriff-status-changed.json'].map((f) => fixture<Record<string, unknown>>('uphold', f));
        return [...envelopes, ...ingestions().map((ingestion) => ({ ...envelopes[0], data: { ingestion } }))];
      },
      rules,
    },
  ],
};
