// UpPass end to end: GraphQL mutation → simulator over real HTTP → Submission webhook (Basic Auth)
// → graphql-ws subscriber; every documented UpPass error mapped; every bad input refused first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UpPassSimulator } from '../src/providers/uppass/simulator.js';
import {
  GetUpPassVerificationDocument,
  ListVerificationsDocument,
  ResendUpPassWebhookDocument,
  StartPawaPassDocument,
  StartUpPassDocument,
  type StartUpPassVerificationInput,
  UpPassUpdatedDocument,
} from './generated/graphql.js';
import { firstError, ok, subscribe, until, wsClient } from './support/client.js';
import { startServer, type TestServer, withProviderDeadline } from './support/server.js';

let server: TestServer;
let sim: UpPassSimulator;
let n = 0;

const input = (over: Partial<StartUpPassVerificationInput> = {}): StartUpPassVerificationInput => ({
  subjectId: 'u1',
  formSlug: 'kyc-onboarding',
  lang: 'en',
  answers: { ekyc_document_type: 'passport', customer_id: `uuid_${++n}` },
  ...over,
});
const start = async (over: Partial<StartUpPassVerificationInput> = {}) => ok(await server.gql(StartUpPassDocument, { input: input(over) })).startUpPassVerification;
const get = async (id: string) => ok(await server.gql(GetUpPassVerificationDocument, { id })).verification!;
const post = (path: string, body: unknown, method = 'POST') =>
  fetch(`${server.url}/sandbox/uppass${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });

beforeAll(async () => {
  server = await startServer();
  sim = server.app.adapters.get('UPPASS')!.simulator as UpPassSimulator;
});
afterAll(() => server.close());

describe('starting an UpPass verification', () => {
  it('creates a form application over HTTP and returns the Verification whose url is the form_url and providerRef the slug', async () => {
    const before = sim.requests.create;
    const v = await start({ subjectId: 'start-1' });
    expect(sim.requests.create).toBe(before + 1);
    expect(v).toMatchObject({ provider: 'UPPASS', subjectId: 'start-1', status: 'CREATED', providerStatus: 'created' });
    expect(v.url).toBe(`${server.url}/sandbox/uppass/en/form/kyc-onboarding/${v.providerRef}/?`);
    expect(v.details).toMatchObject({ formSlug: 'kyc-onboarding', lang: 'en', submittedAt: null });
    const page = await fetch(v.url!);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(v.providerRef);
    expect(html).toContain('passport');
    // the page's buttons post to the advance route, which moves the application like the person would
    expect(html).toContain(JSON.stringify(`/sandbox/uppass/${v.providerRef}/advance`));
    expect(html).toContain('data-to="accepted"');
  });

  it('accepts any form slug, no answers and the Thai form', async () => {
    const v = await start({ formSlug: 'any_flow-42', lang: 'th', answers: null });
    expect(v.url).toContain('/sandbox/uppass/th/form/any_flow-42/');
    expect((v.details as { answers: unknown[] }).answers).toEqual([]);
  });

  it('sends the predefined answers and input parameters to UpPass, which echoes them in the Submission', async () => {
    const v = await start({ answers: { ekyc_document_type: 'passport', customer_id: 'uuid_1' } });
    expect((await server.advance('uppass', v.providerRef, 'accepted')).status).toBe(200);
    const got = await get(v.id);
    const answers = Object.fromEntries((got.details as { answers: { questionKey: string; value: unknown }[] }).answers.map((a) => [a.questionKey, a.value]));
    expect(answers).toMatchObject({ ekyc_document_type: 'passport', customer_id: 'uuid_1', first_name: 'Somchai' });
    expect(got.identityDocument?.type).toBe('PASSPORT');
  });

  it('returns the same Verification for a retried idempotencyKey and creates (and pays for) one application', async () => {
    const before = sim.requests.create;
    const args = input({ idempotencyKey: 'uppass-retry' });
    const [a, b] = await Promise.all([server.gql(StartUpPassDocument, { input: args }), server.gql(StartUpPassDocument, { input: args })]);
    const c = await server.gql(StartUpPassDocument, { input: args });
    expect(ok(a).startUpPassVerification.id).toBe(ok(b).startUpPassVerification.id);
    expect(ok(c).startUpPassVerification.id).toBe(ok(a).startUpPassVerification.id);
    expect(sim.requests.create).toBe(before + 1);
    const other = await server.gql(StartUpPassDocument, { input: { ...args, formSlug: 'other-flow' } });
    expect(firstError(other)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.idempotencyKey' });
  });

  it.each([
    ['input.subjectId', { subjectId: '' }],
    ['input.formSlug', { formSlug: '' }],
    ['input.formSlug', { formSlug: '../admin' }],
    ['input.formSlug', { formSlug: 'a b' }],
    ['input.formSlug', { formSlug: 'x'.repeat(101) }],
    ['input.lang', { lang: 'english' }],
    ['input.lang', { lang: 'EN' }],
    ['input.lang', { lang: '' }],
    ['input.answers', { answers: [1, 2] }],
    ['input.answers', { answers: 'passport' }],
    ['input.answers', { answers: { 'bad key': 'x' } }],
    ['input.answers', { answers: { ekyc_document_type: 1 } }],
    ['input.answers', { answers: { note: 'a\u0000b' } }],
    ['input.answers', { answers: { blob: 'x'.repeat(70_000) } }],
    ['input.answers', { answers: Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`k${i}`, i])) }],
    ['input.idempotencyKey', { idempotencyKey: '' }],
  ] as const)('rejects bad input naming %s, before any UpPass call', async (field, over) => {
    const before = sim.requests.create;
    const res = await server.gql(StartUpPassDocument, { input: input(over as Partial<StartUpPassVerificationInput>) });
    expect(firstError(res)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(firstError(res)?.message).toContain(field);
    expect(sim.requests.create).toBe(before);
  });

  it('a missing required field is refused by GraphQL itself', async () => {
    const res = await server.gql(StartUpPassDocument, { input: { subjectId: 'x', lang: 'en' } as never });
    expect(firstError(res)?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(firstError(res)?.message).toMatch(/formSlug/);
  });
});

describe('UpPass errors', () => {
  const fault = (f: object) => post('/faults', f);
  const clear = () => fetch(`${server.url}/sandbox/uppass/faults`, { method: 'DELETE' });

  it.each([
    [400, null, { code: 'PROVIDER_REJECTED', provider: 'UPPASS', httpStatus: 400, providerErrorType: 'ParseError' }],
    [401, null, { code: 'PROVIDER_REJECTED', httpStatus: 401, providerErrorType: 'AuthenticationFailed' }],
    [401, 'NotAuthenticated', { code: 'PROVIDER_REJECTED', httpStatus: 401, providerErrorType: 'NotAuthenticated' }],
    [403, null, { code: 'PROVIDER_REJECTED', httpStatus: 403, providerErrorType: 'PermissionDenied' }],
    [404, null, { code: 'PROVIDER_REJECTED', httpStatus: 404, providerErrorType: 'NotFound' }],
    [404, 'Http404', { code: 'PROVIDER_REJECTED', httpStatus: 404, providerErrorType: 'Http404' }],
    [405, null, { code: 'PROVIDER_REJECTED', httpStatus: 405, providerErrorType: 'MethodNotAllowed' }],
    [406, null, { code: 'PROVIDER_REJECTED', httpStatus: 406, providerErrorType: 'NotAcceptable' }],
    [415, null, { code: 'PROVIDER_REJECTED', httpStatus: 415, providerErrorType: 'UnsupportedMediaType' }],
    [422, null, { code: 'BAD_USER_INPUT', field: 'input', provider: 'UPPASS', httpStatus: 422, providerErrorType: 'ValidationError' }],
    [431, null, { code: 'PROVIDER_REJECTED', httpStatus: 431, providerErrorType: 'RequestHeaderFieldsTooLarge' }],
    [500, null, { code: 'PROVIDER_UNAVAILABLE', provider: 'UPPASS', httpStatus: 500 }],
    [500, 'Exception', { code: 'PROVIDER_UNAVAILABLE', provider: 'UPPASS', httpStatus: 500 }],
    [461, null, { code: 'PROVIDER_REJECTED', httpStatus: 461, providerErrorType: 'InsufficientCredit' }],
    [462, null, { code: 'PROVIDER_REJECTED', httpStatus: 462, providerErrorType: 'StoreScanCodeExpired' }],
    [463, null, { code: 'PROVIDER_REJECTED', httpStatus: 463, providerErrorType: 'StoreScanCodeInvalid' }],
    [464, null, { code: 'PROVIDER_REJECTED', httpStatus: 464, providerErrorType: 'TermLoanExpired' }],
    [465, null, { code: 'PROVIDER_REJECTED', httpStatus: 465, providerErrorType: 'ReturnAmountExceedCreditUsage' }],
  ] as const)('UpPass answering %i %s becomes %j, stores nothing and releases the idempotency key', async (status, type, expected) => {
    const subjectId = `err-${status}-${type}`;
    await fault({ status, type, times: 1 });
    const res = await server.gql(StartUpPassDocument, { input: input({ subjectId, idempotencyKey: subjectId }) });
    expect(firstError(res)?.extensions).toMatchObject(expected);
    expect(JSON.stringify(res)).not.toContain(server.config.providers.uppass.apiKey);
    expect(ok(await server.gql(ListVerificationsDocument, { filter: { subjectId } })).verifications.edges).toHaveLength(0);
    await clear();
    ok(await server.gql(StartUpPassDocument, { input: input({ subjectId, idempotencyKey: subjectId }) }));
  });

  it('429 Throttled becomes RATE_LIMITED with the Retry-After seconds', async () => {
    await fault({ status: 429, times: 1, retryAfter: 9 });
    const res = await server.gql(StartUpPassDocument, { input: input() });
    expect(firstError(res)?.extensions).toMatchObject({ code: 'RATE_LIMITED', provider: 'UPPASS', retryAfter: 9 });
  });

  it('a call beyond the deadline becomes PROVIDER_UNAVAILABLE', async () => {
    await fault({ delayMs: 1200, times: 1 });
    const res = await withProviderDeadline(server.app, 'UPPASS', 300, () => server.gql(StartUpPassDocument, { input: input() }));
    expect(firstError(res)?.extensions).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', provider: 'UPPASS' });
    await until(() => sim.requests.inFlight === 0); // the simulator finishes the answer we gave up on
  });

  it('a sandbox workspace that runs out of credit answers 461 InsufficientCredit until topped up', async () => {
    expect((await post('/workspace', { credit: 1 })).status).toBe(200);
    ok(await server.gql(StartUpPassDocument, { input: input() }));
    const res = await server.gql(StartUpPassDocument, { input: input() });
    expect(firstError(res)?.extensions).toMatchObject({ code: 'PROVIDER_REJECTED', provider: 'UPPASS', httpStatus: 461, providerErrorType: 'InsufficientCredit' });
    expect(firstError(res)?.message).toContain('Insufficient Credit');
    expect((await post('/workspace', { credit: null })).status).toBe(200);
    ok(await server.gql(StartUpPassDocument, { input: input() }));
  });

  it("UpPass's own 422 field error becomes BAD_USER_INPUT naming the answer", async () => {
    const res = await server.gql(StartUpPassDocument, { input: input({ answers: { ekyc_document_type: 'library_card' } }) });
    expect(firstError(res)?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.answers.ekyc_document_type',
      provider: 'UPPASS',
      httpStatus: 422,
      providerErrorType: 'ValidationError',
    });
    expect(firstError(res)?.message).not.toContain('library_card');
  });

  it('a language UpPass does not serve is NOT FOUND at UpPass (Http404)', async () => {
    const res = await server.gql(StartUpPassDocument, { input: input({ lang: 'fr' }) });
    expect(firstError(res)?.extensions).toMatchObject({ code: 'PROVIDER_REJECTED', httpStatus: 404, providerErrorType: 'Http404' });
  });

  it('a wrong api_token is 401 AuthenticationFailed and the token never appears in the error', async () => {
    const client = (server.app.adapters.get('UPPASS') as unknown as { client: { options: { apiToken: string } } }).client;
    const token = client.options.apiToken;
    client.options.apiToken = 'wrong-token';
    try {
      const res = await server.gql(StartUpPassDocument, { input: input() });
      expect(firstError(res)?.extensions).toMatchObject({ code: 'PROVIDER_REJECTED', httpStatus: 401, providerErrorType: 'AuthenticationFailed' });
      expect(JSON.stringify(res)).not.toContain('wrong-token');
    } finally {
      client.options.apiToken = token;
    }
  });
});

describe('UpPass results reach subscribers', () => {
  it('a graphql-ws subscriber by subjectId sees creation, the form opened, submission for review and acceptance', async () => {
    const client = wsClient(server.url);
    const subs = server.app.services.bus.subscriberCount;
    const sub = subscribe(client, UpPassUpdatedDocument, { subjectId: 'ws-uppass', provider: 'UPPASS' });
    await until(() => server.app.services.bus.subscriberCount === subs + 1);
    // another provider's event for the same subject is filtered out by `provider`
    ok(await server.gql(StartPawaPassDocument, { input: { subjectId: 'ws-uppass', externalId: 'e', requirements: [{ type: 'DOCUMENT_SCAN' }], successUrl: 'https://x.test/s', errorUrl: 'https://x.test/e', supportUrl: 'https://x.test/h' } }));
    const v = await start({ subjectId: 'ws-uppass' });
    expect((await sub.next()).verificationUpdated).toMatchObject({ previousStatus: null, verification: { id: v.id, provider: 'UPPASS', status: 'CREATED' } });

    expect((await server.advance('uppass', v.providerRef, 'in_progress')).status).toBe(200);
    expect((await server.advance('uppass', v.providerRef, 'review_needed')).status).toBe(200);
    expect((await server.advance('uppass', v.providerRef, 'accepted')).status).toBe(200);

    const opened = (await sub.next()).verificationUpdated;
    expect(opened).toMatchObject({ previousStatus: 'CREATED', verification: { status: 'IN_PROGRESS', providerStatus: 'in_progress' } });
    const review = (await sub.next()).verificationUpdated;
    expect(review).toMatchObject({
      previousStatus: 'IN_PROGRESS',
      verification: { status: 'IN_REVIEW', providerStatus: 'review_needed', details: { ekycStatus: 'need_review', lastEventType: 'submit_form', faceCompare: { score: 0.71, status: 'need_review' } } },
    });
    expect(review.verification.faceScan?.createdAt).toBeTruthy();
    const accepted = (await sub.next()).verificationUpdated;
    expect(accepted).toMatchObject({ previousStatus: 'IN_REVIEW', verification: { status: 'APPROVED', providerStatus: 'accepted', details: { lastEventType: 'update_status' } } });
    expect(sub.events).toHaveLength(4);
    sub.close();
    await client.dispose();

    const got = await get(v.id);
    expect(got.history.map((h) => h.providerStatus)).toEqual(['created', 'in_progress', 'review_needed', 'accepted']);
    expect(got.url).toBe(v.url); // the webhook carries no form url; the one from Create Form is kept
  });

  it('an accepted submission maps extra.ekyc, answers and the bank statement summary', async () => {
    const v = await start();
    expect((await server.advance('uppass', v.providerRef, 'accepted')).status).toBe(200);
    const got = await get(v.id);
    expect(got).toMatchObject({ status: 'APPROVED', providerStatus: 'accepted', reviewReason: null, identityDocument: { type: 'PASSPORT' } });
    expect(got.faceScan?.createdAt).toBeTruthy();
    const d = got.details as any;
    expect(d).toMatchObject({
      formSlug: 'kyc-onboarding',
      lang: 'en',
      ekycStatus: 'pass',
      lastEventType: 'submit_form',
      faceCompare: { score: 0.94, status: 'pass' },
      documentCheck: { type: 'passport', attempts: [{ attempt: 1, status: 'pass', type: 'passport' }] },
      bankStatement: { validationPass: true, documentCount: 2, validation: { validation_transaction_min_month: true } },
    });
    expect(d.applicationNo).toMatch(/^APP-/);
    expect(d.liveness.attempts).toHaveLength(1);
    expect(d.liveness.attempts[0].images.map((i: { action: string }) => i.action)).toEqual(['blink', 'turn_left']);
    expect((await fetch(d.documentCheck.faceImageUrl)).headers.get('content-type')).toBe('image/png');
  });

  it('a rejected submission is DECLINED with the failed attempt as reason and a failing bank statement', async () => {
    const v = await start();
    expect((await server.advance('uppass', v.providerRef, 'rejected')).status).toBe(200);
    const got = await get(v.id);
    expect(got).toMatchObject({ status: 'DECLINED', providerStatus: 'rejected', reviewReason: 'Liveness check failed' });
    expect(got.details).toMatchObject({ ekycStatus: 'fail', faceCompare: { status: 'fail' }, bankStatement: { validationPass: false, documentCount: 2 } });
    expect((got.details as any).liveness.attempts).toHaveLength(2);
  });

  it('a complete application follows other_status.ekyc', async () => {
    const pass = await start();
    expect((await server.advance('uppass', pass.providerRef, 'complete')).status).toBe(200);
    expect(await get(pass.id)).toMatchObject({ status: 'APPROVED', providerStatus: 'complete' });
    const fail = await start();
    expect((await server.advance('uppass', fail.providerRef, 'complete', { ekyc: 'fail' })).status).toBe(200);
    expect(await get(fail.id)).toMatchObject({ status: 'DECLINED', providerStatus: 'complete' });
    const review = await start();
    expect((await server.advance('uppass', review.providerRef, 'complete', { ekyc: 'need_review' })).status).toBe(200);
    expect(await get(review.id)).toMatchObject({ status: 'IN_REVIEW', providerStatus: 'complete' });
  });

  it('a form that drops off before submission EXPIRES', async () => {
    const v = await start();
    await server.advance('uppass', v.providerRef, 'in_progress');
    expect((await server.advance('uppass', v.providerRef, 'expired')).status).toBe(200);
    expect(await get(v.id)).toMatchObject({ status: 'EXPIRED', providerStatus: 'expired', details: { lastEventType: 'drop_off' } });
  });

  it('advance jumps forward, answers 409 when the status is unreachable, 400 for an unknown one, 404 for an unknown slug', async () => {
    const v = await start();
    expect((await server.advance('uppass', v.providerRef, 'review_needed')).status).toBe(200);
    expect((await server.advance('uppass', v.providerRef, 'in_progress')).status).toBe(409);
    expect((await server.advance('uppass', v.providerRef, 'expired')).status).toBe(409); // submitted forms do not drop off
    expect((await server.advance('uppass', v.providerRef, 'rejected')).status).toBe(200);
    expect((await server.advance('uppass', v.providerRef, 'accepted')).status).toBe(409);
    expect((await server.advance('uppass', v.providerRef, 'APPROVED')).status).toBe(400);
    expect((await server.advance('uppass', v.providerRef, 'accepted', { ekyc: 'maybe' })).status).toBe(400);
    expect((await server.advance('uppass', 'no-such-slug', 'accepted')).status).toBe(404);
  });
});

describe('resending the UpPass webhook', () => {
  it('calls the resend API, which sends the webhook again (deduplicated by its new nounce: no change, no event)', async () => {
    const v = await start();
    await server.advance('uppass', v.providerRef, 'accepted');
    const resends = sim.requests.resend;
    const sent = sim.webhooksSent;
    const before = await get(v.id);
    expect(ok(await server.gql(ResendUpPassWebhookDocument, { id: v.id })).resendUpPassWebhook).toBe(true);
    expect(sim.requests.resend).toBe(resends + 1);
    expect(sim.webhooksSent).toBe(sent + 1);
    const after = await get(v.id);
    expect(after.history).toEqual(before.history);
    expect(after.details).toEqual(before.details);
  });

  it('recovers a status whose first webhook was lost', async () => {
    const v = await start();
    // our endpoint refuses the one delivery (as during a botched secret rotation); no retries
    const adapter = server.app.adapters.get('UPPASS') as unknown as { secrets: string[] };
    const options = (sim as unknown as { options: { webhookAttempts?: number } }).options;
    const secrets = adapter.secrets;
    adapter.secrets = ['rotated-away'];
    options.webhookAttempts = 1;
    try {
      expect((await server.advance('uppass', v.providerRef, 'accepted')).status).toBe(202);
    } finally {
      adapter.secrets = secrets;
      delete options.webhookAttempts;
    }
    expect((await get(v.id)).status).toBe('CREATED');
    expect(ok(await server.gql(ResendUpPassWebhookDocument, { id: v.id })).resendUpPassWebhook).toBe(true);
    expect(await get(v.id)).toMatchObject({ status: 'APPROVED', providerStatus: 'accepted', identityDocument: { type: 'PASSPORT' } });
  });

  it('refuses ids that are not UpPass verifications', async () => {
    const pawa = ok(await server.gql(StartPawaPassDocument, { input: { subjectId: 's', externalId: 'e', requirements: [{ type: 'FACE_SCAN' }], successUrl: 'https://x.test/s', errorUrl: 'https://x.test/e', supportUrl: 'https://x.test/h' } })).startPawaPassVerification;
    expect(firstError(await server.gql(ResendUpPassWebhookDocument, { id: 'garbage' }))?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(firstError(await server.gql(ResendUpPassWebhookDocument, { id: pawa.id }))?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    const unknown = Buffer.from('Verification:UPPASS:never-created', 'utf8').toString('base64url');
    expect(firstError(await server.gql(ResendUpPassWebhookDocument, { id: unknown }))?.extensions).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('maps an UpPass error of the resend call', async () => {
    const v = await start();
    await post('/faults', { status: 404, times: 1 });
    const res = await server.gql(ResendUpPassWebhookDocument, { id: v.id });
    expect(firstError(res)?.extensions).toMatchObject({ code: 'PROVIDER_REJECTED', httpStatus: 404, providerErrorType: 'NotFound' });
  });
});
