// Chaos: thousands of signed webhooks spread over two real server processes sharing one real
// redis-server, one process SIGKILLed part-way and restarted, while graphql-ws subscribers drop
// their connections at random points and resume with `after` = their last cursor on either
// process. In the end every subscriber holds exactly the events of its filter that the Redis
// event log (`kyc:{events}`) recorded since it first subscribed, in log order, and every webhook
// notificationId became exactly one event. CHAOS_EVENTS sets the webhook count: 10,000 in CI
// (`CI=true`, as .ci/run runs it; ~100 s on 2 cores), 2,000 by default on a developer machine.
// The same case runs on a real local Redis Cluster of 3 masters (REDIS_CLUSTER_NODES) with
// CHAOS_CLUSTER_EVENTS webhooks (1,000 in CI, 600 by default), asserting the same: 0 lost, 0 duplicated.
import type { ChildProcess } from 'node:child_process';
import { print } from 'graphql';
import { type Client, createClient } from 'graphql-ws';
import { Cluster, Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { sign } from '../src/providers/pawapass/webhook.js';
import { StartPawaPassDocument, VerificationUpdatedDocument, type VerificationUpdatedSubscription } from './generated/graphql.js';
import { graphqlRequest, ok } from './support/client.js';
import { pawaPassVerification } from './support/fixtures.js';
import { PROCESS_TEST_TIMEOUT_MS, startProcess } from './support/process.js';
import { hasRedis, INSTALL_HINT, startRedis } from './support/redis.js';
import { hasRedisCluster, startRedisCluster, warnIfNoCluster } from './support/redis-cluster.js';

const SINGLE_EVENTS = Number(process.env.CHAOS_EVENTS ?? (process.env.CI ? 10_000 : 2_000));
const CLUSTER_EVENTS = Number(process.env.CHAOS_CLUSTER_EVENTS ?? (process.env.CI ? 1_000 : 600));
console.warn(`[kyc-graph] chaos test: ${SINGLE_EVENTS} webhooks on one Redis (CHAOS_EVENTS; 10,000 in CI), ${CLUSTER_EVENTS} on a Redis Cluster (CHAOS_CLUSTER_EVENTS; 1,000 in CI)`);
warnIfNoCluster('chaos.test (cluster case)');
const SESSIONS = 20;
const SUBJECTS = 4;
const SECRET = 'chaos-webhook-secret';
const DUPLICATE_RATE = 0.03; // resent after it was acknowledged
const CONCURRENT_DUPLICATE_RATE = 0.01; // sent to both instances at the same time

if (!hasRedis) console.warn(`[chaos] redis-server not found: the chaos test is SKIPPED (${INSTALL_HINT})`);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const rand = (lo: number, hi: number) => lo + Math.floor(Math.random() * (hi - lo));

/** One `node dist/main.js` process; `start()` again after `kill()` restarts it with the same env. */
class Instance {
  child: ChildProcess | null = null;
  url = '';
  up = false;
  constructor(
    readonly name: string,
    private readonly env: Record<string, string>,
  ) {}

  async start() {
    const started = await startProcess(this.env).catch((err: Error) => {
      throw new Error(`instance ${this.name} did not start: ${err.message}`);
    });
    this.child = started.child;
    this.url = started.url;
    this.up = true;
  }

  async kill(signal: NodeJS.Signals = 'SIGKILL') {
    this.up = false;
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    await exited;
  }
}

type Received = VerificationUpdatedSubscription['verificationUpdated'];
interface Filter {
  id?: string;
  subjectId?: string;
}
interface LogEvent {
  cursor: string;
  id: string;
  subjectId: string | null;
  chaos: string | null;
}

/**
 * A graphql-ws subscriber that drops its connection at random and resumes from its last cursor.
 * It keeps every event the server delivers on its current connection, in arrival order: a
 * duplicate (a cursor it already had) or an event out of log order is counted, never dropped.
 */
class ChaosSubscriber {
  readonly events: Received[] = [];
  private readonly seen = new Set<string>();
  /** Deliveries of a cursor this subscriber already had. */
  duplicates = 0;
  /** Deliveries of a new cursor at or before the last one (out of log order). */
  outOfOrder = 0;
  connections = 0;
  serverDrops = 0;
  readonly graphqlErrors: unknown[] = [];
  private gen = 0;
  private client: Client | null = null;
  private last: string;
  private chaos = true;
  private stopped = false;
  private wake: () => void = () => {};
  private loop: Promise<void> | null = null;

  constructor(
    readonly name: string,
    readonly filter: Filter,
    /** Cursor of the log's tail when the subscriber first subscribes: it expects everything after it. */
    readonly from: string,
    private readonly instances: () => Instance[],
  ) {
    this.last = from;
  }

  get lastCursor() {
    return this.last;
  }

  private accept(gen: number, e: Received) {
    if (gen !== this.gen) return; // a connection we already dropped (its resume starts from `last`)
    if (this.seen.has(e.cursor)) this.duplicates++;
    else if (!after(e.cursor, this.last)) this.outOfOrder++;
    this.seen.add(e.cursor);
    this.events.push(e);
    if (after(e.cursor, this.last)) this.last = e.cursor;
  }

  /** Subscribes on a random live instance; resolves when the server ends the subscription. */
  private connect(): Promise<void> {
    const gen = ++this.gen;
    const live = this.instances().filter((i) => i.up);
    const inst = live[rand(0, live.length)];
    if (!inst) return sleep(50).then(() => {});
    this.connections++;
    const client = createClient({ url: `${inst.url.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
    this.client = client;
    return new Promise<void>((resolve) => {
      client.subscribe<VerificationUpdatedSubscription>(
        { query: print(VerificationUpdatedDocument), variables: { ...this.filter, after: this.last } },
        {
          next: (msg) => {
            if (msg.errors) this.graphqlErrors.push(msg.errors);
            if (msg.data) this.accept(gen, msg.data.verificationUpdated);
          },
          error: () => {
            if (gen === this.gen) this.serverDrops++;
            resolve();
          },
          complete: () => resolve(),
        },
      );
    });
  }

  private disconnect() {
    this.gen++;
    const c = this.client;
    this.client = null;
    // a socket to a killed instance may reject the dispose with ECONNRESET: expected here
    void Promise.resolve(c?.dispose()).catch(() => {});
  }

  start() {
    this.loop = (async () => {
      while (!this.stopped) {
        const ended = this.connect();
        const woken = new Promise<void>((r) => (this.wake = r));
        await Promise.race(this.chaos ? [ended, woken, sleep(rand(50, 1200))] : [ended, woken]);
        this.disconnect();
        if (!this.stopped) await sleep(rand(0, 30));
      }
    })();
  }

  /** Stops dropping connections: from now on it stays subscribed (reconnecting only if a server drops it). */
  calm() {
    this.chaos = false;
  }

  async stop() {
    this.stopped = true;
    this.wake();
    await this.loop;
  }
}

/** Every event of the log, in order (XRANGE in pages). */
async function readLog(redis: Redis | Cluster): Promise<LogEvent[]> {
  const out: LogEvent[] = [];
  let from = '-';
  for (;;) {
    const page = (await redis.xrange('kyc:{events}', from, '+', 'COUNT', 5000)) as [string, string[]][];
    for (const [cursor, fields] of page) {
      const e = JSON.parse(fields[1]) as { topic: string; payload: { verification: { id: string; subjectId: string | null; metadata: { chaos?: string } | null } } };
      if (e.topic !== 'verification') continue;
      const v = e.payload.verification;
      out.push({ cursor, id: v.id, subjectId: v.subjectId, chaos: v.metadata?.chaos ?? null });
    }
    if (page.length < 5000) return out;
    from = `(${page.at(-1)![0]}`;
  }
}

const after = (a: string, b: string) => {
  const [am, as] = a.split('-').map(BigInt);
  const [bm, bs] = b.split('-').map(BigInt);
  return am > bm || (am === bm && as > bs);
};

/** The Redis the two instances share: its env, a probe client, and how to stop it. */
interface Backend {
  env: Record<string, string>;
  probe: Redis | Cluster;
  stop(): Promise<void>;
}

describe.each([
  {
    name: 'one redis-server',
    skip: !hasRedis,
    EVENTS: SINGLE_EVENTS,
    async backend(): Promise<Backend> {
      const redis = await startRedis();
      return { env: { REDIS_URL: redis.url }, probe: new Redis(redis.url), stop: () => redis.stop() };
    },
  },
  {
    name: 'a Redis Cluster of 3 masters',
    skip: !hasRedisCluster,
    EVENTS: CLUSTER_EVENTS,
    async backend(): Promise<Backend> {
      const cluster = await startRedisCluster();
      const probe = new Cluster(cluster.ports.map((port) => ({ host: '127.0.0.1', port })));
      return { env: { REDIS_CLUSTER_NODES: cluster.nodes }, probe, stop: () => cluster.stop() };
    },
  },
])('chaos on $name: webhooks, a killed instance and resuming subscribers', ({ skip, EVENTS, backend: makeBackend }) => {
  let backend: Backend;
  let probe: Redis | Cluster;
  let a: Instance;
  let b: Instance;

  beforeAll(async () => {
    if (skip) return;
    backend = await makeBackend();
    probe = backend.probe;
    const env = { PORT: '0', ...backend.env, PAWAPASS_WEBHOOK_SECRETS: SECRET, LOG_LEVEL: 'warn', INBOX_RECOVERY_AFTER_MS: '300' };
    a = new Instance('A', env);
    b = new Instance('B', env);
    await Promise.all([a.start(), b.start()]);
  }, PROCESS_TEST_TIMEOUT_MS);

  afterAll(async () => {
    await a?.kill('SIGTERM');
    await b?.kill('SIGTERM');
    probe?.disconnect();
    await backend?.stop();
  });

  it.skipIf(skip)(`${EVENTS} webhooks while subscribers drop and resume and one instance is killed: every subscriber ends with exactly its events, in order, each webhook once`, async () => {
    const t0 = Date.now();
    const instances = () => [a, b];

    // 20 sessions over 4 subjects, created through the API of either instance
    const sessions = await Promise.all(
      Array.from({ length: SESSIONS }, async (_, i) => {
        const subjectId = `chaos-subject-${i % SUBJECTS}`;
        const inst = i % 2 ? b : a;
        const input = { subjectId, externalId: `chaos-${i}`, requirements: [{ type: 'DOCUMENT_SCAN' as const }], successUrl: 'https://e.com/s', errorUrl: 'https://e.com/e', supportUrl: 'https://e.com/h' };
        const v = ok(await graphqlRequest(`${inst.url}/graphql`, StartPawaPassDocument, { input })).startPawaPassVerification;
        return { id: v.id, ref: v.providerRef, subjectId, externalId: `chaos-${i}` };
      }),
    );
    const [[tail]] = (await probe.xrevrange('kyc:{events}', '+', '-', 'COUNT', 1)) as [string, string[]][];

    const subscribers = [
      new ChaosSubscriber('subject-0', { subjectId: 'chaos-subject-0' }, tail, instances),
      new ChaosSubscriber('subject-1', { subjectId: 'chaos-subject-1' }, tail, instances),
      new ChaosSubscriber('session-5', { id: sessions[5].id }, tail, instances),
      new ChaosSubscriber('session-14', { id: sessions[14].id }, tail, instances),
      new ChaosSubscriber('all-1', {}, tail, instances),
      new ChaosSubscriber('all-2', {}, tail, instances),
    ];
    for (const s of subscribers) s.start();

    // the provider: per session in order (strictly increasing updatedAt, a new metadata value each
    // time, so each notification is a real change), sessions in parallel; on a refused, failed or
    // non-2xx delivery it retries on the other instance, as a provider retries its webhook URL
    const base = Date.now() + 1000;
    let acked = 0;
    let retries = 0;
    let duplicatesSent = 0;
    let ackedAtKill = -1;
    let ackedAtRestart = -1;
    const notificationIds: string[] = [];
    const deliver = async (body: string, first: Instance) => {
      let inst = first;
      for (let attempt = 0; ; attempt++) {
        try {
          if (!inst.up) throw new Error('down');
          const res = await fetch(`${inst.url}/webhooks/pawapass`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-signature': sign(body, SECRET) },
            body,
            signal: AbortSignal.timeout(15_000),
          });
          await res.arrayBuffer();
          if (res.status >= 200 && res.status < 300) return;
          if (res.status < 500) throw new Error(`webhook refused with ${res.status}: it would never succeed`);
        } catch (err) {
          if ((err as Error).message.startsWith('webhook refused')) throw err;
        }
        retries++;
        if (attempt > 200) throw new Error('webhook never acknowledged');
        inst = inst === a ? b : a;
        if (attempt % 2 === 1) await sleep(50);
      }
    };
    let killing: Promise<void> | null = null;
    const chaosMonkey = () => {
      if (ackedAtKill < 0 && acked >= EVENTS * 0.3) {
        ackedAtKill = acked;
        killing = a.kill('SIGKILL');
      } else if (ackedAtKill >= 0 && ackedAtRestart < 0 && acked >= EVENTS * 0.6) {
        ackedAtRestart = acked;
        killing = killing!.then(() => a.start());
      }
    };
    // the last tenth of the webhooks waits until every subscriber has resumed several times, so
    // the resumes happen while events flow however fast this machine sends them (a subscriber
    // drops its connection every 50–1,200 ms)
    let resumed: Promise<void> | null = null;
    const subscribersResumed = () =>
      (resumed ??= (async () => {
        for (let i = 0; subscribers.some((x) => x.connections <= 3); i++) {
          if (i > 3000) throw new Error(`subscribers did not resume: ${subscribers.map((x) => x.connections).join(', ')} connections`);
          await sleep(20);
        }
      })());
    await Promise.all(
      sessions.map(async (s, i) => {
        for (let seq = 0, k = i; k < EVENTS; seq++, k += SESSIONS) {
          if (k >= EVENTS * 0.9) await subscribersResumed();
          const notificationId = `chaos-${k}`;
          notificationIds.push(notificationId);
          const body = JSON.stringify({
            notificationId,
            type: 'VERIFICATION.STATUS_CHANGE',
            object: 'VERIFICATION',
            createdAt: new Date(base + seq).toISOString(),
            data: pawaPassVerification({
              id: s.ref,
              externalId: s.externalId,
              status: seq % 2 ? 'USER_DATA_COLLECTED' : 'STARTED',
              requirements: [{ type: 'DOCUMENT_SCAN' }],
              metadata: { chaos: notificationId, seq },
              successUrl: 'https://e.com/s',
              errorUrl: 'https://e.com/e',
              supportUrl: 'https://e.com/h',
              updatedAt: new Date(base + seq).toISOString(),
            }),
          });
          const first = Math.random() < 0.5 ? a : b;
          if (Math.random() < CONCURRENT_DUPLICATE_RATE) {
            duplicatesSent++;
            await Promise.all([deliver(body, first), deliver(body, first === a ? b : a)]);
          } else {
            await deliver(body, first);
          }
          acked++;
          chaosMonkey();
          if (Math.random() < DUPLICATE_RATE) {
            duplicatesSent++;
            await deliver(body, Math.random() < 0.5 ? a : b);
          }
        }
      }),
    );
    await killing;
    const tSent = Date.now();

    // quiet: the inbox is drained (leftovers of the killed instance recovered) and every
    // subscriber, now staying connected, has caught up with the last event of its filter
    for (let i = 0; (await probe.xlen('kyc:{inbox}')) > 0; i++) {
      if (i > 300) throw new Error(`inbox not drained: ${await probe.xlen('kyc:{inbox}')} entries left`);
      await sleep(100);
    }
    for (const s of subscribers) s.calm();
    // barrier: one more notification for sessions 0, 5 and 14, which every subscriber's filter
    // matches at least one of; it is the newest event of each filter, so anything extra (a
    // duplicate or a stray event) was delivered before a subscriber got its barrier
    const barrierIds: string[] = [];
    await Promise.all(
      [0, 5, 14].map(async (i) => {
        const s = sessions[i];
        const seq = Math.ceil((EVENTS - i) / SESSIONS);
        const notificationId = `chaos-barrier-${i}`;
        barrierIds.push(notificationId);
        const body = JSON.stringify({
          notificationId,
          type: 'VERIFICATION.STATUS_CHANGE',
          object: 'VERIFICATION',
          createdAt: new Date(base + seq).toISOString(),
          data: pawaPassVerification({ id: s.ref, externalId: s.externalId, status: seq % 2 ? 'USER_DATA_COLLECTED' : 'STARTED', requirements: [{ type: 'DOCUMENT_SCAN' }], metadata: { chaos: notificationId, seq }, successUrl: 'https://e.com/s', errorUrl: 'https://e.com/e', supportUrl: 'https://e.com/h', updatedAt: new Date(base + seq).toISOString() }),
        });
        await deliver(body, i % 2 ? b : a);
      }),
    );
    const log = await readLog(probe);
    const since = log.filter((e) => after(e.cursor, tail));
    const expected = (f: Filter) => since.filter((e) => (f.id == null || e.id === f.id) && (f.subjectId == null || e.subjectId === f.subjectId));
    for (const s of subscribers) {
      const want = expected(s.filter);
      expect(barrierIds, `${s.name}: its newest event is a barrier`).toContain(want.at(-1)!.chaos);
      const lastWanted = want.at(-1)!.cursor;
      const deadline = Date.now() + 60_000;
      while (s.lastCursor !== lastWanted && Date.now() < deadline) await sleep(50);
    }
    await Promise.all(subscribers.map((s) => s.stop()));
    const tQuiet = Date.now();

    // each notification became exactly one event; nothing else changed a session meanwhile
    const perNotification = new Map<string, number>();
    for (const e of since) if (e.chaos) perNotification.set(e.chaos, (perNotification.get(e.chaos) ?? 0) + 1);
    expect(notificationIds).toHaveLength(EVENTS);
    expect(perNotification.size).toBe(EVENTS + barrierIds.length);
    expect([...perNotification.values()].every((n) => n === 1)).toBe(true);
    expect([...notificationIds, ...barrierIds].every((n) => perNotification.get(n) === 1)).toBe(true);
    expect(since).toHaveLength(EVENTS + barrierIds.length);
    // the barriers' entries are acknowledged with the next append or within COMPLETION_DELAY_MS
    for (let i = 0; (await probe.xlen('kyc:{inbox}')) > 0 && i < 100; i++) await sleep(50);
    expect(await probe.xlen('kyc:{inbox}')).toBe(0);

    const summary =
      `[chaos] ${EVENTS} webhooks (+${duplicatesSent} duplicate deliveries, ${retries} retries), A killed after ${ackedAtKill} acks and restarted after ${ackedAtRestart}; ` +
      `sent in ${tSent - t0} ms, quiet after ${tQuiet - t0} ms; ` +
      subscribers.map((s) => `${s.name}: ${s.events.length} events, ${s.connections} connections, ${s.serverDrops} dropped by a server, ${s.duplicates} duplicate and ${s.outOfOrder} out-of-order deliveries`).join('; ');
    console.log(summary);

    // every subscriber: exactly the events of its filter since it first subscribed, in order,
    // each delivered once
    for (const s of subscribers) {
      expect(s.graphqlErrors, s.name).toEqual([]);
      expect({ duplicates: s.duplicates, outOfOrder: s.outOfOrder }, s.name).toEqual({ duplicates: 0, outOfOrder: 0 });
      const want = expected(s.filter);
      expect(want.length, s.name).toBeGreaterThan(0);
      expect(s.events.map((e) => e.cursor), s.name).toEqual(want.map((e) => e.cursor));
      expect(s.events.map((e) => e.verification.id), s.name).toEqual(want.map((e) => e.id));
      expect(s.connections, `${s.name} resumed several times`).toBeGreaterThan(3);
    }
    // the chaos really happened: A died with webhooks still to send, subscribers were cut off by it
    expect(ackedAtKill).toBeGreaterThan(0);
    expect(ackedAtKill).toBeLessThan(EVENTS);
    expect(ackedAtRestart).toBeGreaterThan(ackedAtKill);
    expect(a.up).toBe(true);
  }, 600_000);
});
