// Nothing lost: subscriptions resume from a cursor, recorded webhooks are processed even when
// processing first fails, and a Redis outage turns webhooks into 5xx (retried) without losing any.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sign } from '../src/providers/pawapass/webhook.js';
import { GetVerificationDocument, StartPawaPassDocument, type StartPawaPassVerificationInput, VerificationUpdatedDocument } from './generated/graphql.js';
import { firstError, ok, subscribe, until, wsClient } from './support/client.js';
import { pawaPassStartInput, pawaPassVerification } from './support/fixtures.js';
import { hasRedis, type RedisServer, startRedis } from './support/redis.js';
import { startServer, type TestServer } from './support/server.js';

const input = (subjectId: string): StartPawaPassVerificationInput => pawaPassStartInput(subjectId);

function resumeSuite(name: string, env: () => Promise<Record<string, string>>, skip = false) {
  describe.skipIf(skip)(`resuming subscriptions (${name})`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startServer(await env());
    });
    afterAll(() => server?.close());

    it('a subscriber that reconnects with its last cursor gets exactly what it missed, then live events', async () => {
      const subjectId = `resume-${name}`;
      const client = wsClient(server.url);
      const first = subscribe(client, VerificationUpdatedDocument, { subjectId });
      await until(() => server.app.services.bus.subscriberCount === 1);
      const v = ok(await server.gql(StartPawaPassDocument, { input: input(subjectId) })).startPawaPassVerification;
      const created = (await first.next()).verificationUpdated;
      first.close();
      await until(() => server.app.services.bus.subscriberCount === 0);

      // missed while disconnected
      await server.advance('pawapass', v.providerRef, 'STARTED');
      await server.advance('pawapass', v.providerRef, 'USER_DATA_COLLECTED');
      const resumed = subscribe(client, VerificationUpdatedDocument, { subjectId, after: created.cursor });
      const missed = [(await resumed.next()).verificationUpdated, (await resumed.next()).verificationUpdated];
      expect(missed.map((e) => e.verification.providerStatus)).toEqual(['STARTED', 'USER_DATA_COLLECTED']);
      await until(() => server.app.services.bus.subscriberCount === 1);
      await server.advance('pawapass', v.providerRef, 'APPROVED');
      expect((await resumed.next()).verificationUpdated.verification.providerStatus).toBe('APPROVED');
      const cursors = [created.cursor, ...resumed.events.map((e) => e.verificationUpdated.cursor)];
      expect(new Set(cursors).size).toBe(4);
      expect(resumed.events).toHaveLength(3);
      resumed.close();
      await client.dispose();
    });

    it('a malformed cursor is BAD_USER_INPUT naming `after`', async () => {
      const client = wsClient(server.url);
      const sub = subscribe(client, VerificationUpdatedDocument, { after: 'not-a-cursor' });
      await until(() => sub.errors.length > 0);
      expect(JSON.stringify(sub.errors[0])).toContain('"field":"after"');
      await client.dispose();
    });
  });
}

resumeSuite('in memory', async () => ({}));
let redis: (RedisServer & { port: number; dir: string }) | null = null;
resumeSuite(
  'Redis',
  async () => {
    redis = await startRedis();
    return { REDIS_URL: redis.url };
  },
  !hasRedis,
);

describe('a recorded webhook whose processing fails', () => {
  it('is acknowledged, then processed by the recovery loop and delivered once', async () => {
    const server = await startServer({ INBOX_RECOVERY_AFTER_MS: '300' });
    try {
      const v = ok(await server.gql(StartPawaPassDocument, { input: input('recover') })).startPawaPassVerification;
      // counts the recovery loop's finished passes
      const webhooks = server.app.webhooks;
      const recover = webhooks.recover.bind(webhooks);
      let passes = 0;
      webhooks.recover = async (...args) => {
        try {
          return await recover(...args);
        } finally {
          passes++;
        }
      };
      const client = wsClient(server.url);
      const sub = subscribe(client, VerificationUpdatedDocument, { subjectId: 'recover' });
      await until(() => server.app.services.bus.subscriberCount === 1);
      const store = server.app.services.store;
      const put = store.put.bind(store);
      let failures = 1;
      store.put = async (kind, entity) => {
        if (kind === 'verification' && failures-- > 0) throw new Error('store briefly down');
        return put(kind, entity);
      };
      expect((await server.advance('pawapass', v.providerRef, 'APPROVED')).status).toBe(200);
      const e = (await sub.next(5000)).verificationUpdated;
      expect(e.verification.status).toBe('APPROVED');
      // a further recovery pass, started after the event was delivered, must not re-deliver it
      const seen = passes;
      await until(() => passes >= seen + 2, 10_000);
      // barrier: a later event of the same subject; a re-delivery would have come before it
      const later = ok(await server.gql(StartPawaPassDocument, { input: { ...input('recover'), externalId: 'recover-barrier' } })).startPawaPassVerification;
      expect((await sub.next()).verificationUpdated.verification.id).toBe(later.id);
      expect(sub.events.filter((x) => x.verificationUpdated.verification.id === v.id)).toHaveLength(1);
      expect(ok(await server.gql(GetVerificationDocument, { id: v.id })).verification?.status).toBe('APPROVED');
      sub.close();
      await client.dispose();
    } finally {
      await server.close();
    }
  });
});

describe.skipIf(!hasRedis)('Redis lost and back', () => {
  it('webhooks get 503 while Redis is down, other queries still answer, and the subscriber resumes when it is back', async () => {
    redis ??= await startRedis();
    const server = await startServer({ REDIS_URL: redis.url, PAWAPASS_WEBHOOK_SECRETS: 'outage-secret' });
    try {
      const v = ok(await server.gql(StartPawaPassDocument, { input: input('outage') })).startPawaPassVerification;
      const client = wsClient(server.url);
      const sub = subscribe(client, VerificationUpdatedDocument, { id: v.id });
      await until(() => server.app.services.bus.subscriberCount === 1);

      const { port, dir } = redis;
      await redis.stop(true);
      const body = JSON.stringify({
        notificationId: 'outage-1',
        type: 'VERIFICATION.STATUS_CHANGE',
        object: 'VERIFICATION',
        createdAt: new Date().toISOString(),
        data: pawaPassVerification({ id: v.providerRef, externalId: 'outage', status: 'STARTED', requirements: [], updatedAt: new Date().toISOString() }),
      });
      const send = () => fetch(`${server.url}/webhooks/pawapass`, { method: 'POST', headers: { 'x-signature': sign(body, 'outage-secret') }, body });
      expect((await send()).status).toBe(503);
      expect((await fetch(`${server.url}/readyz`)).status).toBe(503);
      const providers = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ providers { provider circuit } }"}' });
      const states = ((await providers.json()) as { data: { providers: { provider: string; circuit: string }[] } }).data.providers;
      expect(states.find((p) => p.provider === 'PAWAPASS')).toEqual({ provider: 'PAWAPASS', circuit: 'CLOSED' });
      const read = await server.gql(GetVerificationDocument, { id: v.id });
      expect(firstError(read)?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');

      redis = await startRedis(port, dir);
      let status = 0;
      for (let i = 0; i < 50 && status !== 200; i++) {
        status = (await send()).status; // the provider's retry
        if (status !== 200) await new Promise((r) => setTimeout(r, 200));
      }
      expect(status).toBe(200);
      expect((await sub.next(10_000)).verificationUpdated.verification.providerStatus).toBe('STARTED');
      sub.close();
      await client.dispose();
    } finally {
      await server.close();
    }
  });
});

afterAll(async () => {
  await redis?.stop();
});
