// Argos end to end: multipart GraphQL mutations → simulator over real HTTP (streamed multipart)
// → OCR, retries, step 2, reviewer webhooks → graphql-ws subscribers; expiry and status refresh.
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ArgosAdapter } from '../src/providers/argos/index.js';
import { simulateOcr, type ArgosSimulator } from '../src/providers/argos/simulator.js';
import { basicAuthorization } from '../src/providers/argos/webhook.js';
import {
  ArgosUpdatesDocument,
  ArgosVerificationDocument,
  ConfirmArgosSubmissionDocument,
  type ConfirmArgosSubmissionInput,
  SubmitArgosDocumentDocument,
  type SubmitArgosDocumentInput,
} from './generated/graphql.js';
import { png, sha256, uploadRequest } from './support/argos.js';
import { firstError, ok, subscribe, until, wsClient } from './support/client.js';
import { startServer, type TestServer, withProviderDeadline } from './support/server.js';
import { watchWebhook } from './support/webhooks.js';

let server: TestServer;
let sim: ArgosSimulator;
let adapter: ArgosAdapter;
let seed = 100;

const FRONT = () => png(800, 600, ++seed);
const input = (over: Partial<SubmitArgosDocumentInput> = {}): SubmitArgosDocumentInput => ({
  subjectId: 'argos-user',
  email: `applicant${++seed}@example.com`,
  idType: 'PASSPORT',
  issuingCountry: 'KOR',
  idImage: null,
  ...over,
});

async function submit(over: Partial<SubmitArgosDocumentInput> = {}, front: Buffer = FRONT(), back?: Buffer) {
  const files = { 'input.idImage': { bytes: front, name: 'front.png', type: 'image/png' }, ...(back ? { 'input.idBackImage': { bytes: back, name: 'back.png', type: 'image/png' } } : {}) };
  return uploadRequest(`${server.url}/graphql`, SubmitArgosDocumentDocument, { input: input(over) }, files);
}

async function confirm(over: Partial<ConfirmArgosSubmissionInput> & { submissionId: string }, face: Buffer = png(960, 720, ++seed)) {
  const vars: ConfirmArgosSubmissionInput = { name: 'Minjun Kim', dateOfBirth: '1990-01-02', faceImage: null, ...over };
  return uploadRequest(`${server.url}/graphql`, ConfirmArgosSubmissionDocument, { input: vars }, { 'input.faceImage': { bytes: face, name: 'selfie.png', type: 'image/png' } });
}

beforeAll(async () => {
  server = await startServer();
  adapter = server.app.adapters.get('ARGOS') as ArgosAdapter;
  sim = adapter.simulator!;
});
afterAll(() => server.close());

describe('Argos step 1: submitting ID images', () => {
  it('uploads front and back as multipart form-data and returns the OCR data the simulator derives from the front image', async () => {
    const front = FRONT();
    const back = png(800, 600, 7);
    const before = sim.requests.step1;
    const res = await submit({ subjectId: 's1', issuingCountry: 'KR', userid: 'u-77', cf1: 'a', cf2: 'b', cf3: 'c', customOptions: { rejectDuplicateUser: false, ageLimit: false } }, front, back);
    const v = ok(res).submitArgosDocument;
    expect(sim.requests.step1).toBe(before + 1);
    // the bytes arrived intact, with the type decided by their content
    expect(sim.lastFiles.idImage).toMatchObject({ sha256: sha256(front), size: front.length, type: 'image/png' });
    expect(sim.lastFiles.idBackImage).toMatchObject({ sha256: sha256(back), type: 'image/png' });
    // the seed's wire values: lower-case idType, alpha-3 country, customOptions as a JSON string
    expect(sim.lastFields).toMatchObject({ idType: 'passport', issuingCountry: 'KOR', userid: 'u-77', cf1: 'a', cf2: 'b', cf3: 'c' });
    expect(JSON.parse(sim.lastFields.customOptions)).toEqual({ rejectDuplicateUser: false, ageLimit: false });
    const ocr = simulateOcr(front, 'KOR').reviewOCRData;
    expect(v).toMatchObject({ provider: 'ARGOS', subjectId: 's1', status: 'IN_PROGRESS', providerStatus: 'incomplete', retriesLeft: 3, country: 'KR', externalId: 'u-77', url: null });
    expect(v.details).toMatchObject({
      kycStatus: 'incomplete',
      nextStep: 'CONFIRM',
      retryCount: 0,
      retry: [],
      idType: 'PASSPORT',
      issuingCountry: 'KOR',
      userid: 'u-77',
      idImageUploaded: true,
      idBackImageUploaded: true,
      reviewOCRData: { ocrName: ocr.ocr_name, acceptedOcrName: true, ocrBirthDate: ocr.ocr_birthDate, ocrIdentityNumber: ocr.ocr_identityNumber, ocrNationality: 'KOR', acceptedOcrGender: ocr.accepted_ocr_gender },
      documentFields: { name: true, birthDate: true, documentNumber: false },
    });
    expect(v.identityDocument).toMatchObject({ type: 'PASSPORT', country: 'KR', firstName: ocr.ocr_firstName, lastName: ocr.ocr_lastName, dateOfBirth: ocr.ocr_birthDate, nationality: 'KR' });
    // seed: a submissionId is valid for 4 hours
    const ttl = Date.parse(v.expiresAt!) - Date.now();
    expect(ttl).toBeGreaterThan(4 * 3600_000 - 60_000);
    expect(ttl).toBeLessThanOrEqual(4 * 3600_000);
  });

  it('streams the images to Argos: the upstream body is a stream with a known content-length, not a buffer', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    try {
      const front = FRONT();
      ok(await submit({}, front));
      const call = fetchSpy.mock.calls.find(([url]) => String(url).endsWith('/sandbox/argos/v3/submission/step1'));
      expect(call).toBeDefined();
      const init = call![1] as RequestInit & { duplex?: string };
      expect(init.body).toBeInstanceOf(Readable);
      expect(init.duplex).toBe('half');
      const headers = init.headers as Record<string, string>;
      expect(headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
      expect(Number(headers['content-length'])).toBeGreaterThan(front.length);
    } finally {
      fetchSpy.mockRestore();
    }
  });

  it('predictable OCR: the same image reads the same, and an unreadable gender is reported as missing', async () => {
    // find a seed whose image has an unreadable gender (every fourth, by hash)
    let s = 5000;
    while (simulateOcr(png(800, 600, s), 'KOR').missing_fields.length === 0) s++;
    const img = png(800, 600, s);
    const v = ok(await submit({}, img)).submitArgosDocument;
    expect(v.details).toMatchObject({ missingFields: ['gender'], reviewOCRData: { acceptedOcrGender: false } });
    const again = ok(await submit({}, img)).submitArgosDocument;
    expect((again.details as { reviewOCRData: unknown }).reviewOCRData).toEqual((v.details as { reviewOCRData: unknown }).reviewOCRData);
  });

  it('an unreadable image (too small to hold a legible ID) is incomplete: RETRY_REQUIRED with the retry code; a retry with the submissionId reads it', async () => {
    const v = ok(await submit({ subjectId: 'retry-1' }, png(120, 90, 1))).submitArgosDocument;
    expect(v).toMatchObject({ status: 'RETRY_REQUIRED', providerStatus: 'incomplete', retriesLeft: 2, reviewReason: 'mrz_protocol_fail' });
    expect(v.details).toMatchObject({ nextStep: 'SUBMIT_DOCUMENT', retryCount: 1, retry: [{ retryCode: 'mrz_protocol_fail' }], reviewOCRData: null });
    const retried = ok(await submit({ subjectId: 'retry-1', submissionId: v.providerRef })).submitArgosDocument;
    expect(retried).toMatchObject({ id: v.id, status: 'IN_PROGRESS', retriesLeft: 2, expiresAt: v.expiresAt });
    expect(sim.lastFields.submissionId).toBe(v.providerRef);
    expect(retried.history.map((h) => h.status)).toEqual(['RETRY_REQUIRED', 'IN_PROGRESS']);
  });

  it('the third failed try declines the submission', async () => {
    const small = () => png(100, 100, ++seed);
    const a = ok(await submit({}, small())).submitArgosDocument;
    const b = ok(await submit({ submissionId: a.providerRef }, small())).submitArgosDocument;
    expect(b).toMatchObject({ status: 'RETRY_REQUIRED', retriesLeft: 1 });
    const c = ok(await submit({ submissionId: a.providerRef }, small())).submitArgosDocument;
    expect(c).toMatchObject({ id: a.id, status: 'DECLINED', providerStatus: 'rejected', retriesLeft: 0, reviewReason: 'too_many_retry' });
    // a declined submission cannot be retried; refused before any provider call
    const calls = sim.requests.step1;
    const d = await submit({ submissionId: a.providerRef });
    expect(firstError(d)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.submissionId' });
    expect(sim.requests.step1).toBe(calls);
  });

  it('returns the first result for a retried idempotencyKey and calls Argos once', async () => {
    const front = FRONT();
    const before = sim.requests.step1;
    const fixed = input({ idempotencyKey: 'argos-once' });
    const a = ok(await submit(fixed, front)).submitArgosDocument;
    const b = ok(await submit(fixed, front)).submitArgosDocument;
    expect(b.id).toBe(a.id);
    expect(sim.requests.step1).toBe(before + 1);
  });

  it.each([
    ['input.email', { email: 'not-an-email' }],
    ['input.issuingCountry', { issuingCountry: 'XX' }],
    ['input.issuingCountry', { issuingCountry: 'Korea' }],
    ['input.customOptions.approvePeriod', { customOptions: { approvePeriod: true } }],
    ['input.customOptions.blacklistCountries', { customOptions: { blacklistCountries: true } }],
    ['input.customOptions.ageLimit', { customOptions: { ageLimit: true } }],
    ['input.customOptions.rejectPeriod', { customOptions: { rejectPeriod: true } }],
    ['input.subjectId', { subjectId: '' }],
    ['input.cf1', { cf1: 'a\u0000b' }],
    ['input.submissionId', { submissionId: 'never-created-here' }],
  ] as const)('rejects bad input naming %s, before any provider call', async (field, over) => {
    const before = sim.requests.step1;
    const res = await submit(over as Partial<SubmitArgosDocumentInput>);
    expect(firstError(res)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(sim.requests.step1).toBe(before);
  });
});

describe('Argos step 2: confirming', () => {
  it('sends the selfie and the corrected fields; the submission goes to review, then the reviewer approves it and subscribers see each step', async () => {
    const client = wsClient(server.url);
    const subs = server.app.services.bus.subscriberCount;
    const sub = subscribe(client, ArgosUpdatesDocument, { subjectId: 'flow' });
    await until(() => server.app.services.bus.subscriberCount === subs + 1);
    const v = ok(await submit({ subjectId: 'flow' })).submitArgosDocument;
    expect((await sub.next()).verificationUpdated).toMatchObject({ previousStatus: null, verification: { id: v.id, status: 'IN_PROGRESS' } });
    const face = png(960, 720, 42);
    const c = ok(await confirm({ submissionId: v.providerRef, name: 'Minjun Kim', dateOfBirth: '1991-02-03', gender: 'MALE', nationality: 'KR', documentNumber: 'M1234567' }, face)).confirmArgosSubmission;
    expect(sim.lastFiles.faceImage.sha256).toBe(sha256(face));
    expect(sim.lastFields).toMatchObject({ submissionId: v.providerRef, name: 'Minjun Kim', date_of_birth: '1991-02-03', gender: 'male', nationality: 'KOR', document_number: 'M1234567' });
    expect(c).toMatchObject({ id: v.id, status: 'IN_REVIEW', providerStatus: 'pending', identityDocument: { firstName: 'Minjun', lastName: 'Kim', dateOfBirth: '1991-02-03', nationality: 'KR', nationalNo: 'M1234567' } });
    expect(c.details).toMatchObject({ kycStatus: 'pending', nextStep: 'WAIT', verificationResult: 'success' });
    // OCR data from step 1 is kept
    expect((c.details as { reviewOCRData: unknown }).reviewOCRData).toEqual((v.details as { reviewOCRData: unknown }).reviewOCRData);
    expect((await sub.next()).verificationUpdated).toMatchObject({ previousStatus: 'IN_PROGRESS', verification: { status: 'IN_REVIEW' } });
    const adv = await server.advance('argos', v.providerRef, 'approved');
    expect(adv.status).toBe(200);
    expect((await sub.next()).verificationUpdated).toMatchObject({ previousStatus: 'IN_REVIEW', verification: { status: 'APPROVED', providerStatus: 'approved', details: { nextStep: 'NONE' } } });
    const read = ok(await server.gql(ArgosVerificationDocument, { id: v.id })).verification!;
    expect(read).toMatchObject({ status: 'APPROVED', details: { reviewer: 'sandbox-reviewer' } });
    expect((read.details as { reviewOCRData: unknown }).reviewOCRData).toEqual((v.details as { reviewOCRData: unknown }).reviewOCRData);
    // the submit webhook that followed step 2 produced no second IN_REVIEW event
    expect(sub.events.map((e) => e.verificationUpdated.verification.status)).toEqual(['IN_PROGRESS', 'IN_REVIEW', 'APPROVED']);
    sub.close();
    await client.dispose();
  });

  it('a selfie that does not match asks for a new one (RETRY_REQUIRED, nextStep CONFIRM), and step 2 tries count toward the three', async () => {
    const v = ok(await submit()).submitArgosDocument;
    const r1 = ok(await confirm({ submissionId: v.providerRef }, png(120, 90, 3))).confirmArgosSubmission;
    expect(r1).toMatchObject({ status: 'RETRY_REQUIRED', retriesLeft: 2, reviewReason: 'face_compare_underscore', details: { nextStep: 'CONFIRM' } });
    const r2 = ok(await confirm({ submissionId: v.providerRef }, png(120, 90, 4))).confirmArgosSubmission;
    expect(r2).toMatchObject({ status: 'RETRY_REQUIRED', retriesLeft: 1 });
    const r3 = ok(await confirm({ submissionId: v.providerRef }, png(120, 90, 5))).confirmArgosSubmission;
    expect(r3).toMatchObject({ status: 'DECLINED', providerStatus: 'rejected', retriesLeft: 0 });
  });

  it('a submission that still needs ID images cannot be confirmed', async () => {
    const v = ok(await submit({}, png(120, 90, 9))).submitArgosDocument;
    const before = sim.requests.step2;
    const res = await confirm({ submissionId: v.providerRef });
    expect(firstError(res)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.submissionId' });
    expect(sim.requests.step2).toBe(before);
  });

  it.each([
    ['input.dateOfBirth', { dateOfBirth: '03/02/1991' }],
    ['input.name', { name: '' }],
    ['input.nationality', { nationality: 'ZZZ' }],
    ['input.licenseNumber', { licenseNumber: 'short' }],
  ] as const)('rejects bad step 2 input naming %s, before any provider call', async (field, over) => {
    const v = ok(await submit()).submitArgosDocument;
    const before = sim.requests.step2;
    const res = await confirm({ submissionId: v.providerRef, ...over });
    expect(firstError(res)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(sim.requests.step2).toBe(before);
  });
});

describe('Argos provider errors', () => {
  const setFault = (fault: object) =>
    fetch(`${server.url}/sandbox/argos/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fault) });
  afterAll(() => fetch(`${server.url}/sandbox/argos/faults`, { method: 'DELETE' }));

  it.each([
    [{ status: 503, times: 1 }, { code: 'PROVIDER_UNAVAILABLE', provider: 'ARGOS', httpStatus: 503 }],
    [{ status: 429, times: 1, retryAfter: 9 }, { code: 'RATE_LIMITED', provider: 'ARGOS', retryAfter: 9 }],
    [{ delayMs: 1500, status: 200, times: 1 }, { code: 'PROVIDER_UNAVAILABLE', provider: 'ARGOS' }],
  ])('Argos answering %j gives %j', async (fault, expected) => {
    await setFault(fault);
    // only the hanging answer needs a deadline shorter than its delay
    const res = await withProviderDeadline(server.app, 'ARGOS', 'delayMs' in fault ? 300 : server.config.providers.argos.timeoutMs, () => submit());
    expect(firstError(res)?.extensions).toMatchObject(expected);
    // the simulator finishes the answer we gave up on before the next test starts
    await until(() => sim.requests.inFlight === 0);
  });

  it('a duplicate of an approved applicant is PROVIDER_REJECTED with the Argos error type, and the email is not echoed', async () => {
    const email = `dup${++seed}@example.com`;
    const v = ok(await submit({ email })).submitArgosDocument;
    expect((await server.advance('argos', v.providerRef, 'approved')).status).toBe(200);
    const res = await submit({ email });
    expect(firstError(res)?.extensions).toMatchObject({ code: 'PROVIDER_REJECTED', provider: 'ARGOS', httpStatus: 400, providerErrorType: 'already approved' });
    expect(JSON.stringify(res.errors)).not.toContain(email);
    // the seed's customOptions turn the prevention period off for one submission
    ok(await submit({ email, customOptions: { approvePeriod: false } }));
  });

  it('a wrong API key is PROVIDER_REJECTED (invalid api key)', async () => {
    const client = adapter.client as unknown as { options: { apiKey: string } };
    const real = client.options.apiKey;
    client.options.apiKey = 'wrong';
    try {
      const res = await submit();
      expect(firstError(res)?.extensions).toMatchObject({ code: 'PROVIDER_REJECTED', httpStatus: 401, providerErrorType: 'invalid api key' });
    } finally {
      client.options.apiKey = real;
    }
  });
});

describe('the Argos webhook endpoint', () => {
  const post = (body: string, authorization?: string) =>
    fetch(`${server.url}/webhooks/argos`, { method: 'POST', headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) }, body });
  const secret = () => server.config.providers.argos.webhookSecrets[0];
  const body = (submissionId: string, status: string, trigger: string, extra: object = {}) =>
    JSON.stringify({ webhook_trigger: trigger, submission_id: submissionId, kyc_result: { status, created_at: new Date().toISOString(), updated_at: new Date().toISOString(), ...extra } });

  it('a webhook without the right Basic credentials is rejected before parsing and changes nothing', async () => {
    const v = ok(await submit()).submitArgosDocument;
    const b = body(v.providerRef, 'approved', 'approved');
    const hook = watchWebhook(server.app, b, v.providerRef);
    try {
      expect((await post(b, basicAuthorization('not-the-secret'))).status).toBe(401);
      expect((await post(b)).status).toBe(401);
      expect((await post(b, 'Bearer x')).status).toBe(401);
      expect([hook.parsed, hook.recorded]).toEqual([0, 0]);
      expect(ok(await server.gql(ArgosVerificationDocument, { id: v.id })).verification!.status).toBe('IN_PROGRESS');
      // the watch sees an authenticated delivery: parsed and recorded once
      expect((await post(b, basicAuthorization(secret()))).status).toBe(200);
      expect([hook.parsed, hook.recorded]).toEqual([1, 1]);
    } finally {
      hook.restore();
    }
  });

  it('a duplicate delivery produces one subscription event; a rejection carries its reject code', async () => {
    const v = ok(await submit({ subjectId: 'wh-dup' })).submitArgosDocument;
    const client = wsClient(server.url);
    const subs = server.app.services.bus.subscriberCount;
    const sub = subscribe(client, ArgosUpdatesDocument, { subjectId: 'wh-dup' });
    await until(() => server.app.services.bus.subscriberCount === subs + 1);
    const b = body(v.providerRef, 'rejected', 'rejected', { comment: 'id_info_dataMismatch', reviewer: 'ops' });
    const replies = await Promise.all([post(b, basicAuthorization(secret())), post(b, basicAuthorization(secret()))]);
    expect(replies.map((r) => r.status)).toEqual([200, 200]);
    const e = (await sub.next()).verificationUpdated;
    expect(e).toMatchObject({ previousStatus: 'IN_PROGRESS', verification: { status: 'DECLINED', providerStatus: 'rejected', reviewReason: 'id_info_dataMismatch' } });
    // barrier: a later change for the same subject; a second event of the duplicate would come before it
    const later = ok(await submit({ subjectId: 'wh-dup' })).submitArgosDocument;
    expect((await sub.next()).verificationUpdated.verification.id).toBe(later.id);
    expect(sub.events.filter((x) => x.verificationUpdated.verification.id === v.id)).toHaveLength(1);
    sub.close();
    await client.dispose();
  });

  it('refuses a malformed body with 400 and acknowledges triggers that change no status', async () => {
    const auth = basicAuthorization(secret());
    expect((await post('{"webhook_trigger":"approved"}', auth)).status).toBe(400);
    expect((await post('not json', auth)).status).toBe(400);
    expect((await post(JSON.stringify({ webhook_trigger: 'aml', submission_id: 'x' }), auth)).status).toBe(200);
  });

  it('the sandbox reviewer page and advance follow the Argos lifecycle', async () => {
    const v = ok(await submit()).submitArgosDocument;
    const page = await fetch(`${server.url}/sandbox/argos/app/${v.providerRef}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(v.providerRef);
    expect((await server.advance('argos', v.providerRef, 'pending')).status).toBe(200);
    expect((await server.advance('argos', v.providerRef, 'incomplete')).status).toBe(409);
    expect((await server.advance('argos', v.providerRef, 'rejected', { comment: 'expired_id' })).status).toBe(200);
    expect((await server.advance('argos', v.providerRef, 'approved')).status).toBe(409);
    expect((await server.advance('argos', v.providerRef, 'nope')).status).toBe(400);
    expect((await server.advance('argos', 'no-such', 'approved')).status).toBe(404);
    expect(ok(await server.gql(ArgosVerificationDocument, { id: v.id })).verification).toMatchObject({ status: 'DECLINED', reviewReason: 'expired_id' });
  });
});
