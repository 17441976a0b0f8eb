// Upvest checks on two instances sharing one Redis: a check created and webhooked on A reaches a
// subscriber on B, and an idempotency key reused on B returns A's check.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UpvestAdapter } from '../src/providers/upvest/index.js';
import { CheckUpdatedDocument, CreateInstrumentFitCheckDocument } from './generated/graphql.js';
import { ok, subscribe, until, wsClient } from './support/client.js';
import { hasRedis, type RedisServer, startRedis } from './support/redis.js';
import { startServer, type TestServer } from './support/server.js';

describe.skipIf(!hasRedis)('Upvest checks on two instances sharing Redis', () => {
  let redis: RedisServer;
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    redis = await startRedis();
    a = await startServer({ REDIS_URL: redis.url, UPVEST_WEBHOOK_DELAY_MS: '20' });
    b = await startServer({ REDIS_URL: redis.url });
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await redis?.stop();
  });

  it('a check created and passed on instance A reaches a checkUpdated subscriber on instance B', async () => {
    const userId = randomUUID();
    const client = wsClient(b.url);
    const sub = subscribe(client, CheckUpdatedDocument, { userId });
    await until(() => b.app.services.bus.subscriberCount === 1);
    const input = { userId, checkConfirmedAt: new Date().toISOString(), instrumentSuitability: { suitability: false }, idempotencyKey: `fit-${userId}` };
    const c = ok(await a.gql(CreateInstrumentFitCheckDocument, { input })).createInstrumentFitCheck;
    expect((await sub.next()).checkUpdated.check).toMatchObject({ id: c.id, status: 'IN_PROGRESS', instrumentSuitability: { suitability: false } });
    expect((await a.advance('upvest', c.id, 'FAILED')).status).toBe(200);
    expect((await sub.next()).checkUpdated.check).toMatchObject({ id: c.id, status: 'FAILED' });
    sub.close();
    await client.dispose();

    // the idempotency key lives in Redis: B returns A's check and calls no Upvest
    const simB = (b.app.adapters.get('UPVEST') as unknown as UpvestAdapter).simulator!;
    const creates = simB.requests.create;
    expect(ok(await b.gql(CreateInstrumentFitCheckDocument, { input })).createInstrumentFitCheck.id).toBe(c.id);
    expect(simB.requests.create).toBe(creates);
  });
});
