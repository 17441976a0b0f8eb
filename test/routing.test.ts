// startVerification (issue 16): routing by country, failover only when a provider is unavailable
// (the circuit read first), one idempotency key for the routed start, reuse of a recent APPROVED
// verification. Real HTTP against the in-process simulators, faults injected through their routes.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import type { VerificationRecord } from '../src/domain/verification.js';
import type { PawaPassSimulator } from '../src/providers/pawapass/simulator.js';
import type { UpPassSimulator } from '../src/providers/uppass/simulator.js';
import { createApp, createLogger } from '../src/server/app.js';
import { newApiKey } from '../src/server/auth.js';
import { EraseSubjectDocument, type StartVerificationInput, StartVerificationDocument } from './generated/graphql.js';
import { firstError, ok, until } from './support/client.js';
import { scrape, value } from './support/metrics.js';
import { startServer, type TestServer, withProviderDeadline } from './support/server.js';

const URLS = { successUrl: 'https://e.com/s', errorUrl: 'https://e.com/e', supportUrl: 'https://e.com/h' };
let n = 0;
/** A fresh subject per start, so tests never see each other's verifications. */
const subject = () => `routing-subject-${++n}`;

let server: TestServer;
let pawa: PawaPassSimulator;
let up: UpPassSimulator;

const fault = (provider: 'pawapass' | 'uppass', f: object, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/sandbox/${provider}/faults`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(f) });
const clearFaults = () => Promise.all(['pawapass', 'uppass'].map((p) => fetch(`${server.url}/sandbox/${p}/faults`, { method: 'DELETE' })));

const startOn = (s: TestServer, input: StartVerificationInput, headers?: Record<string, string>) => s.gql(StartVerificationDocument, { input }, headers);
const start = (input: StartVerificationInput) => startOn(server, input);
const started = async (input: StartVerificationInput) => ok(await start(input)).startVerification;

async function stored(s: TestServer, id: string): Promise<VerificationRecord | null> {
  return (await s.app.services.store.getMany<VerificationRecord>('verification', [id]))[0];
}
/** Waits until the stored record has `status` (the webhook is processed asynchronously). */
async function untilStatus(s: TestServer, id: string, status: string) {
  const deadline = Date.now() + 5000;
  while ((await stored(s, id))?.status !== status) {
    if (Date.now() > deadline) throw new Error(`${id} never reached ${status}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
/** Rewrites a stored record (what time and document expiry would do to it). */
async function rewrite(s: TestServer, id: string, change: (r: VerificationRecord) => VerificationRecord) {
  const r = (await stored(s, id))!;
  expect(await s.app.services.store.put('verification', change(r), r.version)).not.toBeNull();
}
const failovers = async (provider: string) => value(await scrape(server.url), 'kyc_routing_failover_total', { provider });

beforeAll(async () => {
  server = await startServer({
    RETRY_BASE_MS: '10',
    BREAKER_THRESHOLD: '3',
    BREAKER_HALF_OPEN_MS: '600000',
    PROVIDER_PROBE_INTERVAL_MS: '3600000',
  });
  pawa = server.app.adapters.get('PAWAPASS')!.simulator as PawaPassSimulator;
  up = server.app.adapters.get('UPPASS')!.simulator as UpPassSimulator;
});
afterEach(async () => {
  await clearFaults();
  server.app.services.resilience.reset();
});
afterAll(() => server.close());

describe('default policy', () => {
  it('a country pawaPass serves goes to pawaPass, with the common fields in its own request (seed example values)', async () => {
    const sub = subject();
    const before = up.requests.create;
    const r = await started({
      subjectId: sub,
      country: 'ZM',
      ...URLS,
      phoneNo: '+260971234567',
      metadata: { reason: 'kyc-onboarding', channel: 'mobile-app', department: 'compliance' },
      expiresAt: '2099-08-27T09:00:00.000Z',
      lang: 'en',
    });
    expect(r).toMatchObject({ reused: false, attempts: [] });
    expect(r.verification).toMatchObject({
      provider: 'PAWAPASS',
      subjectId: sub,
      externalId: sub,
      country: 'ZM',
      status: 'CREATED',
      metadata: { reason: 'kyc-onboarding', channel: 'mobile-app', department: 'compliance' },
      expiresAt: '2099-08-27T09:00:00.000Z',
      details: { requirements: [{ type: 'DOCUMENT_SCAN' }, { type: 'FACE_SCAN' }], phoneNo: '+260971234567', ...URLS },
    });
    expect(r.verification.url).toContain('/sandbox/pawapass/');
    expect(up.requests.create).toBe(before);
  });

  it('any other country goes to UpPass: the form of UPPASS_FORM_SLUG (default kyc-onboarding), lang, metadata as answers', async () => {
    const before = pawa.requests.total;
    const r = await started({ subjectId: subject(), country: 'TH', lang: 'th', metadata: { ekyc_document_type: 'passport', customer_id: 'uuid_1' } });
    expect(r).toMatchObject({ reused: false, attempts: [] });
    expect(r.verification).toMatchObject({ provider: 'UPPASS', status: 'CREATED', details: { formSlug: 'kyc-onboarding', lang: 'th' } });
    expect(r.verification.url).toContain('/sandbox/uppass/th/form/kyc-onboarding/');
    // UpPass echoes the predefined answers in the Submission (webhook)
    expect((await server.advance('uppass', r.verification.providerRef, 'accepted')).status).toBe(200);
    await untilStatus(server, r.verification.id, 'APPROVED');
    const answers = ((await stored(server, r.verification.id))!.details as unknown as { answers: { questionKey: string; value: unknown }[] }).answers;
    expect(Object.fromEntries(answers.map((a) => [a.questionKey, a.value]))).toMatchObject({ ekyc_document_type: 'passport', customer_id: 'uuid_1' });
    expect(pawa.requests.total).toBe(before);
  });

  it('a provider that does not serve the country is skipped, even when the client names it first', async () => {
    const before = pawa.requests.total;
    const r = await started({ subjectId: subject(), country: 'FR', providers: ['PAWAPASS', 'UPPASS'] });
    expect(r).toMatchObject({ attempts: [], verification: { provider: 'UPPASS' } });
    expect(pawa.requests.total).toBe(before);
  });

  it('the client can name the order: UpPass first for a pawaPass country', async () => {
    const r = await started({ subjectId: subject(), country: 'ZM', providers: ['UPPASS', 'PAWAPASS'], ...URLS });
    expect(r).toMatchObject({ attempts: [], verification: { provider: 'UPPASS' } });
  });
});

describe('failover', () => {
  it('pawaPass answering 503: the start moves on to UpPass, the try is in attempts and in /metrics', async () => {
    const metric = await failovers('pawapass');
    await fault('pawapass', { status: 503, times: 1 });
    const r = await started({ subjectId: subject(), country: 'ZM', ...URLS });
    expect(r.verification.provider).toBe('UPPASS');
    expect(r.attempts).toEqual([{ provider: 'PAWAPASS', code: 'PROVIDER_UNAVAILABLE', message: expect.stringContaining('503') }]);
    expect(await failovers('pawapass')).toBe(metric + 1);
  });

  it('pawaPass not answering within its deadline: the start moves on to UpPass', async () => {
    await fault('pawapass', { delayMs: 1500, times: 1 });
    const creates = pawa.requests.create;
    const r = await withProviderDeadline(server.app, 'PAWAPASS', 300, () => started({ subjectId: subject(), country: 'KE', ...URLS }));
    expect(r.verification.provider).toBe('UPPASS');
    expect(r.attempts).toEqual([{ provider: 'PAWAPASS', code: 'PROVIDER_UNAVAILABLE', message: expect.stringContaining('no answer within 300 ms') }]);
    // pawaPass still handles the request we gave up on (as a live provider would): wait for it, so
    // its session is not counted by a later test
    await until(() => pawa.requests.create === creates + 1 && pawa.requests.inFlight === 0, 15_000);
  });

  it('pawaPass with an open circuit is not called at all: no request reaches it, no timeout is paid', async () => {
    await fault('pawapass', { status: 503, times: 3 });
    for (let i = 0; i < 3; i++) expect((await started({ subjectId: subject(), country: 'ZM', ...URLS })).verification.provider).toBe('UPPASS');
    expect(server.app.services.resilience.circuitStates(['PAWAPASS']).PAWAPASS).toBe('open');
    await clearFaults(); // pawaPass would answer now; the open circuit still says it is down
    const calls = pawa.requests.total;
    const metric = await failovers('pawapass');
    const r = await started({ subjectId: subject(), country: 'ZM', ...URLS });
    expect(r.verification.provider).toBe('UPPASS');
    expect(r.attempts).toEqual([{ provider: 'PAWAPASS', code: 'CIRCUIT_OPEN', message: expect.stringContaining('not called') }]);
    expect(pawa.requests.total).toBe(calls);
    expect(await failovers('pawapass')).toBe(metric + 1);
  });

  it("a provider's 4xx stops the start with its error: no session at the next provider", async () => {
    await fault('pawapass', { status: 400, times: 1 });
    const before = up.requests.create;
    const res = await start({ subjectId: subject(), country: 'ZM', ...URLS });
    expect(firstError(res)?.extensions).toMatchObject({ code: 'PROVIDER_REJECTED', provider: 'PAWAPASS', httpStatus: 400 });
    expect(up.requests.create).toBe(before);
  });

  it('a 4xx after a failover carries the earlier attempts', async () => {
    await fault('pawapass', { status: 503, times: 1 });
    await fault('uppass', { status: 463, times: 1 });
    const res = await start({ subjectId: subject(), country: 'ZM', ...URLS });
    expect(firstError(res)?.extensions).toMatchObject({
      code: 'PROVIDER_REJECTED',
      provider: 'UPPASS',
      attempts: [{ provider: 'PAWAPASS', code: 'PROVIDER_UNAVAILABLE' }],
    });
  });

  it('every candidate unavailable: PROVIDER_UNAVAILABLE with the attempts, each counted', async () => {
    const [p, u] = [await failovers('pawapass'), await failovers('uppass')];
    await fault('pawapass', { status: 503, times: 1 });
    await fault('uppass', { status: 502, times: 1 });
    const res = await start({ subjectId: subject(), country: 'ZM', ...URLS });
    const err = firstError(res);
    expect(err?.extensions?.code).toBe('PROVIDER_UNAVAILABLE');
    expect(err?.extensions?.attempts).toEqual([
      { provider: 'PAWAPASS', code: 'PROVIDER_UNAVAILABLE', message: expect.stringContaining('503') },
      { provider: 'UPPASS', code: 'PROVIDER_UNAVAILABLE', message: expect.stringContaining('502') },
    ]);
    expect(res.data).toBeNull();
    expect([await failovers('pawapass'), await failovers('uppass')]).toEqual([p + 1, u + 1]);
  });
});

describe('idempotency across a failover', () => {
  it('one key, one session: retries (concurrent and later, after pawaPass recovered) return the UpPass session and never open one at pawaPass', async () => {
    const input = { subjectId: subject(), country: 'ZM', ...URLS, idempotencyKey: 'routed-retry-1' };
    await fault('pawapass', { status: 503, times: 1 });
    const [pawaCreates, upCreates] = [pawa.requests.create, up.requests.create];
    const [a, b] = await Promise.all([start(input), start(input)]);
    const c = await start(input); // the fault is used up: pawaPass would answer now
    const first = ok(a).startVerification;
    expect(first.verification.provider).toBe('UPPASS');
    for (const again of [ok(b).startVerification, ok(c).startVerification]) {
      expect(again).toEqual(first);
    }
    expect(first.attempts).toEqual([{ provider: 'PAWAPASS', code: 'PROVIDER_UNAVAILABLE', message: expect.stringContaining('503') }]);
    expect([pawa.requests.create, up.requests.create]).toEqual([pawaCreates, upCreates + 1]);
  });

  it('the attempts stay with the result after the session changes status; erasing the subject forgets the key', async () => {
    const sub = subject();
    const input = { subjectId: sub, country: 'ZM', ...URLS, idempotencyKey: 'routed-retry-4' };
    await fault('pawapass', { status: 503, times: 1 });
    const first = await started(input);
    expect(first.attempts).toHaveLength(1);
    expect((await server.advance('uppass', first.verification.providerRef, 'accepted')).status).toBe(200);
    await untilStatus(server, first.verification.id, 'APPROVED');
    const again = await started(input);
    expect(again).toMatchObject({ reused: false, attempts: first.attempts, verification: { id: first.verification.id, status: 'APPROVED' } });
    // erased: the key no longer returns the erased session; a retry opens a new one (pawaPass is up now)
    expect(ok(await server.gql(EraseSubjectDocument, { id: sub, reason: 'test' })).eraseSubject.verifications).toBe(1);
    const fresh = await started(input);
    expect(fresh.verification.id).not.toBe(first.verification.id);
    expect(fresh).toMatchObject({ reused: false, attempts: [], verification: { provider: 'PAWAPASS' } });
  });

  it('the same key with another input is refused, naming the key', async () => {
    const input = { subjectId: subject(), country: 'FR', idempotencyKey: 'routed-retry-2' };
    await started(input);
    const res = await start({ ...input, lang: 'th' });
    expect(firstError(res)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.idempotencyKey' });
  });

  it('all unavailable keeps nothing under the key: a retry tries again', async () => {
    const input = { subjectId: subject(), country: 'FR', idempotencyKey: 'routed-retry-3' };
    await fault('uppass', { status: 503, times: 1 });
    expect(firstError(await start(input))?.extensions?.code).toBe('PROVIDER_UNAVAILABLE');
    expect((await started(input)).verification.provider).toBe('UPPASS');
  });
});

describe('reuse of an approved verification', () => {
  async function approvedAtUpPass(sub: string) {
    const v = (await started({ subjectId: sub, country: 'FR' })).verification;
    expect((await server.advance('uppass', v.providerRef, 'accepted')).status).toBe(200);
    await untilStatus(server, v.id, 'APPROVED');
    return v;
  }

  it('returns the newest APPROVED verification of the subject without calling a provider; reused: true', async () => {
    const sub = subject();
    await approvedAtUpPass(sub);
    const newest = await approvedAtUpPass(sub);
    const [p, u] = [pawa.requests.total, up.requests.create];
    const r = await started({ subjectId: sub, country: 'ZM', ...URLS, reuseApprovedWithinDays: 30 });
    expect(r).toMatchObject({ reused: true, attempts: [], verification: { id: newest.id, provider: 'UPPASS', status: 'APPROVED' } });
    expect([pawa.requests.total, up.requests.create]).toEqual([p, u]);
  });

  it('reuses a pawaPass approval too (any hosted provider)', async () => {
    const sub = subject();
    const v = (await started({ subjectId: sub, country: 'ZM', ...URLS })).verification;
    await server.advance('pawapass', v.providerRef, 'STARTED');
    await server.advance('pawapass', v.providerRef, 'APPROVED');
    await untilStatus(server, v.id, 'APPROVED');
    const r = await started({ subjectId: sub, country: 'FR', reuseApprovedWithinDays: 1 });
    expect(r).toMatchObject({ reused: true, verification: { id: v.id, provider: 'PAWAPASS' } });
  });

  it('without reuseApprovedWithinDays a new session is opened', async () => {
    const sub = subject();
    const v = await approvedAtUpPass(sub);
    const r = await started({ subjectId: sub, country: 'FR' });
    expect(r.reused).toBe(false);
    expect(r.verification.id).not.toBe(v.id);
  });

  it('never reuses a DECLINED or EXPIRED verification', async () => {
    const sub = subject();
    const declined = (await started({ subjectId: sub, country: 'FR' })).verification;
    await server.advance('uppass', declined.providerRef, 'rejected');
    await untilStatus(server, declined.id, 'DECLINED');
    const expired = (await started({ subjectId: sub, country: 'ZM', ...URLS })).verification;
    await server.advance('pawapass', expired.providerRef, 'EXPIRED');
    await untilStatus(server, expired.id, 'EXPIRED');
    const r = await started({ subjectId: sub, country: 'FR', reuseApprovedWithinDays: 3650 });
    expect(r.reused).toBe(false);
    expect([declined.id, expired.id]).not.toContain(r.verification.id);
  });

  it('never reuses an approval whose identity document has expired', async () => {
    const sub = subject();
    const v = (await started({ subjectId: sub, country: 'ZM', ...URLS })).verification;
    await server.advance('pawapass', v.providerRef, 'STARTED');
    await server.advance('pawapass', v.providerRef, 'APPROVED');
    await untilStatus(server, v.id, 'APPROVED');
    expect((await started({ subjectId: sub, country: 'FR', reuseApprovedWithinDays: 30 })).verification.id).toBe(v.id);
    await rewrite(server, v.id, (r) => ({ ...r, identityDocument: { ...r.identityDocument!, expiryAt: '2020-01-31' } }));
    const r = await started({ subjectId: sub, country: 'FR', reuseApprovedWithinDays: 30 });
    expect(r.reused).toBe(false);
    expect(r.verification.id).not.toBe(v.id);
  });

  it('never reuses an approval older than reuseApprovedWithinDays', async () => {
    const sub = subject();
    const v = await approvedAtUpPass(sub);
    const fortyDaysAgo = new Date(Date.now() - 40 * 86_400_000).toISOString();
    await rewrite(server, v.id, (r) => ({ ...r, history: r.history.map((h) => (h.status === 'APPROVED' ? { ...h, at: fortyDaysAgo } : h)) }));
    const young = await started({ subjectId: sub, country: 'FR', reuseApprovedWithinDays: 30 });
    expect(young.reused).toBe(false);
    expect((await started({ subjectId: sub, country: 'FR', reuseApprovedWithinDays: 41 })).verification.id).toBe(v.id);
  });

  it("never reuses another tenant's verification of the same subject id", async () => {
    const a = newApiKey('tenant-a', ['verifications:read', 'verifications:write']);
    const b = newApiKey('tenant-b', ['verifications:read', 'verifications:write']);
    const writeOnly = newApiKey('tenant-b', ['verifications:write']);
    const keyed = await startServer({ API_KEYS: JSON.stringify([a.entry, b.entry, writeOnly.entry]) });
    try {
      const as = (k: { key: string }) => ({ authorization: `Bearer ${k.key}` });
      const v = ok(await startOn(keyed, { subjectId: 'same-user', country: 'FR' }, as(a))).startVerification.verification;
      expect((await keyed.advance('uppass', v.providerRef, 'accepted', {}, as(a))).status).toBe(200);
      await untilStatus(keyed, v.id, 'APPROVED');
      expect(ok(await startOn(keyed, { subjectId: 'same-user', country: 'FR', reuseApprovedWithinDays: 30 }, as(a))).startVerification.verification.id).toBe(v.id);
      const other = ok(await startOn(keyed, { subjectId: 'same-user', country: 'FR', reuseApprovedWithinDays: 30 }, as(b))).startVerification;
      expect(other.reused).toBe(false);
      expect(other.verification.id).not.toBe(v.id);
      // reuse returns a stored verification: a key that cannot read verifications may not ask for it
      const denied = await startOn(keyed, { subjectId: 'same-user', country: 'FR', reuseApprovedWithinDays: 30 }, as(writeOnly));
      expect(firstError(denied)?.extensions?.code).toBe('FORBIDDEN');
    } finally {
      await keyed.close();
    }
  });
});

describe('bad input names the field, and no provider is called', () => {
  it.each<[string, Partial<StartVerificationInput>]>([
    ['input.country', { country: 'zm' }],
    ['input.country', { country: 'XX' }],
    ['input.country', { country: 'ZMB' }],
    ['input.subjectId', { subjectId: '' }],
    ['input.subjectId', { subjectId: 'a\u0000b' }],
    ['input.providers', { providers: [] }],
    ['input.providers', { providers: ['UPPASS', 'UPPASS'] }],
    ['input.providers[0]', { providers: ['ARGOS'] }],
    ['input.providers', { country: 'FR', providers: ['PAWAPASS'] }],
    ['input.reuseApprovedWithinDays', { reuseApprovedWithinDays: 0 }],
    ['input.reuseApprovedWithinDays', { reuseApprovedWithinDays: 3651 }],
    ['input.successUrl', { successUrl: 'ftp://e.com/s' }],
    ['input.successUrl', { country: 'ZM', successUrl: null }],
    ['input.supportUrl', { country: 'ZM', supportUrl: null }],
    ['input.lang', { lang: 'EN' }],
    ['input.phoneNo', { phoneNo: '+2609\n71' }],
    ['input.metadata', { metadata: ['not', 'an', 'object'] }],
    ['input.metadata', { country: 'FR', metadata: { 'not a question key': 1 } }],
    ['input.expiresAt', { expiresAt: '2001-01-01T00:00:00.000Z' }],
    ['input.idempotencyKey', { idempotencyKey: '' }],
  ])('%s: %j', async (field, change) => {
    const [p, u] = [pawa.requests.total, up.requests.create];
    const res = await start({ subjectId: subject(), country: 'ZM', ...URLS, ...change } as StartVerificationInput);
    expect(firstError(res)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect([pawa.requests.total, up.requests.create]).toEqual([p, u]);
  });
});

describe('custom policy', () => {
  let custom: TestServer;
  beforeAll(async () => {
    custom = await startServer({ ROUTING_POLICY: JSON.stringify({ ZM: ['UPPASS', 'PAWAPASS'], '*': ['PAWAPASS', 'UPPASS'] }), UPPASS_FORM_SLUG: 'my-flow_2' });
  });
  afterAll(() => custom.close());
  const startCustom = async (input: StartVerificationInput) => ok(await startOn(custom, input)).startVerification;

  it('a country it names follows its order, with the UpPass form of UPPASS_FORM_SLUG', async () => {
    const r = await startCustom({ subjectId: subject(), country: 'ZM', ...URLS });
    expect(r.verification).toMatchObject({ provider: 'UPPASS', details: { formSlug: 'my-flow_2' } });
  });

  it('"*" covers the others; a provider that does not serve the country is skipped', async () => {
    expect((await startCustom({ subjectId: subject(), country: 'KE', ...URLS })).verification.provider).toBe('PAWAPASS');
    expect((await startCustom({ subjectId: subject(), country: 'DE' })).verification.provider).toBe('UPPASS');
  });

  it('is checked at start: bad JSON, country or provider is a ConfigError naming it', async () => {
    for (const [policy, names] of [
      ['not json', /ROUTING_POLICY must be JSON/],
      ['["UPPASS"]', /ROUTING_POLICY must be a JSON object/],
      ['{"Zambia":["PAWAPASS"]}', /"Zambia"/],
      ['{"zm":["PAWAPASS"]}', /"zm"/],
      ['{"ZM":["PAWAPAS"]}', /ZM: "PAWAPAS" is not a provider/],
      ['{"ZM":[]}', /ZM: must be a non-empty list/],
      ['{"ZM":["UPPASS","UPPASS"]}', /ZM: UPPASS is listed twice/],
    ] as const) {
      expect(() => loadConfig({ ROUTING_POLICY: policy })).toThrow(ConfigError);
      expect(() => loadConfig({ ROUTING_POLICY: policy })).toThrow(names);
    }
    expect(() => loadConfig({ UPPASS_FORM_SLUG: 'no spaces' })).toThrow(/UPPASS_FORM_SLUG/);
    // checked against the providers when the app starts
    for (const [policy, names] of [
      ['{"*":["ARGOS"]}', /ROUTING_POLICY \*: ARGOS has no hosted flow/],
      ['{"FR":["PAWAPASS","UPPASS"]}', /ROUTING_POLICY FR: PAWAPASS does not serve FR/],
    ] as const) {
      const config = loadConfig({ PORT: '0', ROUTING_POLICY: policy });
      await expect(createApp(config, createLogger('silent'))).rejects.toThrow(names);
      await expect(createApp(config, createLogger('silent'))).rejects.toBeInstanceOf(ConfigError);
    }
  });
});
