// pawaPass end to end: GraphQL mutation → simulator over real HTTP → webhook → graphql-ws subscriber.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PawaPassSimulator } from '../src/providers/pawapass/simulator.js';
import { sign } from '../src/providers/pawapass/webhook.js';
import { newApiKey } from '../src/server/auth.js';
import {
  GetVerificationDocument,
  ListVerificationsDocument,
  StartPawaPassDocument,
  type StartPawaPassVerificationInput,
  SubjectVerificationsDocument,
  VerificationUpdatedDocument,
} from './generated/graphql.js';
import { firstError, ok, subscribe, until, wsClient } from './support/client.js';
import { fixture } from './support/fixtures.js';
import { startServer, type TestServer, withProviderDeadline } from './support/server.js';
import { watchWebhook } from './support/webhooks.js';

let server: TestServer;
let sim: PawaPassSimulator;
let n = 0;

const input = (over: Partial<StartPawaPassVerificationInput> = {}): StartPawaPassVerificationInput => ({
  subjectId: 'u1',
  externalId: `user-zm-${++n}`,
  requirements: [{ type: 'DOCUMENT_SCAN' }, { type: 'FACE_SCAN' }],
  successUrl: 'https://your-website.com/success',
  errorUrl: 'https://your-website.com/error',
  supportUrl: 'https://your-website.com/support',
  country: 'ZM',
  phoneNo: '+260971234567',
  metadata: { reason: 'kyc-onboarding', channel: 'mobile-app' },
  createdBy: 'ops@example.com',
  ...over,
});

beforeAll(async () => {
  server = await startServer();
  sim = server.app.adapters.get('PAWAPASS')!.simulator as PawaPassSimulator;
});
afterAll(() => server.close());

describe('starting a pawaPass verification', () => {
  it('creates a session in the simulator over HTTP and returns the unified Verification with its url', async () => {
    const before = sim.requests.create;
    const v = ok(await server.gql(StartPawaPassDocument, { input: input({ subjectId: 'start-1' }) })).startPawaPassVerification;
    expect(sim.requests.create).toBe(before + 1);
    expect(v).toMatchObject({ provider: 'PAWAPASS', subjectId: 'start-1', status: 'CREATED', providerStatus: 'CREATED', country: 'ZM' });
    expect(v.metadata).toEqual({ reason: 'kyc-onboarding', channel: 'mobile-app' });
    expect(v.url).toBe(`${server.url}/sandbox/pawapass/app/${v.providerRef}`);
    expect(v.details).toMatchObject({ requirements: [{ type: 'DOCUMENT_SCAN' }, { type: 'FACE_SCAN' }], phoneNo: '+260971234567', createdBy: 'ops@example.com' });
    expect(Date.parse(v.expiresAt!)).toBeGreaterThan(Date.now());
    const page = await fetch(v.url!);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(v.providerRef);
  });

  it('returns the same Verification for a retried idempotencyKey and creates one provider session', async () => {
    const before = sim.requests.create;
    const args = input({ idempotencyKey: 'retry-me' });
    const [a, b] = await Promise.all([server.gql(StartPawaPassDocument, { input: args }), server.gql(StartPawaPassDocument, { input: args })]);
    const c = await server.gql(StartPawaPassDocument, { input: args });
    expect(ok(a).startPawaPassVerification.id).toBe(ok(b).startPawaPassVerification.id);
    expect(ok(c).startPawaPassVerification.id).toBe(ok(a).startPawaPassVerification.id);
    expect(sim.requests.create).toBe(before + 1);
  });

  it('refuses an idempotencyKey reused with a different input', async () => {
    ok(await server.gql(StartPawaPassDocument, { input: input({ idempotencyKey: 'k-other', externalId: 'a' }) }));
    const res = await server.gql(StartPawaPassDocument, { input: input({ idempotencyKey: 'k-other', externalId: 'b' }) });
    expect(firstError(res)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.idempotencyKey' });
  });

  it.each([
    ['input.externalId', { externalId: '' }],
    ['input.externalId', { externalId: 'a\u0000b' }],
    ['input.requirements', { requirements: [] }],
    ['input.successUrl', { successUrl: 'ftp://example.com' }],
    ['input.errorUrl', { errorUrl: 'not a url' }],
    ['input.supportUrl', { supportUrl: 'javascript:alert(1)' }],
    ['input.metadata', { metadata: [1, 2] }],
    ['input.subjectId', { subjectId: '' }],
    ['input.requirements[0].options.previousVerificationId', { requirements: [{ type: 'FACE_SCAN', options: { previousVerificationId: '' } }] }],
  ] as const)('rejects bad input naming %s, before any provider call', async (field, over) => {
    const before = sim.requests.create;
    const res = await server.gql(StartPawaPassDocument, { input: input(over as Partial<StartPawaPassVerificationInput>) });
    expect(firstError(res)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(firstError(res)?.message).toContain(field);
    expect(sim.requests.create).toBe(before);
  });

  it('rejects a country pawaPass does not serve, naming the field', async () => {
    const res = await server.gql(StartPawaPassDocument, { input: { ...input(), country: 'FR' as never } });
    expect(firstError(res)?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(firstError(res)?.message).toMatch(/country/);
  });
});

describe('provider failures', () => {
  const setFault = (fault: object) =>
    fetch(`${server.url}/sandbox/pawapass/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fault) });

  it.each([
    [{ status: 503, times: 1 }, { code: 'PROVIDER_UNAVAILABLE', provider: 'PAWAPASS', httpStatus: 503 }],
    [{ status: 500, times: 1 }, { code: 'PROVIDER_UNAVAILABLE', provider: 'PAWAPASS' }],
    [{ delayMs: 1500, status: 200, times: 1 }, { code: 'PROVIDER_UNAVAILABLE', provider: 'PAWAPASS' }],
    [{ status: 429, times: 1, retryAfter: 7 }, { code: 'RATE_LIMITED', provider: 'PAWAPASS', retryAfter: 7 }],
    [{ status: 403, times: 1 }, { code: 'PROVIDER_REJECTED', provider: 'PAWAPASS', httpStatus: 403 }],
  ])('a provider answering %j gives %j and stores nothing', async (fault, expected) => {
    const subjectId = `fail-${JSON.stringify(fault)}`;
    await setFault(fault);
    // only the hanging answer needs a deadline shorter than its delay
    const res = await withProviderDeadline(server.app, 'PAWAPASS', 'delayMs' in fault ? 300 : server.config.providers.pawapass.timeoutMs, () =>
      server.gql(StartPawaPassDocument, { input: input({ subjectId, idempotencyKey: subjectId }) }),
    );
    expect(firstError(res)?.extensions).toMatchObject(expected);
    const list = ok(await server.gql(ListVerificationsDocument, { filter: { subjectId } }));
    expect(list.verifications.edges).toHaveLength(0);
    // the idempotency key was released: a retry once the provider is back succeeds
    await fetch(`${server.url}/sandbox/pawapass/faults`, { method: 'DELETE' });
    // the simulator finishes the answer the client gave up on (a delayed fault) first
    await until(() => sim.requests.inFlight === 0);
    ok(await server.gql(StartPawaPassDocument, { input: input({ subjectId, idempotencyKey: subjectId }) }));
  });

  it('maps a wrong API key to PROVIDER_REJECTED with the provider error type', async () => {
    const adapter = server.app.adapters.get('PAWAPASS') as unknown as { client: { options: { apiKey: string } } };
    const key = adapter.client.options.apiKey;
    adapter.client.options.apiKey = 'wrong';
    try {
      const res = await server.gql(StartPawaPassDocument, { input: input() });
      expect(firstError(res)?.extensions).toMatchObject({ code: 'PROVIDER_REJECTED', httpStatus: 401, providerErrorType: 'UNAUTHORIZED' });
      expect(JSON.stringify(res)).not.toContain(key);
    } finally {
      adapter.client.options.apiKey = key;
    }
  });
});

describe('status changes reach subscribers', () => {
  it('a subscriber by subjectId, subscribed before the session exists, sees creation and every advance', async () => {
    const client = wsClient(server.url);
    const subs = server.app.services.bus.subscriberCount;
    const sub = subscribe(client, VerificationUpdatedDocument, { subjectId: 'sub-1' });
    await until(() => server.app.services.bus.subscriberCount === subs + 1);
    const v = ok(await server.gql(StartPawaPassDocument, { input: input({ subjectId: 'sub-1' }) })).startPawaPassVerification;
    const created = (await sub.next()).verificationUpdated;
    expect(created).toMatchObject({ previousStatus: null, verification: { id: v.id, status: 'CREATED' } });

    const byId = subscribe(client, VerificationUpdatedDocument, { id: v.id });
    await until(() => server.app.services.bus.subscriberCount === subs + 2);
    expect((await server.advance('pawapass', v.providerRef, 'STARTED')).status).toBe(200);
    expect((await server.advance('pawapass', v.providerRef, 'APPROVED')).status).toBe(200);

    for (const s of [sub, byId]) {
      expect((await s.next()).verificationUpdated).toMatchObject({ previousStatus: 'CREATED', verification: { status: 'IN_PROGRESS', providerStatus: 'STARTED' } });
      const approved = (await s.next()).verificationUpdated;
      expect(approved).toMatchObject({ previousStatus: 'IN_PROGRESS', verification: { id: v.id, status: 'APPROVED' } });
      expect(approved.cursor).toBeTruthy();
    }
    sub.close();
    byId.close();
    await client.dispose();

    const got = ok(await server.gql(GetVerificationDocument, { id: v.id })).verification!;
    expect(got.status).toBe('APPROVED');
    expect(got.history.map((h) => h.providerStatus)).toEqual(['CREATED', 'STARTED', 'APPROVED']);
    expect(got.identityDocument).toMatchObject({ type: 'NATIONAL_ID', firstName: 'Tisa', lastName: 'Banda', country: 'ZM' });
    expect(got.faceScan).toEqual({ ageEstimation: 'OVER_18' });
  });

  it('does not deliver other subjects’ events', async () => {
    const client = wsClient(server.url);
    const subs = server.app.services.bus.subscriberCount;
    const mine = subscribe(client, VerificationUpdatedDocument, { subjectId: 'only-me' });
    await until(() => server.app.services.bus.subscriberCount === subs + 1);
    ok(await server.gql(StartPawaPassDocument, { input: input({ subjectId: 'someone-else' }) }));
    const v = ok(await server.gql(StartPawaPassDocument, { input: input({ subjectId: 'only-me' }) })).startPawaPassVerification;
    expect((await mine.next()).verificationUpdated.verification.id).toBe(v.id);
    expect(mine.events).toHaveLength(1);
    mine.close();
    await client.dispose();
  });

  it('a declined session carries the review reason', async () => {
    const v = ok(await server.gql(StartPawaPassDocument, { input: input() })).startPawaPassVerification;
    expect((await server.advance('pawapass', v.providerRef, 'REVIEW', { reviewReason: 'IMAGE_QUALITY' })).status).toBe(200);
    expect((await server.advance('pawapass', v.providerRef, 'DECLINED')).status).toBe(200);
    const got = ok(await server.gql(GetVerificationDocument, { id: v.id })).verification!;
    expect(got).toMatchObject({ status: 'DECLINED', reviewReason: 'IMAGE_QUALITY' });
    expect(got.history.map((h) => h.status)).toEqual(['CREATED', 'IN_REVIEW', 'DECLINED']);
  });

  it('advance jumps forward and answers 409 when the target is behind or the session is final', async () => {
    const v = ok(await server.gql(StartPawaPassDocument, { input: input() })).startPawaPassVerification;
    expect((await server.advance('pawapass', v.providerRef, 'USER_DATA_COLLECTED')).status).toBe(200);
    expect((await server.advance('pawapass', v.providerRef, 'STARTED')).status).toBe(409);
    expect((await server.advance('pawapass', v.providerRef, 'APPROVED')).status).toBe(200);
    expect((await server.advance('pawapass', v.providerRef, 'EXPIRED')).status).toBe(409);
    expect((await server.advance('pawapass', v.providerRef, 'NOPE')).status).toBe(400);
    expect((await server.advance('pawapass', 'no-such-ref', 'APPROVED')).status).toBe(404);
  });

  it('a session past its expiresAt expires and its subscriber is told', async () => {
    const client = wsClient(server.url);
    const subs = server.app.services.bus.subscriberCount;
    // subscribed by subject before the session exists, so an expiry that comes early on a loaded
    // machine cannot slip in before the subscription
    const subjectId = `expiring-${++n}`;
    const sub = subscribe(client, VerificationUpdatedDocument, { subjectId });
    await until(() => server.app.services.bus.subscriberCount === subs + 1);
    const v = ok(await server.gql(StartPawaPassDocument, { input: input({ subjectId, expiresAt: new Date(Date.now() + 1200).toISOString() }) })).startPawaPassVerification;
    expect((await sub.next(5000)).verificationUpdated).toMatchObject({ previousStatus: null, verification: { id: v.id, status: 'CREATED' } });
    const e = (await sub.next(5000)).verificationUpdated;
    expect(e).toMatchObject({ previousStatus: 'CREATED', verification: { id: v.id, status: 'EXPIRED', providerStatus: 'EXPIRED' } });
    sub.close();
    await client.dispose();
  });
});

describe('the pawaPass webhook endpoint', () => {
  const post = (body: string, signature: string | null) =>
    fetch(`${server.url}/webhooks/pawapass`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(signature ? { 'x-signature': signature } : {}) },
      body,
    });
  const secret = () => server.config.providers.pawapass.webhookSecrets[0];

  async function notification(status: string, notificationId = crypto.randomUUID()) {
    const v = ok(await server.gql(StartPawaPassDocument, { input: input() })).startPawaPassVerification;
    const data: any = await (await fetch(`${server.url}/sandbox/pawapass/v2/verifications/${v.providerRef}`, { headers: { authorization: `Bearer ${server.config.providers.pawapass.apiKey}` } })).json();
    const body = JSON.stringify({ notificationId, type: 'VERIFICATION.STATUS_CHANGE', object: 'VERIFICATION', createdAt: new Date().toISOString(), data: { ...data, status, updatedAt: new Date().toISOString() } });
    return { v, body };
  }

  it('a forged pawaPass webhook is rejected before parsing and changes nothing', async () => {
    const { v, body } = await notification('APPROVED');
    const hook = watchWebhook(server.app, body, v.providerRef);
    try {
      expect((await post(body, sign(body, 'not-the-secret'))).status).toBe(401);
      expect((await post(body, null)).status).toBe(401);
      expect((await post(body, 'zz')).status).toBe(401);
      expect([hook.parsed, hook.recorded]).toEqual([0, 0]);
      expect(ok(await server.gql(GetVerificationDocument, { id: v.id })).verification!.status).toBe('CREATED');
      // the watch sees an authenticated delivery: parsed and recorded once
      expect((await post(body, sign(body, secret()))).status).toBe(200);
      expect([hook.parsed, hook.recorded]).toEqual([1, 1]);
    } finally {
      hook.restore();
    }
  });

  it('a re-serialized body no longer matches its signature', async () => {
    const { body } = await notification('APPROVED');
    const reserialized = JSON.stringify(JSON.parse(body), null, 2);
    expect((await post(reserialized, sign(body, secret()))).status).toBe(401);
  });

  it('duplicate deliveries produce exactly one subscription event', async () => {
    const { v, body } = await notification('STARTED');
    const client = wsClient(server.url);
    const subs = server.app.services.bus.subscriberCount;
    const sub = subscribe(client, VerificationUpdatedDocument, { id: v.id });
    await until(() => server.app.services.bus.subscriberCount === subs + 1);
    const sig = sign(body, secret());
    const replies = await Promise.all([post(body, sig), post(body, sig), post(body, sig)]);
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200]);
    await sub.next();
    // a later, different event still arrives and proves nothing else was queued before it
    await server.advance('pawapass', v.providerRef, 'APPROVED');
    expect((await sub.next()).verificationUpdated.verification.status).toBe('APPROVED');
    expect(sub.events.map((e) => e.verificationUpdated.verification.providerStatus)).toEqual(['STARTED', 'APPROVED']);
    sub.close();
    await client.dispose();
  });

  it('accepts any configured secret (rotation) and refuses a malformed body with 400', async () => {
    const rotated = await startServer({ API_KEYS: JSON.stringify([newApiKey('t', ['verifications:read']).entry]), PAWAPASS_API_KEY: 'k', PAWAPASS_WEBHOOK_SECRETS: 'old-secret, new-secret', PAWAPASS_BASE_URL: 'http://127.0.0.1:9' });
    try {
      const body = JSON.stringify({ notificationId: 'n1', type: 'VERIFICATION.STATUS_CHANGE', object: 'VERIFICATION', createdAt: new Date().toISOString(), data: { ...fixture<Record<string, unknown>>('pawapass', 'verification.response.json'), id: 'x', status: 'STARTED' } });
      for (const s of ['old-secret', 'new-secret']) {
        const res = await fetch(`${rotated.url}/webhooks/pawapass`, { method: 'POST', headers: { 'x-signature': sign(body, s) }, body });
        expect(res.status).toBe(200); // authenticated; unknown session is acknowledged and ignored
      }
      const bad = '{"notificationId": 1}';
      expect((await fetch(`${rotated.url}/webhooks/pawapass`, { method: 'POST', headers: { 'x-signature': sign(bad, 'new-secret') }, body: bad })).status).toBe(400);
    } finally {
      await rotated.close();
    }
  });
});

describe('reading verifications', () => {
  it('lists by subject newest first with cursor pagination, and through KycSubject', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(ok(await server.gql(StartPawaPassDocument, { input: input({ subjectId: 'pager' }) })).startPawaPassVerification.id);
    const p1 = ok(await server.gql(ListVerificationsDocument, { filter: { subjectId: 'pager' }, first: 2 })).verifications;
    expect(p1.edges.map((e) => e.node.id)).toEqual([ids[2], ids[1]]);
    expect(p1.pageInfo.hasNextPage).toBe(true);
    const p2 = ok(await server.gql(ListVerificationsDocument, { filter: { subjectId: 'pager' }, first: 2, after: p1.pageInfo.endCursor })).verifications;
    expect(p2.edges.map((e) => e.node.id)).toEqual([ids[0]]);
    expect(p2.pageInfo.hasNextPage).toBe(false);
    const subject = ok(await server.gql(SubjectVerificationsDocument, { id: 'pager' })).subject!;
    expect(subject.verifications.nodes.map((v) => v.id)).toEqual([ids[2], ids[1], ids[0]]);
    expect(subject.verifications.totalCount).toBe(3);
    const tooMany = await server.gql(ListVerificationsDocument, { first: 1000 });
    expect(firstError(tooMany)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const badCursor = await server.gql(ListVerificationsDocument, { after: 'garbage' });
    expect(firstError(badCursor)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('an unknown or malformed id is null, not an error', async () => {
    expect(ok(await server.gql(GetVerificationDocument, { id: 'nope' })).verification).toBeNull();
  });
});
