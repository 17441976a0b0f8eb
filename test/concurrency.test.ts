// Statuses never go back, under concurrency: many pawaPass sessions get their signed webhooks all
// at once, out of order (non-final and final, to-the-second timestamps, duplicates), spread over
// two replicas — two separate `node dist/main.js` processes sharing a real redis-server — and, in
// memory, one process. For every session: the final status wins, `history` lists each status
// once in lifecycle order, and each subscriber got exactly the stored transitions of its session,
// never a status older than one it already saw.
import { type ChildProcess, spawn } from 'node:child_process';
import { print } from 'graphql';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { sign } from '../src/providers/pawapass/webhook.js';
import { GetVerificationDocument, StartPawaPassDocument, VerificationUpdatedDocument, type VerificationUpdatedSubscription } from './generated/graphql.js';
import { graphqlRequest, ok } from './support/client.js';
import { pawaPassVerification } from './support/fixtures.js';
import { scrape, value } from './support/metrics.js';
import { hasRedis, type RedisServer, startRedis } from './support/redis.js';
import { PROCESS_TEST_TIMEOUT_MS } from './support/process.js';
import { hasRedisCluster, type RedisCluster, startRedisCluster } from './support/redis-cluster.js';

const SESSIONS = 30;
const SECRET = 'concurrency-webhook-secret';
const RANK: Record<string, number> = { CREATED: 0, IN_PROGRESS: 1, IN_REVIEW: 2, RETRY_REQUIRED: 3, APPROVED: 4, DECLINED: 4, EXPIRED: 4 };
/** What each session's end user and reviewer do, in the provider's order. */
const STEPS = ['STARTED', 'USER_DATA_COLLECTED', 'REVIEW'] as const;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One real server process; resolves its URL from the ready line. */
async function startProcess(env: Record<string, string>): Promise<{ url: string; stop(): Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, ['dist/main.js'], { env: { ...process.env, PORT: '0', LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const deadline = Date.now() + 90_000;
  for (;;) {
    const m = /ready at (http:\/\/\S+)\/graphql/.exec(output);
    if (m) {
      return {
        url: m[1],
        stop: async () => {
          if (child.exitCode !== null) return;
          const exited = new Promise((r) => child.once('exit', r));
          child.kill('SIGTERM');
          await Promise.race([exited, sleep(10_000).then(() => child.kill('SIGKILL'))]);
        },
      };
    }
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`server did not start: ${output}`);
    await sleep(50);
  }
}

type Event = VerificationUpdatedSubscription['verificationUpdated'];

function shuffle<T>(xs: T[]): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
}

async function drive(urls: string[]) {
  const input = (i: number) => ({
    subjectId: `conc-${i % 5}`, externalId: `conc-${i}`, requirements: [{ type: 'DOCUMENT_SCAN' as const }],
    successUrl: 'https://e.com/s', errorUrl: 'https://e.com/e', supportUrl: 'https://e.com/h',
  });
  const sessions = await Promise.all(
    Array.from({ length: SESSIONS }, async (_, i) => {
      const v = ok(await graphqlRequest(`${urls[i % urls.length]}/graphql`, StartPawaPassDocument, { input: input(i) })).startPawaPassVerification;
      return { id: v.id, ref: v.providerRef, externalId: `conc-${i}`, final: i % 3 === 0 ? 'DECLINED' : 'APPROVED' };
    }),
  );

  // one subscriber per session, on either replica
  const received = new Map<string, Event[]>();
  const clients = sessions.map((s, i) => {
    const client = createClient({ url: `${urls[(i + 1) % urls.length].replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0 });
    received.set(s.id, []);
    return client;
  });
  for (const [i, s] of sessions.entries()) {
    clients[i].subscribe<VerificationUpdatedSubscription>(
      { query: print(VerificationUpdatedDocument), variables: { id: s.id } },
      { next: (r) => r.data && received.get(s.id)!.push(r.data.verificationUpdated), error: () => {}, complete: () => {} },
    );
  }
  // every subscription is registered on its server before the first webhook (the servers say so
  // in /metrics), so no subscriber can miss a transition
  for (let i = 0; ; i++) {
    const counts = await Promise.all(urls.map(async (u) => value(await scrape(u), 'kyc_subscriptions_active')));
    if (counts.reduce((a, b) => a + b, 0) >= SESSIONS) break;
    if (i > 600) throw new Error(`subscriptions not registered: ${counts}`);
    await sleep(50);
  }

  // every session's webhooks at once, shuffled across sessions and replicas, with duplicates; all
  // with the same to-the-second timestamp, so lifecycle rank alone orders them
  const at = new Date(Math.floor(Date.now() / 1000) * 1000 + 1000).toISOString();
  const webhooks = sessions.flatMap((s) =>
    [...STEPS, s.final].map((status, k) => ({
      notificationId: `conc-${s.externalId}-${k}`,
      body: JSON.stringify({
        notificationId: `conc-${s.externalId}-${k}`,
        type: 'VERIFICATION.STATUS_CHANGE',
        object: 'VERIFICATION',
        createdAt: at,
        data: pawaPassVerification({ id: s.ref, externalId: s.externalId, status, requirements: [{ type: 'DOCUMENT_SCAN' }], successUrl: 'https://e.com/s', errorUrl: 'https://e.com/e', supportUrl: 'https://e.com/h', updatedAt: at }),
      }),
    })),
  );
  const deliveries = shuffle([...webhooks, ...webhooks.filter((_, i) => i % 4 === 0)]);
  const statuses = await Promise.all(
    deliveries.map(async (w, i) => {
      const res = await fetch(`${urls[i % urls.length]}/webhooks/pawapass`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-signature': sign(w.body, SECRET) },
        body: w.body,
      });
      await res.arrayBuffer();
      return res.status;
    }),
  );
  return { sessions, received, clients, statuses, deliveries: deliveries.length };
}

function suite(name: string, start: () => Promise<{ urls: string[]; stop(): Promise<void> }>, skip = false) {
  describe.skipIf(skip)(`statuses never go back under concurrency (${name})`, () => {
    let servers: { urls: string[]; stop(): Promise<void> };
    beforeAll(async () => {
      servers = await start();
    }, PROCESS_TEST_TIMEOUT_MS);
    afterAll(async () => {
      await servers?.stop();
    });

    it(`${SESSIONS} sessions × 5 webhooks sent at once, out of order and duplicated: final status, history and every subscriber's events`, async () => {
      const { sessions, received, clients, statuses, deliveries } = await drive(servers.urls);
      expect(statuses.every((s) => s === 200)).toBe(true);
      expect(deliveries).toBeGreaterThan(SESSIONS * 4);
      for (const s of sessions) {
        const url = servers.urls[0];
        const v = ok(await graphqlRequest(`${url}/graphql`, GetVerificationDocument, { id: s.id })).verification!;
        expect(v.status).toBe(s.final);
        const history = v.history.map((h) => h.status);
        expect(new Set(history).size).toBe(history.length);
        expect(history.map((h) => RANK[h])).toEqual([...history.map((h) => RANK[h])].sort((a, b) => a - b));
        expect(history[0]).toBe('CREATED');
        expect(history.at(-1)).toBe(s.final);
        // the subscriber: it ends at the final status; never older than what it already saw; no
        // event twice; every event it got is a transition the history holds
        const deadline = Date.now() + 30_000;
        while (received.get(s.id)!.at(-1)?.verification.status !== s.final && Date.now() < deadline) await sleep(20);
        const got = received.get(s.id)!;
        expect(got.at(-1)?.verification.status).toBe(s.final);
        const ranks = got.map((e) => RANK[e.verification.status]);
        expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
        expect(new Set(got.map((e) => e.cursor)).size).toBe(got.length);
        for (const e of got) expect(history).toContain(e.verification.status);
      }
      await Promise.all(clients.map((c) => c.dispose()));
    }, PROCESS_TEST_TIMEOUT_MS);
  });
}

suite('memory, one process', async () => {
  const p = await startProcess({ PAWAPASS_WEBHOOK_SECRETS: SECRET });
  return { urls: [p.url], stop: () => p.stop() };
});

let redis: RedisServer | null = null;
suite(
  'Redis, two processes',
  async () => {
    redis = await startRedis();
    const env = { REDIS_URL: redis.url, PAWAPASS_WEBHOOK_SECRETS: SECRET, INBOX_RECOVERY_AFTER_MS: '300' };
    const [a, b] = await Promise.all([startProcess(env), startProcess(env)]);
    return {
      urls: [a.url, b.url],
      stop: async () => {
        await Promise.all([a.stop(), b.stop()]);
        await redis?.stop();
      },
    };
  },
  !hasRedis,
);

let cluster: RedisCluster | null = null;
suite(
  'Redis Cluster of 3 masters, two processes',
  async () => {
    cluster = await startRedisCluster();
    const env = { REDIS_CLUSTER_NODES: cluster.nodes, PAWAPASS_WEBHOOK_SECRETS: SECRET, INBOX_RECOVERY_AFTER_MS: '300' };
    const [a, b] = await Promise.all([startProcess(env), startProcess(env)]);
    return {
      urls: [a.url, b.url],
      stop: async () => {
        await Promise.all([a.stop(), b.stop()]);
        await cluster?.stop();
      },
    };
  },
  !hasRedisCluster,
);
