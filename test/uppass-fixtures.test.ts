// UpPass against its own documented examples (test/fixtures/providers/uppass, copied from
// seeds/uppass-api.txt): schemas and mapping on the seed's bodies, answers that do not match
// failing as PROVIDER_UNAVAILABLE with the field path and storing nothing, webhook Basic Auth
// with a known-answer vector, and a portal set to "No Auth" (UPPASS_WEBHOOK_AUTH=none).
import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { isKycError } from '../src/errors.js';
import { WebhookFormatError } from '../src/providers/contract.js';
import { parseAnswer, setAnswerLogger } from '../src/providers/parse.js';
import { RESEND_WEBHOOK_SEGMENT, toError } from '../src/providers/uppass/client.js';
import {
  createdView,
  UpPassCreateFormRequestSchema,
  UpPassCreateFormResponseSchema,
  UpPassResendResponseSchema,
  UpPassWebhookSchema,
  type UpPassDetailsShape,
} from '../src/providers/uppass/mapper.js';
import { basicAuthHeader, parse, verify } from '../src/providers/uppass/webhook.js';
import { newApiKey } from '../src/server/auth.js';
import { ListVerificationsDocument, StartUpPassDocument } from './generated/graphql.js';
import { ok } from './support/client.js';
import { fakeProvider, type FakeProvider, fixture } from './support/fixtures.js';
import { startServer, type TestServer } from './support/server.js';

const U = 'uppass';
const raw = (body: unknown) => Buffer.from(JSON.stringify(body));
const clone = <T>(x: T): T => structuredClone(x);

describe('UpPass schemas and mapping on the seed examples', () => {
  it('the seed Create Form request bodies are what the client sends', () => {
    for (const name of ['create-form.request.json', 'create-form.request-passport.json', 'create-form.request-input-parameters.json']) {
      expect(UpPassCreateFormRequestSchema.safeParse(fixture(U, name)).success, name).toBe(true);
    }
  });

  it('the seed Create Form response maps to a CREATED verification at form_url', () => {
    const res = parseAnswer('UPPASS', 'Create Form response', UpPassCreateFormResponseSchema, fixture(U, 'create-form.response.json'));
    const view = createdView(res, 'en');
    expect(view).toMatchObject({ providerRef: '{slug}', status: 'CREATED', providerStatus: 'created', url: '{UPPASS_HOSTNAME}/en/form/{form_slug}/{slug}/?' });
    expect(view.details).toMatchObject({ formSlug: '{form_slug}', lang: 'en', step: '{current_step}', section: '{current_section}', submittedAt: null });
  });

  it('a webhook without a nounce is keyed by the SHA-256 of its bytes (known answer: printf %s <body> | sha256sum)', () => {
    const body = '{"event":{"type":"update_status","created_at":"2026-11-25T11:00:00Z"},"application":{"id":1,"no":"A","form":"f","slug":"s-1","status":"accepted","other_status":{"ekyc":"pass"},"submitted_at":"2026-11-25T10:00:00Z"}}';
    const [event] = parse({ rawBody: Buffer.from(body), headers: {} });
    expect(event.eventId).toBe('s-1:update_status:sha256:f032b6a83faa50d67379d57a44b8ad6a186d3dd6068d117d3d6f72d5282a374b');
  });

  it('the seed Submission webhook parses and every documented part reaches the view', () => {
    const body = fixture(U, 'webhook-submission.json');
    const [event] = parse({ rawBody: raw(body), headers: {} });
    expect(event.kind).toBe('verification');
    if (event.kind !== 'verification') return;
    // dedup key: application.slug : event.type : event.nounce
    expect(event.eventId).toBe('string:string:string');
    const v = event.view;
    expect(v.providerRef).toBe('string');
    expect(v.providerStatus).toBe('string');
    // an unknown status with submitted_at set is in review (README, status mapping)
    expect(v.status).toBe('IN_REVIEW');
    expect(v.identityDocument?.type).toBe('string');
    const d = v.details as UpPassDetailsShape;
    expect(d).toMatchObject({ formSlug: 'string', applicationId: 0, applicationNo: 'string', ekycStatus: 'string', lastEventType: 'string' });
    expect(d.answers.map((a) => a.questionKey)).toEqual(['question_key_1', 'question_key_2']);
    expect(d.answers[0].value).toBe('string');
    expect(d.liveness).toMatchObject({ url: 'string', attempts: [{ id: 0, attempt: 0, status: 'string', message: 'string', images: [{ url: 'string', action: 'string' }] }] });
    expect(d.faceCompare).toEqual({ score: 0, status: 'string' });
    expect(d.documentCheck).toMatchObject({ url: 'string', type: 'string', faceImageUrl: 'string', attempts: [{ id: 0, url: 'string', type: 'string', status: 'string', attempt: 0 }] });
    expect(d.bankStatement).toMatchObject({ id: 0, validationPass: true, documentCount: 1 });
    expect(d.bankStatement?.validation).toEqual({ validation_transaction_min_month: true, validation_transaction_latest_after: true, validation_transaction_oldest_before: true });
  });

  it('the seed resend-webhook answer (event + application) parses', () => {
    const res = parseAnswer('UPPASS', 'resend webhook response', UpPassResendResponseSchema, fixture(U, 'resend-webhook.response.json'));
    expect(res.application.slug).toBe('string');
    expect(res.event.type).toBe('string');
  });

  it('a Submission that differs from the seed is refused naming the field path, before anything is recorded', () => {
    const noSlug = clone(fixture<Record<string, any>>(U, 'webhook-submission.json'));
    delete noSlug.application.slug;
    expect(() => parse({ rawBody: raw(noSlug), headers: {} })).toThrow(WebhookFormatError);
    expect(() => parse({ rawBody: raw(noSlug), headers: {} })).toThrow(/application\.slug/);
    const badAttempt = clone(fixture<Record<string, any>>(U, 'webhook-submission.json'));
    badAttempt.extra.ekyc.liveness.attempts[0].attempt = '1';
    expect(() => parse({ rawBody: raw(badAttempt), headers: {} })).toThrow(/extra\.ekyc\.liveness\.attempts\[0\]\.attempt/);
    expect(UpPassWebhookSchema.safeParse(badAttempt).success).toBe(false);
  });
});

describe('UpPass documented errors', () => {
  const answer = (status: number, body: unknown) => ({ status, headers: new Headers(), text: JSON.stringify(body), json: () => body });

  it('the seed 422 example ({"input": ["Input is invalid."]}) is BAD_USER_INPUT naming the field, without echoing the message', () => {
    const err = toError(answer(422, fixture(U, 'error-422.response.json')));
    expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input', provider: 'UPPASS', httpStatus: 422, providerErrorType: 'ValidationError' });
    expect(err.message).not.toContain('Input is invalid');
  });

  it('every documented status of the seed error tables maps to one code', () => {
    // seeds/uppass-api.txt l.45-69
    const table: [number, string, string][] = [
      [400, 'ParseError', 'PROVIDER_REJECTED'], [401, 'AuthenticationFailed', 'PROVIDER_REJECTED'], [403, 'PermissionDenied', 'PROVIDER_REJECTED'],
      [404, 'NotFound', 'PROVIDER_REJECTED'], [405, 'MethodNotAllowed', 'PROVIDER_REJECTED'], [406, 'NotAcceptable', 'PROVIDER_REJECTED'],
      [415, 'UnsupportedMediaType', 'PROVIDER_REJECTED'], [429, 'Throttled', 'RATE_LIMITED'], [431, 'RequestHeaderFieldsTooLarge', 'PROVIDER_REJECTED'],
      [461, 'InsufficientCredit', 'PROVIDER_REJECTED'], [462, 'StoreScanCodeExpired', 'PROVIDER_REJECTED'], [463, 'StoreScanCodeInvalid', 'PROVIDER_REJECTED'],
      [464, 'TermLoanExpired', 'PROVIDER_REJECTED'], [465, 'ReturnAmountExceedCreditUsage', 'PROVIDER_REJECTED'], [500, 'APIException', 'PROVIDER_UNAVAILABLE'],
    ];
    for (const [status, type, code] of table) {
      const err = toError(answer(status, { type, detail: 'x' }));
      expect(err.extensions.code, `${status} ${type}`).toBe(code);
      if (code === 'PROVIDER_REJECTED') expect(err.extensions).toMatchObject({ httpStatus: status, providerErrorType: type });
    }
    // a body without `type`: the table's type for the status
    expect(toError(answer(401, { detail: 'Authentication credentials were not provided.' })).extensions.providerErrorType).toBe('NotAuthenticated');
    expect(toError(answer(461, {})).extensions.providerErrorType).toBe('InsufficientCredit');
  });
});

describe('an UpPass answer that does not match the documented shape', () => {
  const lines: Record<string, unknown>[] = [];
  beforeAll(() => setAnswerLogger({ warn: (obj, msg) => lines.push({ ...obj, msg }) }));

  it('fails as PROVIDER_UNAVAILABLE naming the provider and field path, logging no value', () => {
    const answer = clone(fixture<Record<string, any>>(U, 'create-form.response.json'));
    delete answer.form_url;
    answer.detail.slug = 'Somchai Jaidee 1985-02-03'; // personal data must not reach the log
    let err: unknown;
    try {
      parseAnswer('UPPASS', 'Create Form response', UpPassCreateFormResponseSchema, answer);
    } catch (e) {
      err = e;
    }
    expect(isKycError(err)).toBe(true);
    const ext = (err as { extensions: Record<string, unknown> }).extensions;
    expect(ext).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', provider: 'UPPASS', field: 'form_url' });
    expect(lines.at(-1)).toMatchObject({ provider: 'UPPASS', path: 'form_url' });
    expect(JSON.stringify(lines)).not.toContain('Somchai');
  });
});

describe('UpPass live against a provider that answers an undocumented shape', () => {
  let fake: FakeProvider;
  let server: TestServer;
  const { key, entry } = newApiKey('t-uppass', ['verifications:read', 'verifications:write']);
  const auth = { authorization: `Bearer ${key}` };
  beforeAll(async () => {
    fake = await fakeProvider(() => ({ body: {} }));
    server = await startServer({ API_KEYS: JSON.stringify([entry]), UPPASS_API_KEY: 'tok', UPPASS_BASE_URL: fake.url, UPPASS_WEBHOOK_AUTH: 'none' });
  });
  afterAll(async () => {
    await server.close();
    await fake.close();
  });

  it('the create fails as PROVIDER_UNAVAILABLE naming the missing field and stores nothing', async () => {
    fake.answer = () => ({ status: 201, body: { info: 'https://app.uppass.io/en/api/forms/kyc/applied-forms/abc/info/', detail: { slug: 'abc', form: 'kyc' } } });
    const res = await server.gql(StartUpPassDocument, { input: { subjectId: 'shape-1', formSlug: 'kyc', lang: 'en' } }, auth);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', provider: 'UPPASS', field: 'form_url' });
    expect(fake.requests.at(-1)).toMatchObject({ method: 'POST', path: '/en/api/forms/kyc/create/' });
    expect(fake.requests.at(-1)?.headers.authorization).toBe('Bearer tok');
    const list = ok(await server.gql(ListVerificationsDocument, { filter: { subjectId: 'shape-1' } }, auth));
    expect(list.verifications.edges).toHaveLength(0);
  });

  it('the seed-shaped answer creates the verification (request body as in the seed)', async () => {
    const answer = fixture<Record<string, any>>(U, 'create-form.response.json');
    fake.answer = () => ({ status: 201, body: { ...answer, detail: { ...answer.detail, slug: 'slug-ok-1', form: 'kyc' } } });
    const v = ok(await server.gql(StartUpPassDocument, { input: { subjectId: 'shape-2', formSlug: 'kyc', lang: 'en', answers: { ekyc_document_type: 'passport' } } }, auth)).startUpPassVerification;
    expect(v).toMatchObject({ providerRef: 'slug-ok-1', status: 'CREATED', url: answer.form_url });
    expect(JSON.parse(fake.requests.at(-1)!.body)).toEqual(fixture(U, 'create-form.request-passport.json'));
  });

  it('with UPPASS_WEBHOOK_AUTH=none (portal "No Auth") a webhook without Authorization is accepted', async () => {
    const body = clone(fixture<Record<string, any>>(U, 'webhook-submission.json'));
    body.application.slug = 'slug-ok-1';
    body.application.status = 'accepted';
    body.event = { type: 'update_status', nounce: 'n-no-auth-1', created_at: new Date().toISOString() };
    const res = await fetch(`${server.url}/webhooks/uppass`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(res.status).toBe(200);
    const list = ok(await server.gql(ListVerificationsDocument, { filter: { subjectId: 'shape-2' } }, auth));
    expect(list.verifications.edges[0].node).toMatchObject({ status: 'APPROVED', providerStatus: 'accepted' });
  });
});

describe('UpPass webhook auth settings', () => {
  let logs: string[];
  let server: TestServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });
  const sink = () => {
    logs = [];
    return new Writable({
      write(chunk, _enc, cb) {
        logs.push(String(chunk));
        cb();
      },
    });
  };

  it('Basic Auth: the header for password kat-uppass-secret is the known answer (openssl base64) and is accepted', () => {
    // printf 'uppass:kat-uppass-secret' | openssl base64
    const KAT = 'Basic dXBwYXNzOmthdC11cHBhc3Mtc2VjcmV0';
    expect(basicAuthHeader('kat-uppass-secret')).toBe(KAT);
    expect(() => verify({ rawBody: Buffer.from('{}'), headers: { authorization: KAT } }, ['kat-uppass-secret'])).not.toThrow();
    expect(() => verify({ rawBody: Buffer.from('{}'), headers: { authorization: KAT } }, ['kat-uppass-secreT'])).toThrow();
    expect(() => verify({ rawBody: Buffer.from('{}'), headers: {} }, ['kat-uppass-secret'])).toThrow();
    // "No Auth": nothing to check
    expect(() => verify({ rawBody: Buffer.from('{}'), headers: {} }, null)).not.toThrow();
  });

  it('live UpPass needs UPPASS_WEBHOOK_SECRETS unless UPPASS_WEBHOOK_AUTH=none; none with secrets, or on another provider, is refused', () => {
    const live = { API_KEYS: JSON.stringify([newApiKey('t', ['verifications:read']).entry]), UPPASS_API_KEY: 'k' };
    expect(() => loadConfig(live)).toThrow(/UPPASS_WEBHOOK_SECRETS.*UPPASS_WEBHOOK_AUTH=none/);
    expect(loadConfig({ ...live, UPPASS_WEBHOOK_AUTH: 'none' }).providers.uppass.webhookAuth).toBe('none');
    expect(loadConfig({ ...live, UPPASS_WEBHOOK_SECRETS: 's' }).providers.uppass.webhookAuth).toBe('required');
    expect(() => loadConfig({ ...live, UPPASS_WEBHOOK_AUTH: 'none', UPPASS_WEBHOOK_SECRETS: 's' })).toThrow(ConfigError);
    expect(() => loadConfig({ UPPASS_WEBHOOK_AUTH: 'hmac' })).toThrow(/UPPASS_WEBHOOK_AUTH/);
    expect(() => loadConfig({ PAWAPASS_WEBHOOK_AUTH: 'none' })).toThrow(/PAWAPASS_WEBHOOK_AUTH/);
  });

  it('UPPASS_WEBHOOK_AUTH=none is warned about at start, naming the setting; the sandbox portal then sends no credentials and its webhooks work', async () => {
    server = await startServer({ UPPASS_WEBHOOK_AUTH: 'none', LOG_LEVEL: 'warn' }, sink());
    const warning = logs.map((l) => JSON.parse(l)).find((l) => l.setting === 'UPPASS_WEBHOOK_AUTH');
    expect(warning).toMatchObject({ level: 40, provider: 'uppass' });
    expect(warning.msg).toMatch(/WITHOUT authentication/);
    const v = ok(await server.gql(StartUpPassDocument, { input: { subjectId: 'na', formSlug: 'kyc-onboarding', lang: 'en' } })).startUpPassVerification;
    expect((await server.advance('uppass', v.providerRef, 'accepted')).status).toBe(200);
    const list = ok(await server.gql(ListVerificationsDocument, { filter: { subjectId: 'na' } }));
    expect(list.verifications.edges[0].node.status).toBe('APPROVED');
  });

  it('by default (Basic Auth) there is no such warning and a webhook without credentials gets 401', async () => {
    server = await startServer({ LOG_LEVEL: 'warn' }, sink());
    expect(logs.join('')).not.toContain('UPPASS_WEBHOOK_AUTH');
    const body = fixture(U, 'webhook-submission.json');
    const res = await fetch(`${server.url}/webhooks/uppass`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(res.status).toBe(401);
  });

  it('the resend path is flagged as unverified wherever a client reads about it', async () => {
    const { readFileSync } = await import('node:fs');
    expect(RESEND_WEBHOOK_SEGMENT).toBe('resend-webhook');
    expect(readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8')).toMatch(/UNVERIFIED against live UpPass/);
    expect(readFileSync(new URL('../README.md', import.meta.url), 'utf8')).toMatch(/UNVERIFIED: this path is our guess/);
  });
});
