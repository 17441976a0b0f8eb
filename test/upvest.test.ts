// Upvest user checks end to end: GraphQL mutation → signed, OAuth2-authenticated HTTP to the
// simulator → signed (bundled) webhook → graphql-ws subscriber; queries through the loader.
import { randomUUID } from 'node:crypto';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UpvestAdapter } from '../src/providers/upvest/index.js';
import type { UpvestSimulator } from '../src/providers/upvest/simulator.js';
import {
  CheckUpdatedDocument,
  CreateInstrumentFitCheckDocument,
  type CreateKycCheckInput,
  CreateKycCheckDocument,
  CreateProofOfResidencyCheckDocument,
  type CreateProofOfResidencyCheckInput,
  RecordVerificationAsKycCheckDocument,
  StartPawaPassDocument,
  SubjectChecksDocument,
  UserCheckDocument,
  UserChecksDocument,
} from './generated/graphql.js';
import { firstError, graphqlRequest, ok, subscribe, until, wsClient } from './support/client.js';
import { startServer, type TestServer } from './support/server.js';

let server: TestServer;
let sim: UpvestSimulator;
let adapter: UpvestAdapter;

const recent = () => new Date(Date.now() - 86_400_000).toISOString();
const address = { addressLine1: 'Rosenweg 221', addressLine2: 'apt. 33', postcode: '45678', city: 'Berlin', state: 'BE', country: 'DE' };

const kyc = (over: Partial<CreateKycCheckInput> = {}): CreateKycCheckInput => ({
  userId: randomUUID(),
  checkConfirmedAt: recent(),
  dataDownloadLink: 'https://bucket.customer.com/ident/user3.zip',
  documentType: 'ID_CARD',
  documentExpirationDate: '2030-01-01',
  nationality: 'DE',
  provider: 'KYC provider',
  method: 'VIDEO_ID',
  confirmedAddress: address,
  ...over,
});

const por = (over: Partial<CreateProofOfResidencyCheckInput> = {}): CreateProofOfResidencyCheckInput => ({
  userId: randomUUID(),
  checkConfirmedAt: recent(),
  issuanceDate: new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10),
  dataDownloadLink: 'https://bucket.customer.com/por/user3.zip',
  documentType: 'UTILITY_BILL',
  confirmedAddress: address,
  ...over,
});

beforeAll(async () => {
  server = await startServer({ UPVEST_WEBHOOK_DELAY_MS: '30' });
  adapter = server.app.adapters.get('UPVEST') as unknown as UpvestAdapter;
  sim = adapter.simulator!;
});
afterAll(() => server.close());

describe('creating checks', () => {
  it('records each check type at the simulator and returns it with every field', async () => {
    const userId = randomUUID();
    const before = sim.requests.create;
    const k = ok(await server.gql(CreateKycCheckDocument, { input: kyc({ userId, kycUpdate: true }) })).createKycCheck;
    expect(k).toMatchObject({
      __typename: 'KycCheck',
      userId,
      type: 'KYC',
      status: 'IN_PROGRESS',
      documentType: 'ID_CARD',
      documentExpirationDate: '2030-01-01',
      nationality: 'DE',
      provider: 'KYC provider',
      method: 'VIDEO_ID',
      kycUpdate: true,
      confirmedAddress: address,
    });
    const p = ok(await server.gql(CreateProofOfResidencyCheckDocument, { input: por({ userId }) })).createProofOfResidencyCheck;
    expect(p).toMatchObject({ __typename: 'ProofOfResidencyCheck', type: 'POR', porDocumentType: 'UTILITY_BILL', confirmedAddress: { city: 'Berlin' } });
    const f = ok(await server.gql(CreateInstrumentFitCheckDocument, { input: { userId, checkConfirmedAt: recent(), instrumentSuitability: { suitability: true } } })).createInstrumentFitCheck;
    expect(f).toMatchObject({ __typename: 'InstrumentFitCheck', instrumentSuitability: { suitability: true } });
    const c = ok(await server.gql(CreateInstrumentFitCheckDocument, { input: { userId, checkConfirmedAt: recent(), instrumentSuitability: { suitability: true } } })).createInstrumentFitCheck;
    expect(c).toMatchObject({ __typename: 'InstrumentFitCheck', type: 'INSTRUMENT_FIT', status: 'IN_PROGRESS' });
    expect(sim.requests.create - before).toBe(4);

    // the list Upvest holds is what `checks` returns, in the same shapes
    const listed = ok(await server.gql(UserChecksDocument, { userId })).checks;
    expect(listed.map((x) => x.id).sort()).toEqual([k.id, p.id, f.id, c.id].sort());
    expect(listed.find((x) => x.id === k.id)).toEqual(k);
    expect(listed.find((x) => x.id === p.id)).toEqual(p);
  });

  it('returns the same check for a retried idempotencyKey and records one at Upvest', async () => {
    const before = sim.requests.create;
    const input = kyc({ idempotencyKey: 'kyc-retry' });
    const [a, b] = await Promise.all([server.gql(CreateKycCheckDocument, { input }), server.gql(CreateKycCheckDocument, { input })]);
    const c = await server.gql(CreateKycCheckDocument, { input });
    expect(ok(a).createKycCheck.id).toBe(ok(b).createKycCheck.id);
    expect(ok(c).createKycCheck.id).toBe(ok(a).createKycCheck.id);
    expect(sim.requests.create - before).toBe(1);
    const other = await server.gql(CreateKycCheckDocument, { input: { ...input, nationality: 'FR' } });
    expect(firstError(other)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.idempotencyKey' });
  });

  const old = new Date(Date.now() - 25 * 30 * 86_400_000).toISOString();
  const future = new Date(Date.now() + 86_400_000).toISOString();
  it.each([
    ['input.userId', { userId: 'not-a-uuid' }],
    ['input.checkConfirmedAt', { checkConfirmedAt: old }],
    ['input.checkConfirmedAt', { checkConfirmedAt: future }],
    ['input.dataDownloadLink', { dataDownloadLink: `https://x.example/${'a'.repeat(1000)}` }],
    ['input.dataDownloadLink', { dataDownloadLink: 'not a url' }],
    ['input.documentExpirationDate', { documentExpirationDate: '2030-02-30' }],
    ['input.nationality', { nationality: 'de' }],
    ['input.nationality', { nationality: 'DEU' }],
    ['input.provider', { provider: 'x'.repeat(101) }],
    ['input.provider', { provider: '' }],
    ['input.method', { method: 'LIVENESS_PHOTO_ID' }],
    ['input.confirmedAddress.addressLine1', { confirmedAddress: { ...address, addressLine1: 'x'.repeat(101) } }],
    ['input.confirmedAddress.addressLine1', { confirmedAddress: { ...address, addressLine1: 'P.O. Box 12' } }],
    ['input.confirmedAddress.addressLine2', { confirmedAddress: { ...address, addressLine2: 'c/o Müller' } }],
    ['input.confirmedAddress.postcode', { confirmedAddress: { ...address, postcode: '12345678901' } }],
    ['input.confirmedAddress.postcode', { confirmedAddress: { ...address, postcode: '123_45' } }],
    ['input.confirmedAddress.city', { confirmedAddress: { ...address, city: '' } }],
    ['input.confirmedAddress.city', { confirmedAddress: { ...address, city: 'x'.repeat(86) } }],
    ['input.confirmedAddress.state', { confirmedAddress: { ...address, state: 'x'.repeat(51) } }],
    ['input.confirmedAddress.country', { confirmedAddress: { ...address, country: 'Germany' } }],
  ] as const)('a KYC check with a bad %s is refused naming it, before any Upvest call', async (field, over) => {
    const before = sim.requests.create;
    const res = await server.gql(CreateKycCheckDocument, { input: kyc(over as Partial<CreateKycCheckInput>) });
    expect(firstError(res)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(firstError(res)?.message).toContain(field);
    expect(sim.requests.create).toBe(before);
  });

  it('allows LIVENESS_PHOTO_ID when the residence country is not DE', async () => {
    ok(await server.gql(CreateKycCheckDocument, { input: kyc({ method: 'LIVENESS_PHOTO_ID', confirmedAddress: { ...address, country: 'AT', state: null } }) }));
  });

  const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString().slice(0, 10);
  it.each([
    ['a utility bill older than 12 months', { documentType: 'UTILITY_BILL', issuanceDate: daysAgo(400) }],
    ['a bank statement older than 12 months', { documentType: 'BANK_STATEMENT', issuanceDate: daysAgo(370) }],
    ['a registration certificate older than 5 years', { documentType: 'REGISTRATION_CERT', issuanceDate: daysAgo(6 * 365) }],
    ['a document issued after the check', { documentType: 'ID_CARD', issuanceDate: daysAgo(-10) }],
    ['an impossible date', { issuanceDate: '2024-13-01' }],
  ] as const)('a proof of residency with %s is refused on input.issuanceDate', async (_, over) => {
    const before = sim.requests.create;
    const res = await server.gql(CreateProofOfResidencyCheckDocument, { input: por(over as Partial<CreateProofOfResidencyCheckInput>) });
    expect(firstError(res)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.issuanceDate' });
    expect(sim.requests.create).toBe(before);
  });

  it('accepts a 4-year-old registration certificate and a 3-year-old residence permit', async () => {
    ok(await server.gql(CreateProofOfResidencyCheckDocument, { input: por({ documentType: 'REGISTRATION_CERT', issuanceDate: daysAgo(4 * 365) }) }));
    ok(await server.gql(CreateProofOfResidencyCheckDocument, { input: por({ documentType: 'RESIDENCE_PERMIT', issuanceDate: daysAgo(3 * 365) }) }));
  });

  it('refuses a proof of residency with a P.O. box address', async () => {
    const res = await server.gql(CreateProofOfResidencyCheckDocument, { input: por({ confirmedAddress: { ...address, addressLine1: 'Postfach 1234' } }) });
    expect(firstError(res)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.confirmedAddress.addressLine1' });
  });
});

describe('reading checks', () => {
  async function seedUser(n: number) {
    const userId = randomUUID();
    const ids: string[] = [];
    for (let i = 0; i < n; i++) ids.push(ok(await server.gql(CreateInstrumentFitCheckDocument, { input: { userId, checkConfirmedAt: recent(), instrumentSuitability: { suitability: true } } })).createInstrumentFitCheck.id);
    return { userId, ids };
  }
  const raw = (query: string) => graphqlRequest(`${server.url}/graphql`, parse(query) as never);

  it('checks of K users in one request make exactly K list calls, and check(userId, id) rides on them', async () => {
    const users = await Promise.all([seedUser(2), seedUser(1), seedUser(3)]);
    const lists = sim.requests.list;
    const gets = sim.requests.get;
    const fields = users
      .map((u, i) => `l${i}: checks(userId: "${u.userId}") { id } c${i}: check(userId: "${u.userId}", id: "${u.ids[0]}") { id status } s${i}: subject(id: "${u.userId}") { checks { id } }`)
      .join(' ');
    const data = ok(await raw(`{ ${fields} }`)) as Record<string, unknown>;
    expect(sim.requests.list - lists).toBe(3);
    expect(sim.requests.get - gets).toBe(0);
    users.forEach((u, i) => {
      expect((data[`l${i}`] as { id: string }[]).map((c) => c.id).sort()).toEqual([...u.ids].sort());
      expect(data[`c${i}`]).toEqual({ id: u.ids[0], status: 'IN_PROGRESS' });
      expect((data[`s${i}`] as { checks: unknown[] }).checks).toHaveLength(u.ids.length);
    });
  });

  it('a single check(userId, id) is one list call; an unknown id is null', async () => {
    const u = await seedUser(1);
    const lists = sim.requests.list;
    expect(ok(await server.gql(UserCheckDocument, { userId: u.userId, id: u.ids[0] })).check).toMatchObject({ id: u.ids[0], type: 'INSTRUMENT_FIT' });
    expect(ok(await server.gql(UserCheckDocument, { userId: u.userId, id: randomUUID() })).check).toBeNull();
    expect(sim.requests.list - lists).toBe(2); // one per request: loaders are never shared
  });

  it('KycSubject.checks is empty without an upstream call for an id that is not a UUID', async () => {
    const lists = sim.requests.list;
    expect(ok(await server.gql(SubjectChecksDocument, { id: 'user-42' })).subject!.checks).toEqual([]);
    expect(sim.requests.list).toBe(lists);
    const bad = await server.gql(UserChecksDocument, { userId: 'user-42' });
    expect(firstError(bad)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'userId' });
  });
});

describe('check status changes reach subscribers', () => {
  it('a subscriber by userId sees the creation, and PASSED after the sandbox advance, through the signed webhook', async () => {
    const userId = randomUUID();
    const client = wsClient(server.url);
    const subs = server.app.services.bus.subscriberCount;
    const sub = subscribe(client, CheckUpdatedDocument, { userId });
    await until(() => server.app.services.bus.subscriberCount === subs + 1);
    const accepted = server.app.webhooks.counters.accepted.get('upvest') ?? 0;
    const k = ok(await server.gql(CreateKycCheckDocument, { input: kyc({ userId }) })).createKycCheck;
    const created = (await sub.next()).checkUpdated;
    expect(created.check).toMatchObject({ id: k.id, status: 'IN_PROGRESS', __typename: 'KycCheck', nationality: 'DE' });
    // USER_CHECK.CREATED arrives too, is recorded, and adds no second event
    await until(() => (server.app.webhooks.counters.accepted.get('upvest') ?? 0) > accepted);
    const res = await server.advance('upvest', k.id, 'PASSED');
    expect(res.status).toBe(200);
    const passed = (await sub.next()).checkUpdated;
    expect(passed.check).toMatchObject({ id: k.id, status: 'PASSED', type: 'KYC' });
    // (the COMPLIANCE check Upvest adds when KYC passes follows as events of its own id: upvest-compliance.test.ts)
    expect(sub.events.filter((e) => e.checkUpdated.check.id === k.id).map((e) => e.checkUpdated.check.status)).toEqual(['IN_PROGRESS', 'PASSED']);
    expect(passed.cursor).not.toBe(created.cursor);
    sub.close();
    await client.dispose();
    expect((await server.advance('upvest', k.id, 'FAILED')).status).toBe(409);
    expect((await server.advance('upvest', k.id, 'DONE')).status).toBe(400);
    expect((await server.advance('upvest', randomUUID(), 'PASSED')).status).toBe(404);
  });

  it('does not deliver other users’ check events', async () => {
    const mine = randomUUID();
    const client = wsClient(server.url);
    const subs = server.app.services.bus.subscriberCount;
    const sub = subscribe(client, CheckUpdatedDocument, { userId: mine });
    await until(() => server.app.services.bus.subscriberCount === subs + 1);
    ok(await server.gql(CreateInstrumentFitCheckDocument, { input: { userId: randomUUID(), checkConfirmedAt: recent(), instrumentSuitability: { suitability: true } } }));
    const c = ok(await server.gql(CreateInstrumentFitCheckDocument, { input: { userId: mine, checkConfirmedAt: recent(), instrumentSuitability: { suitability: true } } })).createInstrumentFitCheck;
    expect((await sub.next()).checkUpdated.check.id).toBe(c.id);
    expect(sub.events).toHaveLength(1);
    sub.close();
    await client.dispose();
  });
});

describe('recording an approved verification as a KYC check', () => {
  async function verification(requirements: ('DOCUMENT_SCAN' | 'FACE_SCAN')[], to: string | null) {
    const v = ok(
      await server.gql(StartPawaPassDocument, {
        input: { subjectId: 's', externalId: randomUUID(), requirements: requirements.map((type) => ({ type })), successUrl: 'https://e.com/s', errorUrl: 'https://e.com/e', supportUrl: 'https://e.com/h', country: 'ZM' },
      }),
    ).startPawaPassVerification;
    if (to) expect((await server.advance('pawapass', v.providerRef, to)).status).toBe(200);
    return v.id;
  }
  const link = 'https://bucket.customer.com/ident/pawapass.zip';

  it('maps document type, expiry, issuing country, provider and method from an APPROVED pawaPass verification', async () => {
    const verificationId = await verification(['DOCUMENT_SCAN', 'FACE_SCAN'], 'APPROVED');
    const userId = randomUUID();
    const before = sim.requests.create;
    const k = ok(await server.gql(RecordVerificationAsKycCheckDocument, { verificationId, userId, dataDownloadLink: link, idempotencyKey: 'rec-1' })).recordVerificationAsKycCheck;
    expect(k).toMatchObject({
      __typename: 'KycCheck',
      userId,
      status: 'IN_PROGRESS',
      documentType: 'ID_CARD',
      documentExpirationDate: '2032-05-09',
      nationality: 'ZM',
      provider: 'PAWAPASS',
      method: 'LIVENESS_PHOTO_ID',
      dataDownloadLink: link,
    });
    const again = ok(await server.gql(RecordVerificationAsKycCheckDocument, { verificationId, userId, dataDownloadLink: link, idempotencyKey: 'rec-1' })).recordVerificationAsKycCheck;
    expect(again.id).toBe(k.id);
    expect(sim.requests.create - before).toBe(1);
    const atUpvest = ok(await server.gql(UserCheckDocument, { userId, id: k.id })).check;
    expect(atUpvest).toMatchObject({ documentType: 'ID_CARD', nationality: 'ZM', method: 'LIVENESS_PHOTO_ID' });
  });

  it('refuses a verification that is not APPROVED, naming verificationId, without calling Upvest', async () => {
    const before = sim.requests.create;
    for (const to of [null, 'REVIEW', 'DECLINED']) {
      const verificationId = await verification(['DOCUMENT_SCAN', 'FACE_SCAN'], to);
      const res = await server.gql(RecordVerificationAsKycCheckDocument, { verificationId, userId: randomUUID(), dataDownloadLink: link });
      expect(firstError(res)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'verificationId' });
      expect(firstError(res)?.message).toMatch(/only an APPROVED verification/);
    }
    const missing = await server.gql(RecordVerificationAsKycCheckDocument, { verificationId: 'nope', userId: randomUUID(), dataDownloadLink: link });
    expect(firstError(missing)?.extensions?.code).toBe('NOT_FOUND');
    expect(sim.requests.create).toBe(before);
  });

  it('needs a method when there was no face scan, and refuses LIVENESS_PHOTO_ID for a German residence', async () => {
    const docOnly = await verification(['DOCUMENT_SCAN'], 'APPROVED');
    const res = await server.gql(RecordVerificationAsKycCheckDocument, { verificationId: docOnly, userId: randomUUID(), dataDownloadLink: link });
    expect(firstError(res)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'method' });
    const withMethod = ok(await server.gql(RecordVerificationAsKycCheckDocument, { verificationId: docOnly, userId: randomUUID(), dataDownloadLink: link, method: 'IN_PERSON_ID' }));
    expect(withMethod.recordVerificationAsKycCheck.method).toBe('IN_PERSON_ID');
    const both = await verification(['DOCUMENT_SCAN', 'FACE_SCAN'], 'APPROVED');
    const de = await server.gql(RecordVerificationAsKycCheckDocument, { verificationId: both, userId: randomUUID(), dataDownloadLink: link, confirmedAddress: address });
    expect(firstError(de)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'method' });
    const badLink = await server.gql(RecordVerificationAsKycCheckDocument, { verificationId: both, userId: randomUUID(), dataDownloadLink: 'ftp://x' });
    expect(firstError(badLink)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'dataDownloadLink' });
  });
});

describe('Upvest failures and tokens through GraphQL', () => {
  const setFault = (fault: object) => fetch(`${server.url}/sandbox/upvest/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fault) });

  it.each([
    // the create POST carries an idempotency key, so 503/504 are retried (3 attempts), a Retry-After up to 10 s honoured
    [{ status: 503, times: 3 }, { code: 'PROVIDER_UNAVAILABLE', provider: 'UPVEST', httpStatus: 503 }],
    [{ status: 504, times: 3 }, { code: 'PROVIDER_UNAVAILABLE', provider: 'UPVEST', httpStatus: 504 }],
    [{ status: 429, times: 1, retryAfter: 60 }, { code: 'RATE_LIMITED', provider: 'UPVEST', retryAfter: 60 }],
    [{ status: 403, times: 1 }, { code: 'PROVIDER_REJECTED', provider: 'UPVEST', httpStatus: 403, providerErrorType: 'forbidden' }],
    [{ status: 404, times: 1 }, { code: 'PROVIDER_REJECTED', provider: 'UPVEST', httpStatus: 404, providerErrorType: 'not_found' }],
  ])('Upvest answering %j gives %j with its request id, and records nothing', async (fault, expected) => {
    const userId = randomUUID();
    await setFault(fault);
    const res = await server.gql(CreateInstrumentFitCheckDocument, { input: { userId, checkConfirmedAt: recent(), idempotencyKey: userId, instrumentSuitability: { suitability: true } } });
    expect(firstError(res)?.extensions).toMatchObject({ ...expected, requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(ok(await server.gql(UserChecksDocument, { userId })).checks).toEqual([]);
    // the idempotency key was released: the retry succeeds
    ok(await server.gql(CreateInstrumentFitCheckDocument, { input: { userId, checkConfirmedAt: recent(), idempotencyKey: userId, instrumentSuitability: { suitability: true } } }));
  });

  it('an expired token is replaced once, and the new one is reused', async () => {
    const userId = randomUUID();
    ok(await server.gql(UserChecksDocument, { userId }));
    const tokens = sim.requests.token;
    sim.revokeTokens();
    ok(await server.gql(UserChecksDocument, { userId }));
    ok(await server.gql(UserChecksDocument, { userId }));
    expect(sim.requests.token - tokens).toBe(1);
  });
});
