// kyc-graph on a real local Redis Cluster (REDIS_CLUSTER_NODES): the client is an ioredis Cluster,
// the server starts on it and answers /readyz. The store, bus and inbox suites run on the same
// harness (test/support/redis-cluster.ts) once their keys are hash-tagged.
import { Cluster } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basicAuthHeader } from '../src/providers/uppass/webhook.js';
import { GetUpPassVerificationDocument, StartUpPassDocument } from './generated/graphql.js';
import { ok } from './support/client.js';
import { hasRedisCluster, type RedisCluster, startRedisCluster, warnIfNoCluster } from './support/redis-cluster.js';
import { startServer, type TestServer } from './support/server.js';

warnIfNoCluster('redis-cluster.test');

describe.skipIf(!hasRedisCluster)('kyc-graph on a Redis Cluster (3 masters)', () => {
  let cluster: RedisCluster;
  let server: TestServer;
  beforeAll(async () => {
    cluster = await startRedisCluster();
    server = await startServer({ REDIS_CLUSTER_NODES: cluster.nodes });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await cluster?.stop();
  });

  it('the harness cluster spreads the slots over its 3 masters', async () => {
    const client = new Cluster(cluster.nodes.split(',').map((n) => ({ host: '127.0.0.1', port: Number(n.split(':')[1]) })));
    try {
      const slots = await client.cluster('SLOTS');
      expect(new Set(slots.map((s) => s[2][1]))).toEqual(new Set(cluster.ports));
      expect(slots.reduce((n, [from, to]) => n + to - from + 1, 0)).toBe(16384);
    } finally {
      client.disconnect();
    }
  });

  it('starts on REDIS_CLUSTER_NODES with an ioredis Cluster and answers /readyz', async () => {
    const res = await fetch(`${server.url}/readyz`);
    const body = (await res.json()) as { checks: Record<string, string> };
    expect(res.status).toBe(200);
    expect(body.checks).toMatchObject({ store: 'up', eventBus: 'up' });
    expect(server.config.redis.clusterNodes).toHaveLength(3);
    expect(server.app.services.store).toHaveProperty('redis', expect.any(Cluster));
  });

  it('creates a verification and takes its webhook with every key on the cluster', async () => {
    const v = ok(await server.gql(StartUpPassDocument, { input: { subjectId: 'on-cluster', formSlug: 'kyc-onboarding', lang: 'en', answers: { customer_id: 'c-1' } } })).startUpPassVerification;
    const at = new Date().toISOString();
    const hook = await fetch(`${server.url}/webhooks/uppass`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: basicAuthHeader(server.config.providers.uppass.webhookSecrets[0]) },
      body: JSON.stringify({
        event: { type: 'submit_form', nounce: crypto.randomUUID(), created_at: at },
        application: { id: 77, no: 'APP-1', form: 'kyc-onboarding', slug: v.providerRef, status: 'accepted', other_status: { ekyc: 'pass' }, submitted_at: at },
      }),
    });
    expect(hook.status).toBe(200);
    expect(ok(await server.gql(GetUpPassVerificationDocument, { id: v.id })).verification).toMatchObject({ id: v.id, status: 'APPROVED' });
  });
});
