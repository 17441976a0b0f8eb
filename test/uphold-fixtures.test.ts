// Uphold KYC Connector against its own documented examples (test/fixtures/providers/uphold, from
// provider-specs/uphold.md and seeds/uphold-kyc-connector.txt): schemas and mapping, an IDV and a
// PoA Veriff session in one ingestion, files' providerDetails, single-user clients without
// X-On-Behalf-Of, answers that do not match, and the webhook signature as a known-answer vector.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { isKycError } from '../src/errors.js';
import { WebhookAuthError } from '../src/providers/contract.js';
import { UpholdClient } from '../src/providers/uphold/client.js';
import {
  toIngestionView,
  UpholdIngestionEnvelopeSchema,
  UpholdIngestionListSchema,
  UpholdKycOverviewSchema,
  UpholdProcessResultSchema,
  UpholdSumsubCreateRequestSchema,
  UpholdTokenResponseSchema,
  UpholdVeriffCreateRequestSchema,
} from '../src/providers/uphold/mapper.js';
import { parse, signedHeaders, verifiers, verify } from '../src/providers/uphold/webhook.js';
import { CreateIngestionDocument, GetIngestionDocument } from './generated/graphql.js';
import { ok } from './support/client.js';
import { fakeProvider, type FakeProvider, fixture } from './support/fixtures.js';
import { startServer, type TestServer } from './support/server.js';

const H = 'uphold';
const raw = (body: unknown) => Buffer.from(JSON.stringify(body));
const clone = <T>(x: T): T => structuredClone(x);

describe('Uphold webhook signature: known-answer vector (Standard Webhooks scheme)', () => {
  // key bytes "kat-uphold-signing-key-32-bytes!" (printf … | openssl base64 → the secret below);
  // signed content "msg_2f3e4d5c.1756720800.<body>" with body = JSON.stringify of
  // webhook-sumsub-created.json without `_source` (551 bytes). Computed once with:
  //   openssl dgst -sha256 -mac HMAC -macopt hexkey:6b61742d7570686f6c642d7369676e696e672d6b65792d33322d627974657321 -binary uphold.txt | openssl base64
  const SECRET = 'whsec_a2F0LXVwaG9sZC1zaWduaW5nLWtleS0zMi1ieXRlcyE=';
  const ID = 'msg_2f3e4d5c';
  const AT = new Date(1756720800 * 1000);
  const SIGNATURE = 'v1,jqRky9vZX6RvQl7YQHA4KJwEeaTd7XrIyDYYJQl4D+Q=';
  const body = JSON.stringify(fixture(H, 'webhook-sumsub-created.json'));
  afterEach(() => vi.useRealTimers());

  it('the signer produces the openssl HMAC-SHA256 of "id.timestamp.body" as v1,<base64>', () => {
    expect(Buffer.byteLength(body)).toBe(551);
    expect(signedHeaders(SECRET, ID, body, AT)).toEqual({ 'webhook-id': ID, 'webhook-timestamp': '1756720800', 'webhook-signature': SIGNATURE });
  });

  it('the verifier accepts the known answer at its time and refuses a changed byte, id or signature', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(AT.getTime() + 30_000));
    const headers = { 'webhook-id': ID, 'webhook-timestamp': '1756720800', 'webhook-signature': SIGNATURE };
    const hooks = verifiers([SECRET]);
    expect(() => verify({ rawBody: Buffer.from(body), headers }, hooks)).not.toThrow();
    expect(() => verify({ rawBody: Buffer.from(`${body} `), headers }, hooks)).toThrow(WebhookAuthError);
    expect(() => verify({ rawBody: Buffer.from(body), headers: { ...headers, 'webhook-id': 'msg_other' } }, hooks)).toThrow(WebhookAuthError);
    expect(() => verify({ rawBody: Buffer.from(body), headers: { ...headers, 'webhook-signature': 'v1,AAAA' + SIGNATURE.slice(7) } }, hooks)).toThrow(WebhookAuthError);
  });
});

describe('Uphold schemas and mapping on the documented examples', () => {
  it('the documented request bodies (Sumsub; Veriff with an IDV and a PoA session) are what the client sends', () => {
    expect(UpholdSumsubCreateRequestSchema.safeParse(fixture(H, 'sumsub-create.request.json')).success).toBe(true);
    expect(UpholdVeriffCreateRequestSchema.parse(fixture(H, 'veriff-create.request.json')).sessions).toHaveLength(2);
  });

  it('the token, list and KYC overview answers parse', () => {
    expect(UpholdTokenResponseSchema.parse(fixture(H, 'token.response.json')).expires_in).toBe(600);
    expect(UpholdIngestionListSchema.parse(fixture(H, 'sumsub-list.response.json')).ingestions).toHaveLength(1);
    expect(UpholdKycOverviewSchema.parse(fixture(H, 'kyc-overview.response.json')).summary).toEqual({ status: 'ok', reason: 'none' });
    expect(UpholdProcessResultSchema.parse(fixture<{ result: { identity: unknown } }>(H, 'result-identity-processing.json').result.identity).status).toBe('processing');
  });

  it('a Veriff ingestion with two sessions maps both sessions, every result, errors and files with providerDetails', () => {
    const { ingestion } = UpholdIngestionEnvelopeSchema.parse(fixture(H, 'veriff-ingestion.response.json'));
    const v = toIngestionView(ingestion);
    expect(v).toMatchObject({ source: 'VERIFF', status: 'FINISHED', providerStatus: 'finished', sourceVerificationRef: '8f9a2b1c-3d4e-4f50-9a6b-7c8d9e0f1a2b' });
    expect(v.sourceSessions).toEqual([
      { ref: '8f9a2b1c-3d4e-4f50-9a6b-7c8d9e0f1a2b', processes: ['PROFILE', 'IDENTITY'], integrationName: 'integration-abc123' },
      { ref: '1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d', processes: ['ADDRESS', 'PROOF_OF_ADDRESS'], integrationName: 'integration-abc123' },
    ]);
    expect(v.results.map((r) => [r.process, r.status])).toEqual([['PROFILE', 'COMPLETED'], ['ADDRESS', 'COMPLETED'], ['IDENTITY', 'COMPLETED'], ['PROOF_OF_ADDRESS', 'FAILED']]);
    expect(v.results[3].error).toEqual({ code: 'provider_data_not_available', message: 'The session has no proof of address document' });
    expect(v.results[2].files[0]).toEqual({
      id: 'f-1', category: 'identity-document', context: 'front', contentType: 'image/jpeg', size: 182345,
      providerDetails: { veriffMediaId: '9c8b7a6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d', sessionId: '8f9a2b1c-3d4e-4f50-9a6b-7c8d9e0f1a2b' },
    });
  });

  it('a queued Sumsub ingestion maps its share token as the one source session; unreported processes are PROCESSING', () => {
    const v = toIngestionView(UpholdIngestionEnvelopeSchema.parse(fixture(H, 'sumsub-ingestion.response.json')).ingestion);
    expect(v).toMatchObject({ source: 'SUMSUB', status: 'QUEUED', sourceVerificationRef: '_act-sbx-jwt-eyJhbGciOiJub25lIn0', userId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d' });
    expect(v.sourceSessions).toEqual([{ ref: '_act-sbx-jwt-eyJhbGciOiJub25lIn0', processes: ['IDENTITY', 'PROOF_OF_ADDRESS'], integrationName: null }]);
    expect(v.results.map((r) => r.status)).toEqual(['PROCESSING', 'PROCESSING']);
  });

  it('the documented webhook envelopes parse; one that differs is refused naming the path', () => {
    for (const name of ['webhook-sumsub-created.json', 'webhook-veriff-status-changed.json']) {
      const body = fixture<{ id: string }>(H, name);
      expect(parse({ rawBody: raw(body), headers: {} })[0]).toMatchObject({ eventId: body.id, kind: 'ingestion' });
    }
    const bad = clone(fixture<Record<string, any>>(H, 'webhook-veriff-status-changed.json'));
    bad.data.ingestion.result.identity.status = 'done';
    expect(() => parse({ rawBody: raw(bad), headers: {} })).toThrow(/data\.ingestion\.result\.identity\.status/);
    const unknownType = { ...fixture(H, 'webhook-sumsub-created.json'), type: 'core.kyc.tax-details.status-changed' };
    expect(() => parse({ rawBody: raw(unknownType), headers: {} })).toThrow(/^webhook malformed: type /);
  });
});

describe('the Uphold client against a stand-in API', () => {
  let fake: FakeProvider;
  let answers: Record<string, unknown>;
  beforeAll(async () => {
    fake = await fakeProvider((method, path) => ({ body: answers[`${method} ${path.split('?')[0]}`] ?? {} }));
  });
  afterAll(() => fake.close());
  const client = (singleUserId: string | null) =>
    new UpholdClient({ baseUrl: () => fake.url, clientId: 'id', clientSecret: 'secret', scope: 's', timeoutMs: 2000, singleUserId });

  it('an organisation-wide client names the user in X-On-Behalf-Of; a single-user client sends no such header', async () => {
    answers = { 'POST /core/oauth2/token': fixture(H, 'token.response.json'), 'GET /core/kyc': fixture(H, 'kyc-overview.response.json') };
    await client(null).getKycOverview('u-1');
    expect(fake.requests.at(-1)?.headers['x-on-behalf-of']).toBe('user u-1');
    await client('u-1').getKycOverview('u-1');
    expect(fake.requests.at(-1)?.headers).not.toHaveProperty('x-on-behalf-of');
  });

  it('a token or ingestion answer that does not match fails as PROVIDER_UNAVAILABLE naming the field', async () => {
    const failure = async (call: () => Promise<unknown>) => call().then(() => null, (e: unknown) => e);
    answers = { 'POST /core/oauth2/token': { token_type: 'Bearer', expires_in: 600 } };
    let err = await failure(() => client(null).getKycOverview('u-1'));
    expect(isKycError(err)).toBe(true);
    expect((err as { extensions: unknown }).extensions).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', provider: 'UPHOLD', field: 'access_token' });
    const wrong = clone(fixture<Record<string, any>>(H, 'sumsub-ingestion.response.json'));
    wrong.ingestion.status = 'done';
    answers = { 'POST /core/oauth2/token': fixture(H, 'token.response.json'), 'POST /kyc-connector/sumsub/ingestions': wrong };
    err = await failure(() => client(null).createSumsubIngestion('u-1', fixture(H, 'sumsub-create.request.json')));
    expect((err as { extensions: unknown }).extensions).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', provider: 'UPHOLD', field: 'ingestion.status' });
  });
});

describe('Uphold sandbox: IDV + PoA sessions, providerDetails, single-user clients', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ UPHOLD_SANDBOX_STEP_MS: '20' });
  });
  afterAll(() => server.close());

  it('one Veriff ingestion carries an IDV and a PoA session, each with its processes, and keeps files\' providerDetails', async () => {
    const created = ok(
      await server.gql(CreateIngestionDocument, {
        input: {
          source: 'VERIFF',
          sourceVerificationRef: 'approved-poa-1',
          userId: 'u-two-sessions',
          processes: ['PROFILE', 'ADDRESS', 'IDENTITY', 'PROOF_OF_ADDRESS'],
          sessions: [
            { sourceVerificationRef: 'approved-idv-1', processes: ['PROFILE', 'IDENTITY'] },
            { sourceVerificationRef: 'approved-poa-1', processes: ['ADDRESS', 'PROOF_OF_ADDRESS'], integrationName: 'poa-integration' },
          ],
        },
      }),
    ).createIngestion;
    expect(created.sourceVerificationRef).toBe('approved-poa-1');
    expect(created.sourceSessions).toEqual([
      { ref: 'approved-poa-1', processes: ['ADDRESS', 'PROOF_OF_ADDRESS'], integrationName: 'poa-integration' },
      { ref: 'approved-idv-1', processes: ['PROFILE', 'IDENTITY'], integrationName: 'default' },
    ]);
    let done: Awaited<ReturnType<typeof get>> = null;
    const get = async () => ok(await server.gql(GetIngestionDocument, { id: created.id })).ingestion;
    for (let i = 0; i < 200 && done?.status !== 'FINISHED'; i++) {
      done = await get();
      if (done?.status !== 'FINISHED') await new Promise((r) => setTimeout(r, 20));
    }
    expect(done?.status).toBe('FINISHED');
    const identity = done!.results.find((r) => r.process === 'IDENTITY')!;
    expect(identity.files.length).toBeGreaterThan(0);
    for (const f of identity.files) expect(f.providerDetails).toMatchObject({ mediaId: expect.any(String) });
  });

  it('sessions that do not cover the processes, or on a Sumsub ingestion, are refused naming the field', async () => {
    const base = { source: 'VERIFF' as const, sourceVerificationRef: 'approved-a', userId: 'u-bad', processes: ['IDENTITY' as const, 'PROOF_OF_ADDRESS' as const] };
    const cases: [string, object][] = [
      ['input.processes', { sessions: [{ sourceVerificationRef: 'approved-a', processes: ['IDENTITY'] }] }],
      ['input.sessions[1].processes', { sessions: [{ sourceVerificationRef: 'approved-a', processes: ['IDENTITY', 'PROOF_OF_ADDRESS'] }, { sourceVerificationRef: 'approved-b', processes: ['PROFILE'] }] }],
      ['input.sourceVerificationRef', { sessions: [{ sourceVerificationRef: 'approved-b', processes: ['IDENTITY', 'PROOF_OF_ADDRESS'] }] }],
      ['input.sessions', { source: 'SUMSUB', sessions: [{ sourceVerificationRef: 'approved-a', processes: ['IDENTITY', 'PROOF_OF_ADDRESS'] }] }],
    ];
    const before = server.app.adapters.get('UPHOLD')!.simulator as unknown as { requests: { create: number } };
    const creates = before.requests.create;
    for (const [field, over] of cases) {
      const res = await server.gql(CreateIngestionDocument, { input: { ...base, ...over } as never });
      expect(res.errors?.[0]?.extensions, field).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(before.requests.create).toBe(creates);
  });

  it('a single-user client (UPHOLD_USER_ID) ingests without X-On-Behalf-Of or the act-on-behalf-of scope, and only for its user', async () => {
    const single = await startServer({ UPHOLD_USER_ID: 'u-single', UPHOLD_SANDBOX_STEP_MS: '20' });
    try {
      expect(single.config.uphold.scope).not.toContain('core.users:act-on-behalf-of');
      const created = ok(await single.gql(CreateIngestionDocument, { input: { source: 'SUMSUB', sourceVerificationRef: 'approved-single', userId: 'u-single', processes: ['IDENTITY'] } })).createIngestion;
      expect(created).toMatchObject({ userId: 'u-single', status: 'QUEUED' });
      const other = await single.gql(CreateIngestionDocument, { input: { source: 'SUMSUB', sourceVerificationRef: 'approved-single', userId: 'someone-else', processes: ['IDENTITY'] } });
      expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.userId' });
    } finally {
      await single.close();
    }
  });
});
