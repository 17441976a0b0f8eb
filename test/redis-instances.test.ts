// Two kyc-graph instances sharing one Redis: state and events cross between replicas.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetVerificationDocument, StartPawaPassDocument, VerificationUpdatedDocument } from './generated/graphql.js';
import { ok, subscribe, until, wsClient } from './support/client.js';
import { hasRedis, type RedisServer, startRedis } from './support/redis.js';
import { startServer, type TestServer } from './support/server.js';

describe.skipIf(!hasRedis)('two instances on one Redis', () => {
  let redis: RedisServer;
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    redis = await startRedis();
    a = await startServer({ REDIS_URL: redis.url });
    b = await startServer({ REDIS_URL: redis.url });
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await redis?.stop();
  });

  it('a webhook received by instance A reaches a subscriber on instance B', async () => {
    const client = wsClient(b.url);
    const sub = subscribe(client, VerificationUpdatedDocument, { subjectId: 'replica-user' });
    await until(() => b.app.services.bus.subscriberCount === 1);
    const v = ok(
      await a.gql(StartPawaPassDocument, {
        input: {
          subjectId: 'replica-user',
          externalId: 'replica-1',
          requirements: [{ type: 'DOCUMENT_SCAN' }],
          successUrl: 'https://example.com/s',
          errorUrl: 'https://example.com/e',
          supportUrl: 'https://example.com/h',
          idempotencyKey: 'replica-key',
        },
      }),
    ).startPawaPassVerification;
    expect((await sub.next()).verificationUpdated.verification).toMatchObject({ id: v.id, status: 'CREATED' });
    expect((await a.advance('pawapass', v.providerRef, 'APPROVED')).status).toBe(200);
    expect((await sub.next()).verificationUpdated).toMatchObject({ previousStatus: 'CREATED', verification: { id: v.id, status: 'APPROVED' } });
    sub.close();
    await client.dispose();
    // the store is shared too
    expect(ok(await b.gql(GetVerificationDocument, { id: v.id })).verification?.status).toBe('APPROVED');
  });

  it('readiness reports Redis down with 503 naming it', async () => {
    const c = await startServer({ REDIS_URL: redis.url });
    expect((await fetch(`${c.url}/readyz`)).status).toBe(200);
    await redis.stop();
    const res = await fetch(`${c.url}/readyz`);
    expect(res.status).toBe(503);
    expect(((await res.json()) as { down: string[] }).down).toEqual(expect.arrayContaining(['store', 'eventBus']));
    redis = await startRedis(); // for afterAll of the others
    await c.app.close().catch(() => {});
  });
});
