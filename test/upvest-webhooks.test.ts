// The Upvest webhook endpoint: signatures verified with the keys from /auth/verify_keys (cached,
// refetched for an unknown keyid), bundled deliveries, dedup per event id, 200 only once recorded.
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { UpvestAdapter } from '../src/providers/upvest/index.js';
import type { UpvestSimulator } from '../src/providers/upvest/simulator.js';
import { legacyDigest, signLegacyMessage } from '../src/providers/upvest/signature.js';
import type { CheckRecord } from '../src/domain/check.js';
import { CheckUpdatedDocument, CreateInstrumentFitCheckDocument, UserCheckDocument } from './generated/graphql.js';
import { ok, subscribe, until, wsClient } from './support/client.js';
import { startServer, type TestServer } from './support/server.js';
import { inboxOf, watchWebhook } from './support/webhooks.js';

let server: TestServer;
let sim: UpvestSimulator;
let adapter: UpvestAdapter;

beforeAll(async () => {
  // a bundling window long enough that concurrent advances share one delivery
  server = await startServer({ UPVEST_WEBHOOK_DELAY_MS: '150', UPVEST_VERIFY_KEYS_MIN_REFETCH_MS: '0' });
  adapter = server.app.adapters.get('UPVEST') as unknown as UpvestAdapter;
  sim = adapter.simulator!;
});
afterAll(() => server.close());

const recent = () => new Date(Date.now() - 3_600_000).toISOString();
async function newCheck(userId = randomUUID()) {
  const c = ok(await server.gql(CreateInstrumentFitCheckDocument, { input: { userId, checkConfirmedAt: recent(), instrumentSuitability: { suitability: true } } })).createInstrumentFitCheck;
  return { userId, id: c.id };
}
const event = (type: string, check: { id: string; userId: string }, status: string, id = randomUUID()) => ({
  id,
  created_at: new Date().toISOString(),
  type,
  object: { id: check.id, user_id: check.userId, type: 'INSTRUMENT_FIT', status, check_confirmed_at: '2021-08-02T15:04:05Z', instrument_suitability: { suitability: true } },
  webhook_id: randomUUID(),
});
const post = (body: string, headers: Record<string, string>) => fetch(`${server.url}/webhooks/upvest`, { method: 'POST', headers, body });
const signed = (body: string, opts: { created?: number } = {}) => sim.signWebhook(body, '/webhooks/upvest', opts);
/** The status kyc-graph recorded from webhooks (queries read Upvest itself, which crafted events do not change). */
const statusOf = async (c: { id: string }) => (await server.app.services.store.getMany<CheckRecord>('check', [c.id]))[0]!.status;

async function listen(userId: string) {
  const client = wsClient(server.url);
  const subs = server.app.services.bus.subscriberCount;
  const sub = subscribe(client, CheckUpdatedDocument, { userId });
  await until(() => server.app.services.bus.subscriberCount === subs + 1);
  return { sub, done: async () => { sub.close(); await client.dispose(); } };
}

describe('authenticating Upvest webhooks', () => {
  it('a forged webhook (signed with another key under a known keyid) is rejected before parsing and changes nothing', async () => {
    const c = await newCheck();
    const body = JSON.stringify(event('USER_CHECK.PASSED', c, 'PASSED'));
    const real = signed(body);
    const kid = /keyid="([^"]+)"/.exec(real['signature-input'])![1];
    const forger = generateKeyPairSync('ec', { namedCurve: 'P-521' }).privateKey;
    const headers = { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), digest: legacyDigest(body) };
    const forged = { ...headers, ...signLegacyMessage({ method: 'POST', target: '/webhooks/upvest', headers }, ['@method', '@path', 'content-type', 'content-length', 'digest'], { key: forger, keyId: kid }) };
    await until(() => sim.idle); // the simulator's own CREATED webhook for the check is recorded before we watch
    const hook = watchWebhook(server.app, body, c.id);
    try {
      expect((await post(body, forged)).status).toBe(401);
      expect([hook.parsed, hook.recorded]).toEqual([0, 0]);
      expect(await statusOf(c)).toBe('IN_PROGRESS');
      // the watch sees an authenticated delivery: parsed and recorded once
      expect((await post(body, signed(body))).status).toBe(200);
      expect([hook.parsed, hook.recorded]).toEqual([1, 1]);
    } finally {
      hook.restore();
    }
  });

  it('rejects a body changed after signing, a missing signature, and a stale signature', async () => {
    const c = await newCheck();
    const body = JSON.stringify(event('USER_CHECK.PASSED', c, 'PASSED'));
    expect((await post(body.replace('PASSED', 'FAILED'), signed(body))).status).toBe(401);
    expect((await post(body, { 'content-type': 'application/json' })).status).toBe(401);
    const stale = signed(body, { created: Math.floor(Date.now() / 1000) - 3600 });
    expect((await post(body, stale)).status).toBe(401);
    expect(await statusOf(c)).toBe('IN_PROGRESS');
    expect((await post(body, signed(body))).status).toBe(200);
    expect(await statusOf(c)).toBe('PASSED');
  });

  it('caches the JWKS, and fetches it again when a webhook names a key it does not know', async () => {
    const c1 = await newCheck();
    expect((await server.advance('upvest', c1.id, 'PASSED')).status).toBe(200);
    const fetches = adapter.verifyKeys.fetches;
    const keyCalls = sim.requests.verifyKeys;
    const c2 = await newCheck();
    expect((await server.advance('upvest', c2.id, 'PASSED')).status).toBe(200);
    expect(adapter.verifyKeys.fetches).toBe(fetches); // known key: served from the cache

    sim.rotateWebhookKey();
    const c3 = await newCheck();
    expect((await server.advance('upvest', c3.id, 'FAILED')).status).toBe(200);
    expect(adapter.verifyKeys.fetches).toBe(fetches + 1);
    expect(sim.requests.verifyKeys).toBe(keyCalls + 1);
    expect(await statusOf(c3)).toBe('FAILED');
    // queries read Upvest itself, which agrees
    expect(ok(await server.gql(UserCheckDocument, { userId: c3.userId, id: c3.id })).check!.status).toBe('FAILED');
  });
});

describe('recording Upvest webhooks', () => {
  it('accepts a bundled delivery ({"payload": [...]}) and a bare array, recording every event', async () => {
    const userId = randomUUID();
    const a = await newCheck(userId);
    const b = await newCheck(userId);
    const { sub, done } = await listen(userId);
    const bundle = JSON.stringify({ payload: [event('USER_CHECK.PASSED', a, 'PASSED'), event('USER_CHECK.FAILED', b, 'FAILED')] });
    const res = await post(bundle, signed(bundle));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ received: 2, duplicates: 0 });
    const got = [(await sub.next()).checkUpdated.check, (await sub.next()).checkUpdated.check];
    expect(got.map((c) => [c.id, c.status])).toEqual([[a.id, 'PASSED'], [b.id, 'FAILED']]);
    const c = await newCheck(userId);
    await sub.next(); // its creation
    const array = JSON.stringify([event('USER_CHECK.PASSED', c, 'PASSED')]);
    expect((await post(array, signed(array))).status).toBe(200);
    expect((await sub.next()).checkUpdated.check).toMatchObject({ id: c.id, status: 'PASSED' });
    await done();
  });

  it('the simulator bundles events raised together, and each reaches the subscriber once', async () => {
    const userId = randomUUID();
    const checks = await Promise.all([newCheck(userId), newCheck(userId), newCheck(userId)]);
    await until(() => sim.idle);
    const { sub, done } = await listen(userId);
    const from = sim.deliveries.length;
    const replies = await Promise.all(checks.map((c) => server.advance('upvest', c.id, 'PASSED')));
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(sim.deliveries.slice(from)).toEqual([3]);
    const ids = new Set<string>();
    for (let i = 0; i < 3; i++) ids.add((await sub.next()).checkUpdated.check.id);
    expect(ids).toEqual(new Set(checks.map((c) => c.id)));
    await done();
  });

  it('a redelivered event is recorded once: one subscription event', async () => {
    const c = await newCheck();
    const { sub, done } = await listen(c.userId);
    const body = JSON.stringify(event('USER_CHECK.PASSED', c, 'PASSED'));
    const replies = await Promise.all([post(body, signed(body)), post(body, signed(body)), post(body, signed(body))]);
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200]);
    expect((await sub.next()).checkUpdated.check.status).toBe('PASSED');
    // a later, different event proves nothing else was queued before it
    const late = JSON.stringify(event('USER_CHECK.CREATED', c, 'IN_PROGRESS'));
    expect((await post(late, signed(late))).status).toBe(200);
    const other = await newCheck(c.userId);
    expect((await sub.next()).checkUpdated.check.id).toBe(other.id);
    expect(sub.events.map((e) => e.checkUpdated.check.status)).toEqual(['PASSED', 'IN_PROGRESS']);
    // the late CREATED did not move the final status back
    expect(await statusOf(c)).toBe('PASSED');
    await done();
  });

  it('answers 503 while it cannot record, and the simulator’s retry is recorded', async () => {
    const c = await newCheck();
    // the simulator's own CREATED webhook for the check is delivered first: otherwise it may be the
    // delivery refused below, and the PASSED one, sent after its retry, is accepted at once (200)
    await until(() => sim.idle);
    const { sub, done } = await listen(c.userId);
    // recording means the inbox: while it cannot append, the webhook is refused with 503
    const inbox = inboxOf(server.app);
    const append = inbox.append.bind(inbox);
    let refused = 0;
    const put = vi.spyOn(inbox, 'append').mockImplementation(async (...args) => {
      if (refused === 0 && JSON.stringify(args[1]).includes(c.id)) {
        refused++;
        throw new Error('inbox down');
      }
      return append(...args);
    });
    // what the endpoint answered each delivery about this check
    const answers: number[] = [];
    const receive = server.app.webhooks.receive.bind(server.app.webhooks);
    const route = vi.spyOn(server.app.webhooks, 'receive').mockImplementation(async (a, req) => {
      const outcome = await receive(a, req);
      if (req.rawBody.toString('utf8').includes(c.id)) answers.push(outcome.status);
      return outcome;
    });
    try {
      const res = await server.advance('upvest', c.id, 'PASSED');
      expect(res.status).toBe(202); // first delivery refused; Upvest retries after 1 s
      expect(((await res.json()) as { webhookDelivered: boolean }).webhookDelivered).toBe(false);
      expect((await sub.next(5000)).checkUpdated.check).toMatchObject({ id: c.id, status: 'PASSED' });
      await until(() => answers.length === 2);
      expect(answers).toEqual([503, 200]);
      expect(refused).toBe(1);
    } finally {
      route.mockRestore();
      put.mockRestore();
    }
    await done();
  });

  it('acknowledges an event about a check not created through this API without recording it', async () => {
    const body = JSON.stringify(event('USER_CHECK.PASSED', { id: randomUUID(), userId: randomUUID() }, 'PASSED'));
    const res = await post(body, signed(body));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ received: 1, ignored: 1 });
  });

  it('refuses an authenticated body that is not an Upvest event with 400', async () => {
    const body = JSON.stringify({ payload: [{ id: 'e1', type: 'USER_CHECK.EXPLODED', object: {} }] });
    expect((await post(body, signed(body))).status).toBe(400);
  });
});
