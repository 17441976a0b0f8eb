// Argos as documented (issue 14): the seed's and provider-specs' examples
// (test/fixtures/providers/argos/) through the runtime schemas and the mapper: step 1 and 2
// answers, the GET read-back {"Items": [...]}, every webhook trigger, the 16 error messages; the
// Basic credentials of the webhook URL against a vector computed with base64(1); and the sandbox
// sending `created`/`retry`, reading a small image, and asking for the address when configured.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ArgosClient } from '../src/providers/argos/client.js';
import type { ArgosAdapter } from '../src/providers/argos/index.js';
import {
  argosDate,
  argosGetSubmissionSchema,
  argosStep1ResponseSchema,
  argosStep2ResponseSchema,
  type ArgosDetailsShape,
  fromStep1,
  fromStep2,
  fromSubmissionItem,
  toArgosDate,
} from '../src/providers/argos/mapper.js';
import { toStep1Fields, toStep2Fields } from '../src/providers/argos/schema.js';
import type { ArgosSimulator } from '../src/providers/argos/simulator.js';
import { parse, verify } from '../src/providers/argos/webhook.js';
import { WebhookAuthError, WebhookFormatError } from '../src/providers/contract.js';
import { ConfirmArgosSubmissionDocument, type ConfirmArgosSubmissionInput, SubjectVerificationsDocument, SubmitArgosDocumentDocument, type SubmitArgosDocumentInput } from './generated/graphql.js';
import { png, uploadRequest } from './support/argos.js';
import { firstError, ok, until } from './support/client.js';
import { fixture } from './support/fixtures.js';
import { startServer, type TestServer } from './support/server.js';

const A = 'argos';
const TTL = 4 * 3600 * 1000;
const hook = (name: string) => ({ rawBody: Buffer.from(JSON.stringify(fixture(A, name))), headers: {} });

describe('Argos dates (YYYY-MM-DD-HH-MM-SS-ZZZ)', () => {
  it('read as UTC with milliseconds, written back the same', () => {
    expect(argosDate('2024-03-05-09-12-33-120')).toBe('2024-03-05T09:12:33.120Z');
    expect(toArgosDate(new Date('2024-03-05T09:12:33.120Z'))).toBe('2024-03-05-09-12-33-120');
    expect(argosDate('2024-03-05T09:12:33Z')).toBe('2024-03-05T09:12:33.000Z');
    expect(argosDate('05/03/2024')).toBeNull();
  });
});

describe('step 1 and step 2 on the documented examples', () => {
  it('our step 1 form fields equal the seed Input Data example', () => {
    const input = { subjectId: 's', email: 'applicant@example.com', idType: 'PASSPORT', issuingCountry: 'KR', userid: 'user-42', cf1: 'campaign-a', cf2: 'b', cf3: 'c', customOptions: { ageLimit: false, rejectDuplicateUser: true } };
    expect(JSON.parse(JSON.stringify(toStep1Fields(input as never)))).toEqual(fixture(A, 'step1.request.json'));
  });

  it('the step 1 Output Data parses and maps: OCR, document fields, missing fields, uploads', () => {
    const res = argosStep1ResponseSchema.parse(fixture(A, 'step1.response.json'));
    const v = fromStep1(res, fixture(A, 'step1.request.json') as never, new Date('2024-03-05T09:12:33Z'), TTL, Date.parse('2024-03-05T09:13:00Z'));
    expect(v).toMatchObject({ providerRef: 'b6a1f3c2-5d7e-4c1a-9f8b-0d2e4a6c8e10', status: 'IN_PROGRESS', providerStatus: 'incomplete', retriesLeft: 3, country: 'KR', expiresAt: '2024-03-05T13:12:33.000Z' });
    expect(v.identityDocument).toMatchObject({ firstName: 'Minjun', lastName: 'Kim', dateOfBirth: '1990-01-02', nationality: 'KR', nationalNo: '900102-1234567', expiryAt: '2029-05-01' });
    expect(v.details).toMatchObject({ nextStep: 'CONFIRM', missingFields: ['gender'], idImageUploaded: true, idBackImageUploaded: true, documentFields: { gender: true, serialNumber: false } });
  });

  it('Universal mode: document_fields as an array, no OCR, a retry code', () => {
    const res = argosStep1ResponseSchema.parse(fixture(A, 'step1.response-universal.json'));
    const v = fromStep1(res, fixture(A, 'step1.request.json') as never, new Date(), TTL);
    expect(v).toMatchObject({ status: 'RETRY_REQUIRED', retriesLeft: 2, reviewReason: 'mrz_protocol_fail', identityDocument: null });
    expect(v.details).toMatchObject({ nextStep: 'SUBMIT_DOCUMENT', missingFields: ['name', 'birthDate'], documentFields: null, reviewOCRData: null });
  });

  it('our step 2 fields equal the Step 2 field list, address flow included', () => {
    const base = { submissionId: 'b6a1f3c2-5d7e-4c1a-9f8b-0d2e4a6c8e10', name: 'Minjun Kim', dateOfBirth: '1990-01-02', faceImage: null };
    const full = { ...base, gender: 'MALE', nationality: 'KR', identityNumber: '900102-1234567', licenseNumber: '112233333344', documentNumber: 'M12345678', serialNumber: 'S-1', dateOfIssue: '2019-05-01', dateOfExpiry: '2029-05-01' };
    expect(JSON.parse(JSON.stringify(toStep2Fields(full as never)))).toEqual(fixture(A, 'step2.request.json'));
    const address = { ...base, address: { globalCode: '8Q98HXR4+2V', formattedAddress: '1 Sejong-daero, Jung-gu, Seoul', addressInput: '1 Sejong-daero', addressDetail: 'Apt 101' } };
    expect(JSON.parse(JSON.stringify(toStep2Fields(address as never)))).toEqual(fixture(A, 'step2.request-address.json'));
  });

  it('the step 2 retry and final examples parse and map', () => {
    const after1 = fromStep1(argosStep1ResponseSchema.parse(fixture(A, 'step1.response.json')), fixture(A, 'step1.request.json') as never, new Date(), TTL);
    const sent = fixture(A, 'step2.request.json') as never;
    const retry = fromStep2(argosStep2ResponseSchema.parse(fixture(A, 'step2.response-retry.json')), sent, after1);
    expect(retry).toMatchObject({ status: 'RETRY_REQUIRED', retriesLeft: 2, reviewReason: 'face_compare_underscore', details: { nextStep: 'CONFIRM', retry: [{ retryCode: 'face_compare_underscore', retryMsg: '…' }] } });
    const final = fromStep2(argosStep2ResponseSchema.parse(fixture(A, 'step2.response-final.json')), sent, retry);
    expect(final).toMatchObject({ status: 'DECLINED', providerStatus: 'rejected', retriesLeft: 0, reviewReason: 'too_many_retry', details: { verificationResult: 'success', faceSimilarityScore: 0, livenessScore: 99 } });
  });

  it('an answer that does not match names the field: kycStatus outside the documented four', () => {
    const bad = argosStep2ResponseSchema.safeParse({ ...fixture<object>(A, 'step2.response-final.json'), kycStatus: 'done' });
    expect(bad.error?.issues[0].path).toEqual(['kycStatus']);
  });
});

describe('GET /submission?submission_id= on the documented shape', () => {
  it('reads all of the item: data, Argos dates, attempts, reject codes, image links', () => {
    const { Items } = argosGetSubmissionSchema.parse(fixture(A, 'get-submission.response.json'));
    const v = fromSubmissionItem(Items[0], TTL, Date.parse('2024-03-05T11:00:00Z'));
    expect(v).toMatchObject({
      providerRef: 'b6a1f3c2-5d7e-4c1a-9f8b-0d2e4a6c8e10',
      status: 'APPROVED',
      providerStatus: 'approved',
      externalId: 'user-42',
      country: 'KR',
      retriesLeft: 2,
      expiresAt: '2024-03-05T13:12:33.120Z',
      providerUpdatedAt: '2024-03-05T10:02:11.045Z',
    });
    expect(v.identityDocument).toMatchObject({ type: 'PASSPORT', country: 'KR', firstName: 'Minjun', lastName: 'Kim', dateOfBirth: '1990-01-02', nationality: 'KR', issuedAt: '2019-05-01', expiryAt: '2029-05-01' });
    const d = v.details as ArgosDetailsShape;
    expect(d).toMatchObject({ nextStep: 'NONE', email: 'applicant@example.com', cf1: 'campaign-a', reviewer: 'reviewer@argos', retryCount: 1, livenessScore: 99, argosScore: '88', recognitionScore: '97', submittedAt: '2024-03-05T09:12:33.120Z' });
    expect(d.attempts).toEqual([
      { attemptCnt: 1, retryCode: ['face_compare_underscore'], retryMsg: ['The face does not match.'], livenessScore: 91 },
      { attemptCnt: 2, retryCode: [], retryMsg: [], livenessScore: 99 },
    ]);
    expect(d.images).toEqual({
      idImage: 'https://argos.example/images/b6a1/idImage.jpg',
      idBackImage: 'https://argos.example/images/b6a1/idBackImage.jpg',
      selfieImage: 'https://argos.example/images/b6a1/selfieImage.jpg',
      addressImage: 'https://argos.example/images/b6a1/addressImage.jpg',
    });
  });

  it('a rejected item: reject codes (commentCode) and comments', () => {
    const { Items } = argosGetSubmissionSchema.parse(fixture(A, 'get-submission-rejected.response.json'));
    const v = fromSubmissionItem(Items[0], TTL);
    expect(v).toMatchObject({ status: 'DECLINED', reviewReason: 'too_many_retry', retriesLeft: 0, identityDocument: { firstName: 'Minjun', lastName: 'Kim', type: 'GOVERNMENT_ID' } });
    expect(v.details).toMatchObject({ rejectCodes: ['too_many_retry'], comments: ['Too many failed attempts.'], retryCount: 3 });
  });

  it('an incomplete item with a failed attempt asks for a retry of the ID', () => {
    const { Items } = argosGetSubmissionSchema.parse(fixture(A, 'get-submission-incomplete.response.json'));
    const v = fromSubmissionItem(Items[0], TTL, Date.parse('2024-03-05T10:00:00Z'));
    expect(v).toMatchObject({ status: 'RETRY_REQUIRED', reviewReason: 'glare_detected', retriesLeft: 2, details: { nextStep: 'SUBMIT_DOCUMENT', retry: [{ retryCode: 'glare_detected', retryMsg: 'Glare on the document.' }] } });
  });

  it('the invented shape ({submission_id, kyc_result}) is refused, naming the field', () => {
    const bad = argosGetSubmissionSchema.safeParse({ submission_id: 'x', kyc_result: { status: 'approved' } });
    expect(bad.error?.issues[0].path).toEqual(['Items']);
    const dates = argosGetSubmissionSchema.safeParse({ Items: [{ ...fixture<{ Items: object[] }>(A, 'get-submission.response.json').Items[0], created_at: '05.03.2024' }] });
    expect(dates.error?.issues[0].path).toEqual(['Items', 0, 'created_at']);
  });
});

describe('webhooks on the documented bodies', () => {
  it('created: incomplete, no retry code → IN_PROGRESS; retry: the retry code and attempts → RETRY_REQUIRED', () => {
    const [created] = parse(hook('webhook-created.json'), TTL);
    expect(created).toMatchObject({ kind: 'verification', view: { providerRef: 'b6a1f3c2-5d7e-4c1a-9f8b-0d2e4a6c8e10', providerStatus: 'incomplete', retriesLeft: 3 } });
    expect((created as { view: { status: string } }).view.status).toMatch(/IN_PROGRESS|EXPIRED/);
    const [retry] = parse(hook('webhook-retry.json'), TTL);
    expect(retry).toMatchObject({ view: { providerStatus: 'incomplete', retriesLeft: 2, details: { retry: [{ retryCode: 'mrz_protocol_fail' }], retryCount: 1 } } });
    expect((retry as { eventId: string }).eventId).not.toBe((created as { eventId: string }).eventId);
  });

  it('submit, approved, rejected map with the personal fields and the reject code', () => {
    const [submit] = parse(hook('webhook-submit.json'), TTL);
    expect(submit).toMatchObject({
      view: {
        status: 'IN_REVIEW',
        identityDocument: { firstName: 'Minjun', lastName: 'Kim', dateOfBirth: '1990-01-02', nationality: 'KR', nationalNo: '900102-1234567', issuedAt: '2019-05-01', expiryAt: '2029-05-01', type: 'PASSPORT', country: 'KR' },
        details: { cf1: 'campaign-a', cf3: 'c', nextStep: 'WAIT' },
        providerUpdatedAt: '2024-03-05T09:20:01.500Z',
      },
    });
    expect(parse(hook('webhook-approved.json'), TTL)[0]).toMatchObject({ view: { status: 'APPROVED', details: { reviewer: 'reviewer@argos' } } });
    expect(parse(hook('webhook-rejected.json'), TTL)[0]).toMatchObject({ view: { status: 'DECLINED', reviewReason: 'id_info_dataMismatch', details: { rejectCodes: ['id_info_dataMismatch'] } } });
  });

  it('a body is read as JSON once (the encryption check reads the parse the schema then takes)', () => {
    const req = hook('webhook-submit.json');
    parse(req, TTL); // the schema's compiled check is built on its first use
    const parses = vi.spyOn(JSON, 'parse');
    try {
      expect(parse(req, TTL)).toHaveLength(1);
      expect(parses).toHaveBeenCalledTimes(1);
    } finally {
      parses.mockRestore();
    }
  });

  it('aml is acknowledged without an event; an encrypted body and a changed body are refused naming the field', () => {
    expect(parse(hook('webhook-aml.json'), TTL)).toEqual([]);
    expect(() => parse(hook('webhook-encrypted.json'), TTL)).toThrow(/encrypted/);
    const bad = { rawBody: Buffer.from(JSON.stringify({ ...fixture<object>(A, 'webhook-submit.json'), kyc_result: { status: 'finished' } })), headers: {} };
    expect(() => parse(bad, TTL)).toThrow(WebhookFormatError);
    expect(() => parse(bad, TTL)).toThrow(/kyc_result\.status/);
  });

  it('Basic credentials from the webhook URL: known-answer vector (printf argos:kat-secret-1 | base64)', () => {
    const req = (authorization: string) => ({ rawBody: Buffer.from('{}'), headers: { authorization } });
    expect(() => verify(req('Basic YXJnb3M6a2F0LXNlY3JldC0x'), ['kat-secret-1'])).not.toThrow();
    // rotation: either configured secret is accepted
    expect(() => verify(req('Basic YXJnb3M6a2F0LXNlY3JldC0y'), ['kat-secret-1', 'kat-secret-2'])).not.toThrow();
    expect(() => verify(req('Basic YXJnb3M6a2F0LXNlY3JldC0y'), ['kat-secret-1'])).toThrow(WebhookAuthError);
    expect(() => verify(req('Bearer kat-secret-1'), ['kat-secret-1'])).toThrow(WebhookAuthError);
  });

  it('Basic credentials are standard base64, as a URL with userinfo sends them (printf argos:kat??? | base64)', () => {
    const req = (authorization: string) => ({ rawBody: Buffer.from('{}'), headers: { authorization } });
    expect(() => verify(req('Basic YXJnb3M6a2F0Pz8/'), ['kat???'])).not.toThrow();
    // the same bytes in base64url are not HTTP Basic (Buffer would decode them alike)
    expect(() => verify(req('Basic YXJnb3M6a2F0Pz8_'), ['kat???'])).toThrow(/not HTTP Basic/);
    expect(() => verify(req('Basic YXJnb3M6a2F0Pz8/'), [])).toThrow(/do not match/);
  });
});

describe('the Argos client on a scripted Argos', () => {
  let provider: Server;
  let base: string;
  let reply: { status: number; body: unknown } = { status: 200, body: {} };
  beforeAll(async () => {
    provider = createServer(async (req, res) => {
      for await (const _ of req);
      res.writeHead(reply.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(reply.body));
    });
    await new Promise<void>((r) => provider.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => provider.close(() => r())));
  const client = () => new ArgosClient({ baseUrl: () => base, apiKey: 'k', timeoutMs: 2000 });

  const errors = fixture<{ step1: string[]; step2: string[] }>(A, 'errors.json');
  const all = [...new Set([...errors.step1, ...errors.step2])];
  const expected: Record<string, [string, string | null]> = {
    'failed to parse the input data': ['failed to parse the input data', null],
    'invalid id image': ['invalid id image', 'input.idImage'],
    'missing required parameters': ['missing required parameters', null],
    'invalid id type': ['invalid id type', 'input.idType'],
    'invalid email address format': ['invalid email address format', 'input.email'],
    'id image processing error': ['id image processing error', 'input.idImage'],
    'data processing error': ['data processing error', null],
    'applicant@example.com is already approved': ['already approved', 'input.email'],
    'failed to find the project': ['failed to find the project', null],
    'invalid api key': ['invalid api key', null],
    'invalid face image': ['invalid face image', 'input.faceImage'],
    'invalid or missing an address image': ['invalid or missing an address image', 'input.addressImage'],
    'missing address data parameters': ['missing address data parameters', 'input.address'],
    'invalid submission id': ['invalid submission id', 'input.submissionId'],
    'this submission is already processed': ['this submission is already processed', 'input.submissionId'],
    'missing required parameters for identity verification': ['missing required parameters for identity verification', null],
  };

  it('there are 16 distinct documented messages', () => {
    expect(all).toHaveLength(16);
    expect(Object.keys(expected).sort()).toEqual([...all].sort());
  });

  it.each(all)('"%s" is PROVIDER_REJECTED with its type and field, never echoing the email', async (message) => {
    reply = { status: 400, body: { message } };
    const err = await client().getSubmission('x').catch((e) => e);
    const [type, field] = expected[message];
    expect(err.extensions).toMatchObject({ code: 'PROVIDER_REJECTED', provider: 'ARGOS', httpStatus: 400, providerErrorType: type });
    expect(err.extensions.field).toBe(field ?? undefined);
    expect(JSON.stringify({ m: err.message, e: err.extensions })).not.toContain('applicant@example.com');
  });

  it('reads the documented GET answer; no item is null; the invented shape is PROVIDER_UNAVAILABLE naming the path', async () => {
    reply = { status: 200, body: fixture(A, 'get-submission.response.json') };
    expect(await client().getSubmission('b6a1f3c2-5d7e-4c1a-9f8b-0d2e4a6c8e10')).toMatchObject({ kyc: { result: 'approved' } });
    reply = { status: 200, body: { Items: [] } };
    expect(await client().getSubmission('b6a1f3c2-5d7e-4c1a-9f8b-0d2e4a6c8e10')).toBeNull();
    reply = { status: 200, body: { submission_id: 'x', kyc_result: { status: 'approved', comment: 'Minjun Kim' } } };
    const err = await client().getSubmission('x').catch((e) => e);
    expect(err.extensions).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', provider: 'ARGOS', field: 'Items' });
    expect(err.message).toMatch(/GET \/submission .*Items/);
    expect(err.message).not.toContain('Minjun');
  });
});

describe('the Argos sandbox as Argos behaves', () => {
  let server: TestServer;
  let sim: ArgosSimulator;
  let adapter: ArgosAdapter;
  let seed = 5000;
  beforeAll(async () => {
    server = await startServer({ ARGOS_TIMEOUT_MS: '2000' });
    adapter = server.app.adapters.get('ARGOS') as ArgosAdapter;
    sim = adapter.simulator!;
  });
  afterAll(() => server.close());
  beforeEach(() => {
    sim.collectAddress = false;
  });
  const input = (over: Partial<SubmitArgosDocumentInput> = {}): SubmitArgosDocumentInput => ({ subjectId: 'fidelity', email: `fid${++seed}@example.com`, idType: 'PASSPORT', issuingCountry: 'KOR', idImage: null, ...over });
  const submit = (front: Buffer, over: Partial<SubmitArgosDocumentInput> = {}) =>
    uploadRequest(`${server.url}/graphql`, SubmitArgosDocumentDocument, { input: input(over) }, { 'input.idImage': { bytes: front, name: 'front.png', type: 'image/png' } });
  const confirm = (over: Partial<ConfirmArgosSubmissionInput> & { submissionId: string }, files: Record<string, Buffer> = {}) =>
    uploadRequest(
      `${server.url}/graphql`,
      ConfirmArgosSubmissionDocument,
      { input: { name: 'Minjun Kim', dateOfBirth: '1990-01-02', faceImage: null, ...over } },
      Object.fromEntries(Object.entries({ 'input.faceImage': png(960, 720, ++seed), ...files }).map(([k, bytes]) => [k, { bytes, name: 'x.png', type: 'image/png' }])),
    );

  it('a readable image smaller than 640×480 is read, not failed for its size', async () => {
    const v = ok(await submit(png(320, 240, ++seed))).submitArgosDocument;
    expect(v).toMatchObject({ status: 'IN_PROGRESS', retriesLeft: 3 });
    expect(v.details).toMatchObject({ nextStep: 'CONFIRM', reviewOCRData: { acceptedOcrName: true } });
  });

  it('sends `created` for a new submission and `retry` (retryCode, attempts) for an unreadable one; the adapter records them', async () => {
    const from = sim.triggersSent.length;
    const v = ok(await submit(png(100, 80, ++seed))).submitArgosDocument;
    expect(v).toMatchObject({ status: 'RETRY_REQUIRED', reviewReason: 'mrz_protocol_fail' });
    await until(() => sim.triggersSent.length >= from + 2);
    expect(sim.triggersSent.slice(from)).toEqual(['created', 'retry']);
    // the retry webhook's body as Argos documents it
    const body = (sim as unknown as { webhookBody(s: unknown, t: string): Record<string, unknown> }).webhookBody(
      (sim as unknown as { submissions: Map<string, unknown> }).submissions.get(v.providerRef),
      'retry',
    );
    expect(body).toMatchObject({ webhook_trigger: 'retry', retryCode: 'mrz_protocol_fail', attempts: 1, kyc_result: { status: 'incomplete' } });
    expect((body.kyc_result as { created_at: string }).created_at).toMatch(/^\d{4}(-\d{2}){5}-\d{3}$/);
  });

  it('a status refresh reads the GET item: attempts, image links, reject codes', async () => {
    const v = ok(await submit(png(100, 80, ++seed))).submitArgosDocument;
    const [view] = await adapter.fetchVerifications([v.providerRef]);
    expect(view).toMatchObject({ status: 'RETRY_REQUIRED', providerStatus: 'incomplete', retriesLeft: 2 });
    const d = (view as unknown as { details: ArgosDetailsShape }).details;
    expect(d.attempts).toEqual([{ attemptCnt: 1, retryCode: ['mrz_protocol_fail'], retryMsg: [expect.any(String)], livenessScore: null }]);
    expect(d.images?.idImage).toMatch(/\/sandbox\/argos\/images\/.+\/idImage\.png$/);
    expect(d.submittedAt).toMatch(/Z$/);
    const rejected = ok(await submit(png(800, 600, ++seed))).submitArgosDocument;
    expect((await server.advance('argos', rejected.providerRef, 'rejected', { comment: 'id_info_dataMismatch' })).status).toBe(200);
    const [r] = await adapter.fetchVerifications([rejected.providerRef]);
    expect(r).toMatchObject({ status: 'DECLINED', reviewReason: 'id_info_dataMismatch', details: { rejectCodes: ['id_info_dataMismatch'], comments: ['The submitted data does not match the ID.'] } });
  });

  it('with the collect-address option, step 2 needs the address and its image (the two address errors)', async () => {
    sim.collectAddress = true;
    const v = ok(await submit(png(800, 600, ++seed))).submitArgosDocument;
    const noAddress = await confirm({ submissionId: v.providerRef });
    expect(firstError(noAddress)?.extensions).toMatchObject({ code: 'PROVIDER_REJECTED', providerErrorType: 'missing address data parameters', field: 'input.address' });
    const noImage = await confirm({ submissionId: v.providerRef, address: { formattedAddress: '1 Sejong-daero, Seoul' } });
    expect(firstError(noImage)?.extensions).toMatchObject({ code: 'PROVIDER_REJECTED', providerErrorType: 'invalid or missing an address image', field: 'input.addressImage' });
    const done = ok(await confirm({ submissionId: v.providerRef, address: { globalCode: '8Q98HXR4+2V' } }, { 'input.addressImage': png(800, 600, ++seed) })).confirmArgosSubmission;
    expect(done).toMatchObject({ status: 'IN_REVIEW' });
    expect(sim.lastFields).toMatchObject({ globalCode: '8Q98HXR4+2V' });
    expect(sim.lastFiles.addressImage).toBeDefined();
  });

  it('a step 1 answer that does not match fails as PROVIDER_UNAVAILABLE naming the field, and stores nothing', async () => {
    const fake = createServer(async (req, res) => {
      for await (const _ of req);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ submission_id: 'x', kycStatus: 'incomplete', retryCount: 0 }));
    });
    await new Promise<void>((r) => fake.listen(0, '127.0.0.1', r));
    const options = (adapter.client as unknown as { options: { baseUrl: () => string } }).options;
    const real = options.baseUrl;
    options.baseUrl = () => `http://127.0.0.1:${(fake.address() as AddressInfo).port}`;
    try {
      const res = await submit(png(800, 600, ++seed), { subjectId: 'never-stored' });
      expect(firstError(res)?.extensions).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', provider: 'ARGOS', field: 'submissionId' });
    } finally {
      options.baseUrl = real;
      await new Promise<void>((r) => fake.close(() => r()));
    }
    expect(ok(await server.gql(SubjectVerificationsDocument, { id: 'never-stored' })).subject?.verifications.totalCount ?? 0).toBe(0);
  });
});
