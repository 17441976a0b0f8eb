// The pawaPass simulator answers as the seed documents: auth, every request rule, get, list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAWAPASS_STATUSES, type PawaPassVerification, toUnifiedStatus, toView } from '../src/providers/pawapass/mapper.js';
import { startServer, type TestServer } from './support/server.js';

let server: TestServer;
let api: string;
let auth: Record<string, string>;
beforeAll(async () => {
  server = await startServer();
  api = `${server.url}/sandbox/pawapass/v2`;
  auth = { authorization: `Bearer ${server.config.providers.pawapass.apiKey}`, 'content-type': 'application/json' };
});
afterAll(() => server.close());

const body = (over: Record<string, unknown> = {}) => ({
  externalId: 'user-zm-98765',
  requirements: [{ type: 'DOCUMENT_SCAN' }, { type: 'FACE_SCAN' }],
  successUrl: 'https://your-website.com/success',
  errorUrl: 'https://your-website.com/error',
  supportUrl: 'https://your-website.com/support',
  country: 'ZM',
  phoneNo: '+260971234567',
  metadata: { reason: 'kyc-onboarding' },
  expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
  createdBy: 'ops@example.com',
  ...over,
});
const create = (b: unknown, headers = auth) => fetch(`${api}/verifications/`, { method: 'POST', headers, body: JSON.stringify(b) });

describe('pawaPass simulator', () => {
  it('answers 401 with the documented body without or with a wrong Bearer key', async () => {
    for (const headers of [{ 'content-type': 'application/json' }, { ...auth, authorization: 'Bearer nope' }] as Record<string, string>[]) {
      const res = await create(body(), headers);
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ statusCode: 401, code: 'UNAUTHORIZED', message: 'Unauthorized' });
    }
  });

  it('accepts the legacy X-AUTH-KEY header', async () => {
    const res = await create(body(), { 'x-auth-key': server.config.providers.pawapass.apiKey, 'content-type': 'application/json' });
    expect(res.status).toBe(201);
  });

  it('creates a verification with the documented response body', async () => {
    const res = await create(body());
    expect(res.status).toBe(201);
    const v = (await res.json()) as PawaPassVerification;
    expect(Object.keys(v).sort()).toEqual(
      ['id', 'externalId', 'country', 'phoneNo', 'requirements', 'url', 'status', 'metadata', 'successUrl', 'errorUrl', 'supportUrl', 'identityDocument', 'faceScan', 'reviewResult', 'createdBy', 'expiresAt', 'createdAt', 'updatedAt'].sort(),
    );
    expect(v).toMatchObject({ status: 'CREATED', externalId: 'user-zm-98765', country: 'ZM', identityDocument: null, faceScan: null, reviewResult: null });
    const got = await fetch(`${api}/verifications/${v.id}`, { headers: auth });
    expect(await got.json()).toEqual(v);
  });

  it.each([
    ['externalId', { externalId: undefined }],
    ['externalId', { externalId: '' }],
    ['externalId', { externalId: 'a\u0000' }],
    ['requirements', { requirements: [] }],
    ['requirements[0].type', { requirements: [{ type: 'SELFIE' }] }],
    ['successUrl', { successUrl: 'mailto:x@y.z' }],
    ['errorUrl', { errorUrl: undefined }],
    ['supportUrl', { supportUrl: 'www.example.com' }],
    ['country', { country: 'FR' }],
    ['phoneNo', { phoneNo: '\u0000' }],
    ['expiresAt', { expiresAt: 'tomorrow' }],
    ['createdBy', { createdBy: 5 }],
    ['metadata', { metadata: 'x' }],
  ])('refuses a request breaking the %s rule with 400 naming it', async (field, over) => {
    const res = await create(body(over));
    expect(res.status).toBe(400);
    const err = (await res.json()) as { errors: { field: string }[] };
    expect(err.errors.map((e) => e.field)).toContain(field);
  });

  it('takes phoneNo from metadata when it is not given (seed)', async () => {
    const v = (await (await create(body({ phoneNo: undefined, metadata: { phoneNo: '+260970000000' } }))).json()) as PawaPassVerification;
    expect(v.phoneNo).toBe('+260970000000');
  });

  it('lists with page, limit (1–50), id, externalId and statuses', async () => {
    const mine = (await (await create(body({ externalId: 'list-me' }))).json()) as PawaPassVerification;
    const byExt = await (await fetch(`${api}/verifications?externalId=list-me`, { headers: auth })).json();
    expect(byExt).toEqual({ items: [mine], count: 1 });
    const byId: any = await (await fetch(`${api}/verifications?id=${mine.id}&statuses=CREATED&statuses=STARTED`, { headers: auth })).json();
    expect(byId.count).toBe(1);
    const none = await (await fetch(`${api}/verifications?id=${mine.id}&statuses=APPROVED`, { headers: auth })).json();
    expect(none).toEqual({ items: [], count: 0 });
    const paged: any = await (await fetch(`${api}/verifications?limit=1&page=0`, { headers: auth })).json();
    expect(paged.items).toHaveLength(1);
    expect(paged.count).toBeGreaterThan(1);
    expect((await fetch(`${api}/verifications?limit=51`, { headers: auth })).status).toBe(400);
    expect((await fetch(`${api}/verifications?limit=0`, { headers: auth })).status).toBe(400);
  });

  it('answers 404 for an unknown id', async () => {
    expect((await fetch(`${api}/verifications/nope`, { headers: auth })).status).toBe(404);
  });
});

describe('pawaPass mapping', () => {
  it('maps all seven statuses and keeps the raw one', () => {
    expect(Object.fromEntries(PAWAPASS_STATUSES.map((s) => [s, toUnifiedStatus(s)]))).toEqual({
      CREATED: 'CREATED',
      STARTED: 'IN_PROGRESS',
      USER_DATA_COLLECTED: 'IN_REVIEW',
      REVIEW: 'IN_REVIEW',
      APPROVED: 'APPROVED',
      DECLINED: 'DECLINED',
      EXPIRED: 'EXPIRED',
    });
    expect(() => toUnifiedStatus('WAT')).toThrow(/unknown pawaPass status/);
  });

  it('maps every field of the seed response', () => {
    const seed: PawaPassVerification = {
      id: 'aB1cD2eF', externalId: 'user-zm-98765', country: 'ZM', phoneNo: '+260971234567',
      requirements: [{ type: 'DOCUMENT_SCAN' }, { type: 'FACE_SCAN' }], url: 'https://app.pawapass.com/your-company/aB1cD2eF',
      status: 'REVIEW', metadata: { reason: 'kyc-onboarding' }, successUrl: 'https://s', errorUrl: 'https://e', supportUrl: 'https://h',
      identityDocument: { type: 'NATIONAL_ID', country: 'ZM', serialNo: '9876543/21/1', nationalNo: 'Z12345678', firstName: 'Tisa', lastName: 'Banda', dateOfBirth: '1997-05-10', placeOfBirth: 'Lusaka', nationality: 'ZM', expiryAt: '2032-05-09', issuedAt: '2022-05-10', issuingAuthority: 'Republic of Zambia', placeOfIssue: 'Lusaka', createdAt: '2023-11-07T05:31:56Z', updatedAt: '2023-11-07T05:31:56Z' },
      faceScan: { ageEstimation: 'OVER_18', createdAt: '2023-11-07T05:31:56Z', updatedAt: '2023-11-07T05:31:56Z' },
      reviewResult: { reason: 'CAPTURE_ISSUE' }, createdBy: 'ops@example.com', expiresAt: '2025-08-27T09:00:00.000Z',
      createdAt: '2025-08-20T09:00:00.000Z', updatedAt: '2025-08-20T09:00:00.000Z',
    };
    const view = toView(seed);
    expect(view).toMatchObject({
      providerRef: 'aB1cD2eF', status: 'IN_REVIEW', providerStatus: 'REVIEW', externalId: 'user-zm-98765', url: seed.url, country: 'ZM',
      identityDocument: seed.identityDocument, faceScan: seed.faceScan, reviewReason: 'CAPTURE_ISSUE', metadata: seed.metadata,
      expiresAt: seed.expiresAt, providerUpdatedAt: seed.updatedAt,
      details: { kind: 'PawaPassDetails', requirements: seed.requirements, phoneNo: seed.phoneNo, successUrl: 'https://s', errorUrl: 'https://e', supportUrl: 'https://h', createdBy: 'ops@example.com' },
    });
  });
});
