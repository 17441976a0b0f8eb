// pawaPass against its own documented examples (test/fixtures/providers/pawapass, copied from
// seeds/pawapass-create-verification.txt and provider-specs/pawapass.md): schemas and mapping on
// the seed's bodies, both webhook types, the signature as a known-answer vector computed with
// openssl (so swapping HMAC-SHA256 for anything else fails here), and answers that do not match.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isKycError } from '../src/errors.js';
import { WebhookAuthError } from '../src/providers/contract.js';
import { PawaPassClient } from '../src/providers/pawapass/client.js';
import {
  PawaPassCreateRequestSchema,
  PawaPassListSchema,
  PawaPassNotificationSchema,
  PawaPassVerificationSchema,
  toView,
  type PawaPassDetailsShape,
} from '../src/providers/pawapass/mapper.js';
import { parse, sign, verify } from '../src/providers/pawapass/webhook.js';
import { newApiKey } from '../src/server/auth.js';
import { ListVerificationsDocument, PawaPassFixtureViewDocument, StartPawaPassDocument } from './generated/graphql.js';
import { ok } from './support/client.js';
import { fakeProvider, type FakeProvider, fixture } from './support/fixtures.js';
import { startServer, type TestServer } from './support/server.js';

const P = 'pawapass';
const raw = (body: unknown) => Buffer.from(JSON.stringify(body));
const clone = <T>(x: T): T => structuredClone(x);

describe('pawaPass webhook signature: known-answer vector', () => {
  // The body is JSON.stringify of test/fixtures/providers/pawapass/webhook-status-change.json
  // without `_source` (1315 bytes). Computed once, independently of src/, with:
  //   openssl dgst -sha256 -hmac 'kat-pawapass-secret' -r pawapass.json
  const SECRET = 'kat-pawapass-secret';
  const HMAC_SHA256 = '439e5a809cdfdc17febc791c14bd80e93376f92fc71ece223ce1181f7e46cf34';
  // openssl dgst -sha3-256 -hmac 'kat-pawapass-secret' -r pawapass.json (must NOT verify)
  const HMAC_SHA3_256 = '327ce2ad21e69ca318384b61c248637949ddfa0e5d1d6a5ccedb79086b4f3ee4';
  const body = raw(fixture(P, 'webhook-status-change.json'));

  it('the signer produces the openssl HMAC-SHA256 of the raw body as lowercase hex', () => {
    expect(body.length).toBe(1315);
    expect(sign(body, SECRET)).toBe(HMAC_SHA256);
  });

  it('the verifier accepts the known answer (either hex case) and refuses any other digest', () => {
    expect(() => verify({ rawBody: body, headers: { 'x-signature': HMAC_SHA256 } }, [SECRET])).not.toThrow();
    expect(() => verify({ rawBody: body, headers: { 'x-signature': HMAC_SHA256.toUpperCase() } }, [SECRET])).not.toThrow();
    expect(() => verify({ rawBody: body, headers: { 'x-signature': HMAC_SHA3_256 } }, [SECRET])).toThrow(WebhookAuthError);
    expect(() => verify({ rawBody: Buffer.concat([body, Buffer.from(' ')]), headers: { 'x-signature': HMAC_SHA256 } }, [SECRET])).toThrow(WebhookAuthError);
    expect(() => verify({ rawBody: body, headers: { 'x-signature': HMAC_SHA256 } }, ['another-secret'])).toThrow(WebhookAuthError);
  });
});

describe('pawaPass schemas and mapping on the seed examples', () => {
  it('the seed request body is what the create call accepts', () => {
    expect(PawaPassCreateRequestSchema.safeParse(fixture(P, 'create-verification.request.json')).success).toBe(true);
  });

  it('the seed verification object maps every field, keeping pawaPass\'s createdAt', () => {
    const seed = PawaPassVerificationSchema.parse(fixture(P, 'verification.response.json'));
    const view = toView(seed);
    expect(view).toMatchObject({
      providerRef: 'aB1cD2eF',
      status: 'CREATED',
      providerStatus: 'CREATED',
      externalId: 'user-zm-98765',
      url: 'https://app.pawapass.com/your-company/aB1cD2eF',
      country: 'ZM',
      reviewReason: 'CAPTURE_ISSUE',
      metadata: { reason: 'kyc-onboarding', channel: 'mobile-app', department: 'compliance' },
      expiresAt: '2025-08-27T09:00:00.000Z',
      providerUpdatedAt: '2025-08-20T09:00:00.000Z',
      faceScan: { ageEstimation: 'OVER_18', createdAt: '2023-11-07T05:31:56Z', updatedAt: '2023-11-07T05:31:56Z' },
    });
    expect(view.identityDocument).toEqual(fixture<Record<string, any>>(P, 'verification.response.json').identityDocument);
    const d = view.details as PawaPassDetailsShape;
    expect(d).toMatchObject({ kind: 'PawaPassDetails', createdAt: '2025-08-20T09:00:00.000Z', phoneNo: '+260971234567', successUrl: 'https://your-website.com/success' });
    expect(d.requirements).toEqual([{ type: 'DOCUMENT_SCAN' }, { type: 'FACE_SCAN' }]);
  });

  it('the list answer ({items, count}) parses', () => {
    const list = PawaPassListSchema.parse(fixture(P, 'list.response.json'));
    expect(list.count).toBe(1);
    expect(list.items[0].id).toBe('aB1cD2eF');
  });

  it('both documented webhook types parse into the verification they carry', () => {
    for (const [name, type] of [
      ['webhook-status-change.json', 'VERIFICATION.STATUS_CHANGE'],
      ['webhook-identity-document-change.json', 'VERIFICATION.IDENTITY_DOCUMENT_CHANGE'],
    ] as const) {
      const body = fixture<Record<string, any>>(P, name);
      expect(PawaPassNotificationSchema.parse(body).type).toBe(type);
      const [event] = parse({ rawBody: raw(body), headers: {} });
      expect(event).toMatchObject({ eventId: body.notificationId, kind: 'verification' });
      if (event.kind === 'verification') expect(event.view.identityDocument?.nationalNo).toBe('Z12345678');
    }
  });

  it('a webhook that differs from the documented shape is refused naming the path', () => {
    const unknownType = { ...fixture(P, 'webhook-status-change.json'), type: 'VERIFICATION.DELETED' };
    expect(() => parse({ rawBody: raw(unknownType), headers: {} })).toThrow(/^webhook malformed: type /);
    const badStatus = clone(fixture<Record<string, any>>(P, 'webhook-status-change.json'));
    badStatus.data.status = 'DONE';
    expect(() => parse({ rawBody: raw(badStatus), headers: {} })).toThrow(/data\.status/);
    const noCreatedAt = clone(fixture<Record<string, any>>(P, 'webhook-status-change.json'));
    delete noCreatedAt.data.createdAt;
    expect(() => parse({ rawBody: raw(noCreatedAt), headers: {} })).toThrow(/data\.createdAt/);
  });
});

describe('pawaPass answers that do not match the documented shape', () => {
  let fake: FakeProvider;
  beforeAll(async () => {
    fake = await fakeProvider(() => ({ body: {} }));
  });
  afterAll(() => fake.close());
  const client = () => new PawaPassClient({ baseUrl: () => fake.url, apiKey: 'k', timeoutMs: 2000 });

  it('create, get and list fail as PROVIDER_UNAVAILABLE naming the field path', async () => {
    const seed = fixture<Record<string, any>>(P, 'verification.response.json');
    const cases: [() => Promise<unknown>, unknown, string][] = [
      [() => client().createVerification(fixture(P, 'create-verification.request.json')), { ...seed, status: 'done' }, 'status'],
      [() => client().getVerification('aB1cD2eF'), { ...seed, requirements: [{ type: 'SELFIE' }] }, 'requirements[0].type'],
      [() => client().listVerifications(), { items: [{ ...seed, id: 5 }], count: 1 }, 'items[0].id'],
    ];
    for (const [call, answer, field] of cases) {
      fake.answer = () => ({ body: answer });
      const err = await call().then(() => null, (e: unknown) => e);
      expect(isKycError(err), field).toBe(true);
      expect((err as { extensions: unknown }).extensions).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', provider: 'PAWAPASS', field });
    }
  });

  it('the documented 401 and 403 bodies are PROVIDER_REJECTED with pawaPass\'s code', async () => {
    for (const [status, name, type] of [[401, 'error-401.response.json', 'UNAUTHORIZED'], [403, 'error-403.response.json', 'FORBIDDEN']] as const) {
      fake.answer = () => ({ status, body: fixture(P, name) });
      const err = await client().getVerification('aB1cD2eF').then(() => null, (e: unknown) => e);
      expect((err as { extensions: unknown }).extensions).toMatchObject({ code: 'PROVIDER_REJECTED', provider: 'PAWAPASS', httpStatus: status, providerErrorType: type });
    }
  });

  it('the seed answer passes through the client unchanged', async () => {
    fake.answer = () => ({ body: fixture(P, 'verification.response.json') });
    expect(await client().getVerification('aB1cD2eF')).toEqual(fixture(P, 'verification.response.json'));
  });

  it('a create whose answer does not match stores nothing', async () => {
    const { key, entry } = newApiKey('t-pawa', ['verifications:read', 'verifications:write']);
    const server = await startServer({ API_KEYS: JSON.stringify([entry]), PAWAPASS_API_KEY: 'k', PAWAPASS_WEBHOOK_SECRETS: 's', PAWAPASS_BASE_URL: fake.url });
    try {
      fake.answer = () => ({ status: 201, body: { ...fixture<Record<string, unknown>>(P, 'verification.response.json'), url: null } });
      const req = fixture<Record<string, any>>(P, 'create-verification.request.json');
      const res = await server.gql(
        StartPawaPassDocument,
        { input: { subjectId: 'shape-p', externalId: req.externalId, requirements: req.requirements, successUrl: req.successUrl, errorUrl: req.errorUrl, supportUrl: req.supportUrl } },
        { authorization: `Bearer ${key}` },
      );
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', provider: 'PAWAPASS', field: 'url' });
      const list = ok(await server.gql(ListVerificationsDocument, { filter: { subjectId: 'shape-p' } }, { authorization: `Bearer ${key}` }));
      expect(list.verifications.edges).toHaveLength(0);
    } finally {
      await server.close();
    }
  });
});

describe('pawaPass rules the seed does not state are not invented', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());
  const base = () => {
    const req = fixture<Record<string, any>>(P, 'create-verification.request.json');
    return { subjectId: 'rules', externalId: req.externalId, requirements: req.requirements, successUrl: req.successUrl, errorUrl: req.errorUrl, supportUrl: req.supportUrl, country: 'ZM' as const };
  };

  it('long externalId, phoneNo, createdBy and URLs and a past expiresAt are passed to pawaPass, not refused by us', async () => {
    const input = {
      ...base(),
      externalId: 'e'.repeat(300),
      phoneNo: `+260${'9'.repeat(40)}`,
      createdBy: `${'c'.repeat(300)}@example.com`,
      successUrl: `https://your-website.com/${'s'.repeat(2100)}`,
      expiresAt: '2020-01-01T00:00:00.000Z',
    };
    const v = ok(await server.gql(StartPawaPassDocument, { input })).startPawaPassVerification;
    expect(v.externalId).toBe(input.externalId);
    expect(v.expiresAt).toBe('2020-01-01T00:00:00.000Z');
  });

  it('the sandbox sends IDENTITY_DOCUMENT_CHANGE when an agent corrects a concluded verification; the status stays, the document and pawaPass createdAt are kept', async () => {
    const v = ok(await server.gql(StartPawaPassDocument, { input: { ...base(), subjectId: 'doc-fix' } })).startPawaPassVerification;
    expect((await server.advance('pawapass', v.providerRef, 'APPROVED')).status).toBe(200);
    // not concluded with a document, or `to` not the current status: 409
    expect((await server.advance('pawapass', v.providerRef, 'DECLINED', { identityDocument: { lastName: 'Phiri' } })).status).toBe(409);
    const res = await server.advance('pawapass', v.providerRef, 'APPROVED', { identityDocument: { lastName: 'Phiri' } });
    expect(res.status).toBe(200);
    const after = ok(await server.gql(PawaPassFixtureViewDocument, { id: v.id })).verification!;
    expect(after).toMatchObject({ status: 'APPROVED', providerStatus: 'APPROVED' });
    expect(after.identityDocument?.lastName).toBe('Phiri');
    expect(after.history.map((h) => h.status)).toEqual(['CREATED', 'APPROVED']);
    const details = after.details as { createdAt: string | null };
    expect(details.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(Date.parse(details.createdAt!)).toBeLessThanOrEqual(Date.parse(after.createdAt));
  });
});
