// Figures 3 and 4, measured in the same runs: signed provider webhooks POSTed at a steady rate
// (open loop) while real graphql-ws clients, one subscription each, wait for them.
// 3: latency from just before the POST to the event arriving at its subscriber, plus the server's
//    event-loop delay p99 (perf_hooks.monitorEventLoopDelay) over the measured window.
// 4: latency of the webhook's 2xx acknowledgement.
// Each subscriber watches its own verification (`verificationUpdated(id)`), as a status page does;
// events go round-robin over the verifications, so every event has exactly one subscriber.
// In-memory: one instance. Redis: two instances on one redis-server, subscribers and webhooks
// split between them (a load balancer), so most events cross Redis. The baseline (baseline.ts) gets
// the same webhooks, subscribers and rate.
import { createClient, type Client } from 'graphql-ws';
import { Agent, request } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import WebSocket from 'ws';
import { WEBHOOK_SECRET } from './http-overhead.js';
import { begin, BENCH_PROVIDERS, type Started, WEBHOOK_PROVIDERS } from './providers.js';
import {
  AUTH_PARAMS,
  median,
  type FigureResult,
  fmt,
  inBatches,
  Latencies,
  type LatencySummary,
  load1,
  paced,
  type RunOptions,
  type Row,
  type ServerProcess,
  sleep,
  startRedis,
  startServerProcess,
} from './lib.js';

export const GOALS = { deliveryP50Ms: 5, deliveryP99Ms: 50, ackP99Ms: 200, cpuRatio: 1.5 };
const SECRET = WEBHOOK_SECRET;

export interface Settings {
  rate: number;
  subscribers: number;
  warmupSeconds: number;
  seconds: number;
}

/**
 * Figure 3/4 settings: `warmupRuns` unmeasured runs per server first, then `rounds` alternating
 * runs per server (kyc-graph, baseline, baseline, kyc-graph, …).
 */
export interface DeliverySettings extends Settings {
  rounds: number;
  /**
   * Runs each server makes before the measured rounds, measured by nothing: without them the
   * first round measured servers still warming up (both dearest in round 1, kyc-graph's larger
   * code still getting cheaper into round 3; docs/perf/webhook-path.md).
   */
  warmupRuns: number;
}

export interface RunResult {
  delivery: LatencySummary;
  ack: LatencySummary;
  sent: number;
  received: number;
  lost: number;
  failedAcks: number;
  /** why acks failed: HTTP status or error code → count */
  failures: Record<string, number>;
  /**
   * Server CPU time (all instances) per event over the measured window, ms: what one event costs,
   * whatever else the machine is doing. 1000 / this ≈ events/s one idle core could take.
   */
  serverCpuMsPerEvent: number;
  /** worst instance */
  eventLoopDelayP99Ms: number;
  eventLoopDelayByInstance: { p50: number; p99: number; max: number }[];
  generatorEventLoopDelayP99Ms: number;
  /** V8 heap in use on the servers (all instances) right after the measured window, MB. */
  heapUsedMb: number;
  loadAverage: { before: number; after: number };
  /** The run's own latencies (not in the JSON), so several runs can be pooled. */
  histograms?: { delivery: Latencies; ack: Latencies };
  /** The measured window on CLOCK_MONOTONIC, s (not in the JSON): bench/cpu-split.ts reads `perf` samples of it. */
  window?: { from: number; to: number };
}

export type Target = (Started & { key: string })[];

/** Starts `subscribers` verifications through the API (round-robin over the providers in WEBHOOK_PROVIDERS). */
export async function seed(server: ServerProcess, n: number): Promise<Target> {
  return inBatches(Array.from({ length: n }, (_, i) => i), 16, async (i) => {
    const p = WEBHOOK_PROVIDERS[i % WEBHOOK_PROVIDERS.length];
    // a start that timed out on a loaded machine is tried again (up to 3 times)
    for (let attempt = 1; ; attempt++) {
      try {
        return { ...(await begin(p, server.url, `bench-sub-${i}`, i)), key: p.key };
      } catch (err) {
        if (attempt >= 3) throw err;
      }
    }
  });
}

const provider = (key: string) => WEBHOOK_PROVIDERS.find((p) => p.key === key)!;

function subscription(kind: 'kyc' | 'baseline', v: Target[number]) {
  if (kind === 'baseline') return { query: 'subscription($key: String!) { updated(key: $key) { key stamp } }', variables: { key: v.providerRef } };
  return {
    query: `subscription($id: ID) { verificationUpdated(id: $id) { cursor at previousStatus verification { id status providerStatus ${provider(v.key).stampSelection} } } }`,
    variables: { id: v.id },
  };
}

function stampOf(kind: 'kyc' | 'baseline', v: Target[number], data: Record<string, unknown>): number {
  if (kind === 'baseline') return Number((data.updated as { stamp: string }).stamp);
  return provider(v.key).readStamp((data.verificationUpdated as { verification: Record<string, unknown> }).verification);
}

/**
 * POSTs like a provider's webhook sender: node:http with keep-alive, at most 128 connections per
 * instance (lighter on the load generator than fetch, and a provider does not open unbounded ones).
 */
function post(agent: Agent, url: string, headers: Record<string, string>, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** CLOCK_MONOTONIC in seconds (`perf record --clockid monotonic` stamps its samples with it). */
const monotonicS = () => Number(process.hrtime.bigint()) / 1e9;

export async function run(kind: 'kyc' | 'baseline', servers: ServerProcess[], targets: Target, s: Settings): Promise<RunResult> {
  const loadBefore = load1();
  const base = Date.now();
  const warmCount = Math.round(s.rate * s.warmupSeconds);
  const sentAt: number[] = [];
  const delivery = new Latencies();
  const ack = new Latencies();
  let received = 0;
  let failedAcks = 0;
  const failures: Record<string, number> = {};
  const fail = (why: string) => {
    failedAcks++;
    failures[why] = (failures[why] ?? 0) + 1;
  };
  const agent = new Agent({ keepAlive: true, maxSockets: 128 });

  // subscribers: client i on instance i % instances
  const clients: Client[] = [];
  await inBatches(targets, 50, async (v, i) => {
    const client = createClient({ url: `${servers[i % servers.length].url.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 5, lazy: true, connectionParams: kind === 'kyc' ? AUTH_PARAMS : undefined });
    clients.push(client);
    client.subscribe(subscription(kind, v), {
      next: (msg) => {
        const now = performance.now();
        if (!msg.data) return;
        const k = stampOf(kind, v, msg.data) - base;
        if (k >= warmCount && sentAt[k] !== undefined) {
          delivery.record(now - sentAt[k]);
          received++;
        }
      },
      error: () => {},
      complete: () => {},
    });
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    const counts = await Promise.all(servers.map(async (x) => (await x.stats()).subscribers));
    if (counts.reduce((a, b) => a + b, 0) >= targets.length) break;
    if (Date.now() > deadline) throw new Error(`only ${counts} of ${targets.length} subscribers registered`);
    await sleep(100);
  }

  const generatorEld = monitorEventLoopDelay({ resolution: 10 });
  const cpu = async () => (await Promise.all(servers.map((x) => x.stats()))).reduce((a, x) => a + x.cpuMs, 0);
  let cpuAtStart: Promise<number> = Promise.resolve(NaN);
  let windowFrom = NaN;
  const sent = await paced(s.rate, s.warmupSeconds + s.seconds, (k) => {
    if (k === warmCount) {
      windowFrom = monotonicS();
      for (const x of servers) void x.call('eld:reset');
      cpuAtStart = cpu();
      generatorEld.enable();
    }
    const v = targets[k % targets.length];
    const hook = provider(v.key).webhook(v, base + k, k < targets.length, SECRET);
    const to = servers[k % servers.length];
    const t0 = performance.now();
    sentAt[k] = t0;
    const headers = { ...hook.headers, 'x-bench-key': v.providerRef, 'x-bench-stamp': String(base + k) };
    const measured = k >= warmCount;
    post(agent, `${to.url}/webhooks/${v.key}`, headers, hook.body).then(
      (status) => {
        if (!measured) return;
        if (status < 200 || status > 299) fail(`HTTP ${status}`);
        else ack.record(performance.now() - t0);
      },
      (err: NodeJS.ErrnoException) => measured && fail(err.code ?? err.message),
    );
  });
  const expected = sent - warmCount;
  const waitUntil = Date.now() + 10_000;
  while ((received < expected || ack.count + failedAcks < expected) && Date.now() < waitUntil) await sleep(20);
  generatorEld.disable();
  const serverCpuMs = (await cpu()) - (await cpuAtStart);
  const window = { from: windowFrom, to: monotonicS() };
  const stats = await Promise.all(servers.map((x) => x.stats()));
  const eld = stats.map((x) => x.eventLoopDelay);
  await Promise.all(clients.map((c) => c.dispose()));
  agent.destroy();
  // the next run starts on a server that has let go of these subscribers (otherwise it would
  // count them as its own, and measure while it still tears them down)
  const gone = Date.now() + 60_000;
  while ((await Promise.all(servers.map(async (x) => (await x.stats()).subscribers))).some((n) => n > 0)) {
    if (Date.now() > gone) throw new Error(`subscribers still registered after their clients closed: ${(await Promise.all(servers.map(async (x) => (await x.stats()).subscribers))).join(', ')}`);
    await sleep(50);
  }
  return {
    delivery: delivery.summary(),
    ack: ack.summary(),
    sent: expected,
    received,
    lost: expected - received,
    failedAcks,
    failures,
    serverCpuMsPerEvent: Math.round((serverCpuMs / expected) * 1000) / 1000,
    eventLoopDelayP99Ms: Math.max(...eld.map((e) => e.p99)),
    eventLoopDelayByInstance: eld,
    generatorEventLoopDelayP99Ms: Math.round(generatorEld.percentile(99) / 1e4) / 100,
    heapUsedMb: Math.round(stats.reduce((a, x) => a + x.heapUsedBytes, 0) / 1e5) / 10,
    loadAverage: { before: loadBefore, after: load1() },
    histograms: { delivery, ack },
    window,
  };
}

/** One round of a figure-3 run as the JSON keeps it. */
export interface RoundSummary {
  p50: number;
  p99: number;
  ackP99: number;
  serverCpuMsPerEvent: number;
  eventLoopDelayP99Ms: number;
  heapUsedMb: number;
  lost: number;
  failedAcks: number;
}

/**
 * Several runs of one server as one result: latencies pooled over every round (so p99 rests on
 * every event measured), counts summed, CPU per event and event-loop p99 the median round's.
 */
export function pooled(runs: RunResult[]): RunResult & { rounds: RoundSummary[] } {
  const delivery = new Latencies();
  const ack = new Latencies();
  const failures: Record<string, number> = {};
  for (const r of runs) {
    delivery.add(r.histograms!.delivery);
    ack.add(r.histograms!.ack);
    for (const [k, n] of Object.entries(r.failures)) failures[k] = (failures[k] ?? 0) + n;
  }
  const sum = (f: (r: RunResult) => number) => runs.reduce((a, r) => a + f(r), 0);
  return {
    delivery: delivery.summary(),
    ack: ack.summary(),
    sent: sum((r) => r.sent),
    received: sum((r) => r.received),
    lost: sum((r) => r.lost),
    failedAcks: sum((r) => r.failedAcks),
    failures,
    serverCpuMsPerEvent: median(runs.map((r) => r.serverCpuMsPerEvent)),
    eventLoopDelayP99Ms: median(runs.map((r) => r.eventLoopDelayP99Ms)),
    eventLoopDelayByInstance: runs[0].eventLoopDelayByInstance,
    generatorEventLoopDelayP99Ms: Math.max(...runs.map((r) => r.generatorEventLoopDelayP99Ms)),
    heapUsedMb: runs.at(-1)!.heapUsedMb,
    loadAverage: { before: runs[0].loadAverage.before, after: runs.at(-1)!.loadAverage.after },
    rounds: runs.map((r) => ({
      p50: r.delivery.p50,
      p99: r.delivery.p99,
      ackP99: r.ack.p99,
      serverCpuMsPerEvent: r.serverCpuMsPerEvent,
      eventLoopDelayP99Ms: r.eventLoopDelayP99Ms,
      heapUsedMb: r.heapUsedMb,
      lost: r.lost,
      failedAcks: r.failedAcks,
    })),
  };
}

/** The two servers' runs of one setup, and kyc-graph's CPU per event ÷ the baseline's in each round. */
interface Paired {
  kycGraph: ReturnType<typeof pooled>;
  baseline: ReturnType<typeof pooled>;
  cpuRatioByRound: number[];
}

/**
 * Both servers up side by side (the idle one does nothing), each warmed by `warmupRuns`
 * unmeasured runs, then `rounds` runs each in alternating order (kyc-graph first, then the baseline first, …), so a machine that speeds up
 * or slows down during the figure weighs on both. Each round's webhooks carry later stamps than
 * the last, so every event is a change on the same seeded verifications.
 */
async function scenario(opts: RunOptions, s: DeliverySettings, redisUrl: string | null): Promise<Paired> {
  const instances = redisUrl ? 2 : 1;
  const tag = redisUrl ? 'redis' : 'memory';
  const env = { ...Object.assign({}, ...BENCH_PROVIDERS.map((p) => p.env(SECRET))), ...(redisUrl ? { REDIS_URL: redisUrl } : {}) };
  const start = (kind: 'kyc' | 'baseline') =>
    Promise.all(Array.from({ length: instances }, (_, i) => startServerProcess(kind, `${kind}-webhooks-${tag}-${i + 1}`, env, { profile: opts.profile })));

  const servers: Partial<Record<'kyc' | 'baseline', ServerProcess[]>> = {};
  try {
    servers.kyc = await start('kyc');
    servers.baseline = await start('baseline');
    const targets = await seed(servers.kyc[0], s.subscribers);
    for (let i = 0; i < s.warmupRuns; i++) for (const kind of ['kyc', 'baseline'] as const) await run(kind, servers[kind]!, targets, s);
    const runs: Record<'kyc' | 'baseline', RunResult[]> = { kyc: [], baseline: [] };
    for (let round = 0; round < s.rounds; round++) {
      for (const kind of round % 2 === 0 ? (['kyc', 'baseline'] as const) : (['baseline', 'kyc'] as const)) {
        runs[kind].push(await run(kind, servers[kind]!, targets, s));
      }
    }
    const cpuRatioByRound = runs.kyc.map((k, i) => Math.round((k.serverCpuMsPerEvent / runs.baseline[i].serverCpuMsPerEvent) * 100) / 100);
    return { kycGraph: pooled(runs.kyc), baseline: pooled(runs.baseline), cpuRatioByRound };
  } finally {
    await Promise.all([...(servers.kyc ?? []), ...(servers.baseline ?? [])].map((x) => x.stop()));
  }
}

export async function webhookDelivery(opts: RunOptions): Promise<{ delivery: FigureResult; ack: FigureResult }> {
  const s: DeliverySettings = opts.smoke
    ? { rate: 50, subscribers: 20, warmupSeconds: 0.5, seconds: 1, rounds: 2, warmupRuns: 1 }
    : // five rounds of 6 s (3,000 events each), not three of 10 s: the same events per server, and
      // a median over more pairs (one 10-s round's ratio moved 1.33–1.77 within a run)
      { rate: 500, subscribers: 1000, warmupSeconds: 2, seconds: 6, rounds: 5, warmupRuns: 1 };
  const memory = await scenario(opts, s, null);
  const redis = await startRedis();
  let overRedis;
  try {
    overRedis = await scenario(opts, s, redis.url);
  } finally {
    await redis.stop();
  }

  const label = (where: string) => `${where}, ${s.rate} events/s, ${s.subscribers.toLocaleString('en-US')} subscribers`;
  const cell = (r: RunResult) =>
    `p50 ${fmt.ms(r.delivery.p50)}, p99 ${fmt.ms(r.delivery.p99)}; event loop p99 ${fmt.ms(r.eventLoopDelayP99Ms)}; CPU ${fmt.ms(r.serverCpuMsPerEvent)}/event${r.lost ? `; ${r.lost} of ${r.sent} not received` : ''}`;
  const deliveryMet = (r: RunResult) => r.lost === 0 && r.delivery.p50 < GOALS.deliveryP50Ms && r.delivery.p99 < GOALS.deliveryP99Ms;
  const ackCell = (r: RunResult) => `p99 ${fmt.ms(r.ack.p99)} (p50 ${fmt.ms(r.ack.p50)})${r.failedAcks ? `; ${r.failedAcks} not 2xx` : ''}`;
  const ackMet = (r: RunResult) => r.failedAcks === 0 && r.ack.p99 < GOALS.ackP99Ms;
  // kyc-graph's server CPU per event / the baseline's in the same round, median over the rounds
  // (issue 18 goal: ≤ 1.5); the same runs give figure 4
  const ratio = (r: Paired) => Math.round(median(r.cpuRatioByRound) * 100) / 100;
  const rounds = (r: Paired) => (r.cpuRatioByRound.length > 1 ? `; median of ${r.cpuRatioByRound.length} rounds: ${r.cpuRatioByRound.map((x) => x.toFixed(2)).join(', ')}` : '');
  const pairs = [
    ['in-memory, 1 instance', memory],
    ['Redis, 2 instances', overRedis],
  ] as const;
  const deliveryRows: Row[] = pairs.map(([where, r]) => ({
    figure: '3 Webhook → subscriber',
    scenario: label(where),
    kycGraph: cell(r.kycGraph),
    baseline: cell(r.baseline),
    goal: `p50 < ${GOALS.deliveryP50Ms} ms, p99 < ${GOALS.deliveryP99Ms} ms, CPU ≤ ${GOALS.cpuRatio}× baseline (got ${ratio(r).toFixed(2)}×${rounds(r)})`,
    met: deliveryMet(r.kycGraph) && ratio(r) <= GOALS.cpuRatio,
  }));
  const ackRows: Row[] = pairs.map(([where, r]) => ({
    figure: '4 Webhook acknowledgement',
    scenario: label(where),
    kycGraph: ackCell(r.kycGraph),
    baseline: ackCell(r.baseline),
    goal: `p99 < ${GOALS.ackP99Ms} ms`,
    met: ackMet(r.kycGraph),
  }));
  const cpuRatio = {
    inMemory: ratio(memory),
    redisTwoInstances: ratio(overRedis),
    byRound: { inMemory: memory.cpuRatioByRound, redisTwoInstances: overRedis.cpuRatioByRound },
    meaning: `kyc-graph CPU ms/event ÷ baseline CPU ms/event in the same round, median over ${s.rounds} alternating rounds (lower is better; goal ≤ ${GOALS.cpuRatio})`,
  };
  const settings = { ...s, subscriptionPerClient: 1, eventsPerSubscriberPerSecond: s.rate / s.subscribers, providers: WEBHOOK_PROVIDERS.map((p) => p.provider) };
  return {
    delivery: {
      rows: deliveryRows,
      data: {
        goal: { p50Ms: GOALS.deliveryP50Ms, p99Ms: GOALS.deliveryP99Ms },
        settings,
        cpuRatio,
        inMemory: { kycGraph: { ...memory.kycGraph, ack: undefined }, baseline: { ...memory.baseline, ack: undefined } },
        redisTwoInstances: { kycGraph: { ...overRedis.kycGraph, ack: undefined }, baseline: { ...overRedis.baseline, ack: undefined } },
      },
    },
    ack: {
      rows: ackRows,
      data: {
        goal: { p99Ms: GOALS.ackP99Ms },
        settings,
        cpuRatio,
        inMemory: { kycGraph: memory.kycGraph.ack, baseline: memory.baseline.ack, failedAcks: memory.kycGraph.failedAcks },
        redisTwoInstances: { kycGraph: overRedis.kycGraph.ack, baseline: overRedis.baseline.ack, failedAcks: overRedis.kycGraph.failedAcks },
      },
    },
  };
}
