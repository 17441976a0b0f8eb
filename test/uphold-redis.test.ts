// Two instances on one Redis: an ingestion created on A, its webhooks received by A, reach a
// subscriber on B; B reads it from the shared store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateIngestionDocument, GetIngestionDocument, IngestionUpdatedDocument } from './generated/graphql.js';
import { ok, subscribe, until, wsClient } from './support/client.js';
import { hasRedis, type RedisServer, startRedis } from './support/redis.js';
import { startServer, type TestServer } from './support/server.js';

describe.skipIf(!hasRedis)('Uphold ingestions on two instances sharing Redis', () => {
  let redis: RedisServer;
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    redis = await startRedis();
    const env = { REDIS_URL: redis.url, UPHOLD_SANDBOX_STEP_MS: '100', INGESTION_POLL_INTERVAL_MS: '0' };
    a = await startServer(env);
    b = await startServer(env);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await redis?.stop();
  });

  it('an ingestion created on instance A is seen QUEUED → RUNNING → FINISHED by a subscriber on instance B', async () => {
    const client = wsClient(b.url);
    const sub = subscribe(client, IngestionUpdatedDocument, { userId: 'replica-user' });
    await until(() => b.app.services.bus.subscriberCount === 1);
    const i = ok(
      await a.gql(CreateIngestionDocument, {
        input: { source: 'SUMSUB', sourceVerificationRef: 'approved-replica', userId: 'replica-user', processes: ['IDENTITY'], idempotencyKey: 'replica-key' },
      }),
    ).createIngestion;
    const statuses = [];
    for (let k = 0; k < 3; k++) statuses.push((await sub.next()).ingestionUpdated.ingestion.status);
    expect(statuses).toEqual(['QUEUED', 'RUNNING', 'FINISHED']);
    sub.close();
    await client.dispose();
    expect(ok(await b.gql(GetIngestionDocument, { id: i.id })).ingestion).toMatchObject({ id: i.id, status: 'FINISHED', results: [{ process: 'IDENTITY', status: 'COMPLETED' }] });
    // the idempotency key is shared too: B returns A's ingestion
    const again = ok(
      await b.gql(CreateIngestionDocument, {
        input: { source: 'SUMSUB', sourceVerificationRef: 'approved-replica', userId: 'replica-user', processes: ['IDENTITY'], idempotencyKey: 'replica-key' },
      }),
    ).createIngestion;
    expect(again.id).toBe(i.id);
  });
});
