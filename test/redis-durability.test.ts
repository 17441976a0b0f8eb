// Redis durability at start and per write: production refuses a Redis without AOF (exit 2, naming
// REDIS_ALLOW_NO_AOF) unless overridden; a maxmemory-policy that evicts is warned about; with
// REDIS_WAIT_REPLICAS a webhook is acknowledged and a create answered only once a replica holds it.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { basicAuthHeader } from '../src/providers/uppass/webhook.js';
import { newApiKey } from '../src/server/auth.js';
import { StartUpPassDocument } from './generated/graphql.js';
import { ok } from './support/client.js';
import { freePort, hasRedis, INSTALL_HINT, type RedisServer, redisServerPath, startRedis } from './support/redis.js';
import { startServer, type TestServer } from './support/server.js';

if (!hasRedis) console.warn(`redis-durability.test: redis-server not found, SKIPPED (${INSTALL_HINT})`);

describe('Redis settings (config)', () => {
  it('takes REDIS_CLUSTER_NODES instead of REDIS_URL and names the variable of a bad value', () => {
    expect(loadConfig({ REDIS_CLUSTER_NODES: '10.0.0.1:7000, redis-b:7001,[::1]:7002' }).redis).toMatchObject({
      url: null,
      clusterNodes: [{ host: '10.0.0.1', port: 7000 }, { host: 'redis-b', port: 7001 }, { host: '::1', port: 7002 }],
      allowNoAof: false,
      waitReplicas: 0,
      waitTimeoutMs: 1000,
    });
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: '127.0.0.1:7000', REDIS_URL: 'redis://127.0.0.1:6379' })).toThrow(/REDIS_CLUSTER_NODES and REDIS_URL are both set/);
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: 'redis-a' })).toThrow(/REDIS_CLUSTER_NODES must be host:port/);
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: 'redis-a:70000' })).toThrow(/REDIS_CLUSTER_NODES/);
    expect(() => loadConfig({ REDIS_WAIT_REPLICAS: '-1' })).toThrow(ConfigError);
    expect(() => loadConfig({ REDIS_WAIT_REPLICAS: 'two' })).toThrow(/REDIS_WAIT_REPLICAS/);
    expect(() => loadConfig({ REDIS_ALLOW_NO_AOF: 'maybe' })).toThrow(/REDIS_ALLOW_NO_AOF/);
    expect(loadConfig({ REDIS_WAIT_REPLICAS: '2', REDIS_WAIT_TIMEOUT_MS: '250', REDIS_ALLOW_NO_AOF: 'true' }).redis).toMatchObject({ waitReplicas: 2, waitTimeoutMs: 250, allowNoAof: true });
  });
});

function lines(): { stream: Writable; text: () => string } {
  let out = '';
  return {
    stream: new Writable({
      write(chunk, _enc, cb) {
        out += chunk;
        cb();
      },
    }),
    text: () => out,
  };
}

// production refuses to start without API_KEYS
const apiKeys = () => JSON.stringify([newApiKey('t', ['verifications:read']).entry]);

describe.skipIf(!hasRedis)('persistence checked at start', () => {
  let redis: RedisServer;
  let admin: Redis;
  beforeAll(async () => {
    redis = await startRedis();
    admin = new Redis(redis.url);
    await admin.config('SET', 'appendonly', 'no');
  });
  afterAll(async () => {
    admin?.disconnect();
    await redis?.stop();
  });

  it('NODE_ENV=production with appendonly no: the process exits 2 naming REDIS_ALLOW_NO_AOF', async () => {
    const child = spawn(process.execPath, ['dist/main.js'], {
      env: { ...process.env, PORT: '0', NODE_ENV: 'production', REDIS_URL: redis.url, API_KEYS: apiKeys() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr!.on('data', (d) => (err += d));
    const [code] = await once(child, 'exit');
    expect(code).toBe(2);
    expect(err).toContain('appendonly no');
    expect(err).toContain('REDIS_ALLOW_NO_AOF=true');
  });

  it('REDIS_ALLOW_NO_AOF=true overrides; outside production it only warns; an evicting maxmemory-policy is warned about', async () => {
    await admin.config('SET', 'maxmemory-policy', 'allkeys-lru');
    try {
      const prodLogs = lines();
      const prod = await startServer({ NODE_ENV: 'production', API_KEYS: apiKeys(), REDIS_URL: redis.url, REDIS_ALLOW_NO_AOF: 'true', LOG_LEVEL: 'warn' }, prodLogs.stream);
      await prod.close();
      const devLogs = lines();
      const dev = await startServer({ REDIS_URL: redis.url, LOG_LEVEL: 'warn' }, devLogs.stream);
      await dev.close();
      for (const log of [prodLogs.text(), devLogs.text()]) {
        expect(log).toContain('Redis runs without AOF');
        expect(log).toMatch(/"maxmemoryPolicy":"allkeys-lru".*maxmemory-policy is not noeviction/);
      }
    } finally {
      await admin.config('SET', 'maxmemory-policy', 'noeviction');
    }
  });

  it('with AOF on and noeviction it says nothing', async () => {
    await admin.config('SET', 'appendonly', 'yes');
    try {
      const logs = lines();
      const server = await startServer({ NODE_ENV: 'production', API_KEYS: apiKeys(), REDIS_URL: redis.url, LOG_LEVEL: 'warn' }, logs.stream);
      await server.close();
      expect(logs.text()).not.toMatch(/AOF|maxmemory/);
    } finally {
      await admin.config('SET', 'appendonly', 'no');
    }
  });
});

describe.skipIf(!hasRedis)('REDIS_WAIT_REPLICAS=1 (a master and one real replica)', () => {
  let master: RedisServer;
  let replica: ChildProcess;
  let replicaDir = '';
  let server: TestServer;
  beforeAll(async () => {
    master = await startRedis();
    const port = await freePort();
    // a replica writes the master's snapshot to its dir on the first sync: a temp dir, not the checkout
    replicaDir = mkdtempSync(join(tmpdir(), 'kyc-redis-replica-'));
    replica = spawn(redisServerPath()!, ['--port', String(port), '--bind', '127.0.0.1', '--dir', replicaDir, '--save', '', '--appendonly', 'no', '--replicaof', '127.0.0.1', master.url.split(':').pop()!], { stdio: 'ignore' });
    const probe = new Redis(master.url);
    try {
      const deadline = Date.now() + 20_000;
      while (!/slave0:.*state=online/.test(await probe.info('replication'))) {
        if (Date.now() > deadline) throw new Error('the replica did not come online');
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      probe.disconnect();
    }
    server = await startServer({ REDIS_URL: master.url, REDIS_WAIT_REPLICAS: '1', REDIS_WAIT_TIMEOUT_MS: '2000' });
  });
  afterAll(async () => {
    await server?.close();
    if (replica && replica.exitCode === null) {
      replica.kill('SIGCONT');
      replica.kill('SIGTERM');
      await once(replica, 'exit');
    }
    await master?.stop();
    if (replicaDir) rmSync(replicaDir, { recursive: true, force: true });
  });

  const start = (subjectId: string) => server.gql(StartUpPassDocument, { input: { subjectId, formSlug: 'kyc-onboarding', lang: 'en', answers: { customer_id: subjectId } } });
  let application = 9000;
  const hook = (slug: string) => {
    const at = new Date().toISOString();
    return fetch(`${server.url}/webhooks/uppass`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: basicAuthHeader(server.config.providers.uppass.webhookSecrets[0]) },
      body: JSON.stringify({
        event: { type: 'submit_form', nounce: crypto.randomUUID(), created_at: at },
        application: { id: application++, no: 'APP-1', form: 'kyc-onboarding', slug, status: 'accepted', other_status: { ekyc: 'pass' }, submitted_at: at },
      }),
    });
  };

  it('acknowledges webhooks and answers creates while the replica keeps up, and refuses both (503 / error) while it does not', async () => {
    const v = ok(await start('replicated')).startUpPassVerification;
    expect((await hook(v.providerRef)).status).toBe(200);

    replica.kill('SIGSTOP'); // the replica stops acknowledging: WAIT times out with 0 of 1
    try {
      const refused = await hook(v.providerRef);
      expect(refused.status).toBe(503);
      const create = await start('unreplicated');
      expect(create.errors?.length).toBeGreaterThan(0);
      expect(create.data?.startUpPassVerification ?? null).toBeNull();
    } finally {
      replica.kill('SIGCONT');
    }
    expect((await hook(v.providerRef)).status).toBe(200);
    expect((await start('replicated-again')).errors).toBeUndefined();
  });
});
