// Argos for the conformance suite: seeds/argos-submission-step1.txt, provider-specs/argos.md.
import { Readable } from 'node:stream';
import { expect, vi } from 'vitest';
import { type ArgosFilePart, ArgosClient } from '../../src/providers/argos/client.js';
import type { ArgosAdapter } from '../../src/providers/argos/index.js';
import { argosGetSubmissionSchema, argosStep1ResponseSchema, argosStep2ResponseSchema, argosWebhookSchema, type ArgosStep1Fields } from '../../src/providers/argos/mapper.js';
import type { ProviderVerificationView } from '../../src/domain/verification.js';
import { png } from '../support/argos.js';
import { fixture } from '../support/fixtures.js';
import type { Host } from './harness.js';
import { type Descriptor, type Made, wrongBasicPassword } from './suite.js';

const adapter = (h: Host) => h.adapter as ArgosAdapter;
let seed = 9100;
const file = (field: ArgosFilePart['field'], w = 800, hgt = 600): ArgosFilePart => {
  const bytes = png(w, hgt, ++seed);
  return { field, filename: `${field}.png`, contentType: 'image/png', size: bytes.length, open: () => Readable.from([bytes]) };
};
// the seed's Input Data example (step1.request.json), one applicant per call
const step1 = (n: number): ArgosStep1Fields => ({ ...fixture<ArgosStep1Fields>('argos', 'step1.request.json'), email: `conf${n}-${Date.now()}@example.com` });
const read = async (h: Host, ref: string) => {
  const [v] = await adapter(h).fetchVerifications([ref]);
  if (v instanceof Error) throw v;
  return v;
};
const step2 = (made: Made) => ({ submissionId: made.ref, name: 'Minjun Kim', date_of_birth: '1990-01-02' });
const documentedMessages = () => {
  const e = fixture<{ step1: string[]; step2: string[] }>('argos', 'errors.json');
  return [...e.step1, ...e.step2];
};

const WEBHOOK_EXAMPLES = ['webhook-created.json', 'webhook-retry.json', 'webhook-submit.json', 'webhook-approved.json', 'webhook-rejected.json', 'webhook-fields.json'];

export const argos: Descriptor = {
  provider: 'Argos',
  key: 'argos',
  async create(h, n) {
    const v = await adapter(h).submitDocument(step1(n), [file('idImage')]);
    return { ref: v.providerRef, status: v.status, providerStatus: v.providerStatus, ctx: v };
  },
  // step 1 read the ID; step 2 (the selfie) is still to do
  createdStatus: 'IN_PROGRESS',
  async get(h, made) {
    const v = await read(h, made.ref);
    return { status: v.status, providerStatus: v.providerStatus };
  },
  reads: [
    {
      name: 'step 2 (POST /v3/submission/step2) confirms the submission step 1 made',
      run: async (h, made) => [(await adapter(h).confirm(step2(made), file('faceImage', 960, 720), made.ctx as ProviderVerificationView)).providerRef],
    },
  ],
  scenarios: [
    {
      name: 'an unreadable ID: step 1 asks for a retry, and the `retry` webhook (retryCode, attempts) parses to RETRY_REQUIRED',
      run: async (h, n) => {
        const v = await adapter(h).submitDocument(step1(n), [file('idImage', 100, 80)]);
        expect(v.status).toBe('RETRY_REQUIRED');
        const retry = await vi.waitFor(() => {
          const w = h.deliveries.find((d) => JSON.parse(d.rawBody.toString()).submission_id === v.providerRef && JSON.parse(d.rawBody.toString()).webhook_trigger === 'retry');
          if (!w) throw new Error('no retry webhook yet');
          return w;
        });
        adapter(h).verifyWebhook(retry);
        expect(adapter(h).parseWebhook(retry).map((e) => (e.kind === 'verification' ? e.view.status : null))).toEqual(['RETRY_REQUIRED']);
      },
    },
    {
      name: 'a reviewer rejects: the `rejected` webhook carries the reject code and parses to DECLINED',
      run: async (h, n) => {
        const made = await argos.create(h, n);
        const from = h.deliveries.length;
        expect((await h.advance(made.ref, 'rejected', { comment: 'id_info_dataMismatch' })).status).toBe(200);
        const events = h.deliveries.slice(from).flatMap((w) => adapter(h).parseWebhook(w));
        expect(events.map((e) => (e.kind === 'verification' ? [e.view.providerRef, e.view.status, e.view.reviewReason] : null))).toContainEqual([made.ref, 'DECLINED', 'id_info_dataMismatch']);
      },
    },
  ],
  advance: { to: 'approved', status: 'APPROVED' },
  // Basic credentials from the webhook URL (provider-specs: no signature scheme is documented)
  forge: wrongBasicPassword,
  errors: [
    {
      name: 'wrong x-api-key: "invalid api key"',
      run: (h, made) => new ArgosClient({ baseUrl: () => `${h.sandbox}/v3`, apiKey: 'not-the-key', timeoutMs: 5000 }).getSubmission(made.ref),
      expect: { code: 'PROVIDER_REJECTED', provider: 'ARGOS', httpStatus: 401, providerErrorType: 'invalid api key' },
    },
    {
      name: 'step 1 with a malformed email: "invalid email address format"',
      run: (h, _made) => adapter(h).submitDocument({ ...step1(0), email: 'not-an-email' }, [file('idImage')]),
      expect: { code: 'PROVIDER_REJECTED', provider: 'ARGOS', providerErrorType: 'invalid email address format', field: 'input.email' },
    },
    {
      name: 'step 2 for an unknown submission: "invalid submission id"',
      run: (h, made) => adapter(h).confirm({ ...step2(made), submissionId: 'no-such-submission' }, file('faceImage', 960, 720), made.ctx as ProviderVerificationView),
      expect: { code: 'PROVIDER_REJECTED', provider: 'ARGOS', providerErrorType: 'invalid submission id', field: 'input.submissionId' },
    },
    {
      name: '503 ("data processing error")',
      run: async (h, made) => {
        await h.fault(503);
        return adapter(h).client.getSubmission(made.ref);
      },
      expect: { code: 'PROVIDER_UNAVAILABLE', provider: 'ARGOS', httpStatus: 503 },
    },
    {
      name: '429',
      run: async (h, made) => {
        await h.fault(429);
        return adapter(h).client.getSubmission(made.ref);
      },
      expect: { code: 'RATE_LIMITED', provider: 'ARGOS' },
    },
  ],
  answers: [
    {
      what: 'POST /v3/submission/step1 (seed Output Data; Universal mode)',
      match: (x) => x.method === 'POST' && x.path.startsWith('/v3/submission/step1') && x.status < 300,
      schema: argosStep1ResponseSchema,
      fixtures: ['step1.response.json', 'step1.response-universal.json'],
      // the OCR'd fields and the document-field flags are keyed by what the document holds
      rules: { freeForm: ['reviewOCRData', 'document_fields'] },
      // seed l.123-124: file_back_upload is "true" when the back image was received, "false" otherwise
      check: (body) => (['true', 'false'].includes((body as { file_back_upload?: unknown }).file_back_upload as string) ? [] : ['file_back_upload: documented "true"/"false", missing']),
    },
    {
      what: 'POST /v3/submission/step2 (provider-specs "Step 2": retry and final)',
      match: (x) => x.method === 'POST' && x.path.startsWith('/v3/submission/step2') && x.status < 300,
      schema: argosStep2ResponseSchema,
      fixtures: ['step2.response-final.json', 'step2.response-retry.json'],
    },
    {
      what: 'GET /v3/submission?submission_id= ({"Items": [item]})',
      match: (x) => x.method === 'GET' && x.path.startsWith('/v3/submission?') && x.status < 300,
      schema: argosGetSubmissionSchema,
      fixtures: ['get-submission.response.json', 'get-submission-incomplete.response.json', 'get-submission-rejected.response.json'],
      rules: { freeForm: ['Items[].data', 'Items[].image'] },
    },
    {
      what: 'error answers ({"message"} with one of the 16 documented messages)',
      match: (x) => x.status >= 400 && x.status !== 429,
      fixtures: [],
      undocumentedBody: 'provider-specs lists the messages, not the body; the client reads {"message"}',
      check: (body) => {
        const m = (body as { message?: unknown })?.message;
        return typeof m === 'string' && documentedMessages().some((d) => m.toLowerCase().startsWith(d.toLowerCase())) ? [] : [`message ${JSON.stringify(m)} is not a documented Argos error message`];
      },
    },
    {
      what: '429',
      match: (x) => x.status === 429,
      fixtures: [],
      undocumentedBody: 'Argos documents no rate limit (a sandbox fault only)',
    },
  ],
  webhooks: (['created', 'retry', 'submit', 'approved', 'rejected'] as const).map((t) => ({
    what: `webhook_trigger ${t}`,
    match: (x: { body: unknown }) => (x.body as { webhook_trigger?: string })?.webhook_trigger === t,
    schema: argosWebhookSchema,
    // the field list is one for every trigger ("optional fields appear only when submitted"): the
    // trigger's own example together with the others and the full field list
    fixtures: [`webhook-${t}.json`, ...WEBHOOK_EXAMPLES.filter((f) => f !== `webhook-${t}.json`)],
  })),
};
