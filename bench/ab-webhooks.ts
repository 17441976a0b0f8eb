// Same-run A/B of the webhook path between two builds (e.g. the commit before a change and after
// it): kyc-graph from each build in its own process (production mode, as the figures run it), each
// on its own redis-server, sent signed webhooks about sessions it created, 20 at a time, in
// alternating rounds (the order flips every round), so background load on a shared machine hits
// both alike. The sessions are round-robin over figure 3's providers (pawaPass, UpPass, Argos), or
// over those named with --providers; over Redis, or with `--store memory` on the in-memory store
// (figure 3's single instance; the redis-server then idles). No subscribers: this isolates what
// one webhook costs (verify, parse, inbox, store, publish, audit, acknowledge); with --subscribe
// each session has a graphql-ws subscriber (figure 3's selection) on the same server, and a round
// ends once every event reached it. Reports each build's median server CPU µs and its
// redis-server's CPU µs per webhook, and the 1-minute load average before and after.
//
//   npm run bench:build   (in both checkouts)
//   node dist/bench/bench/ab-webhooks.js --a /path/to/old-checkout [--b .] [--rounds 14] [--webhooks 2000]
//     [--providers pawapass,uppass,argos] [--store redis|memory] [--fresh] [--rate N] [--subscribe] [--a-env K=V] [--b-env K=V]
// --fresh: new server processes for every round. One process's JIT and heap stay with it for all
// its rounds, so a server that happened to start well (or badly) tilts every round its way: two
// identical builds read 411 vs 368 and 435 vs 486 µs (11 of 12 and 0 of 8 rounds lower) without
// it. Slower (each round seeds its sessions again), but every round is an independent sample.
// --a-env / --b-env: KEY=VALUE settings for one side (repeatable): one build, a setting A/B.
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createClient, type Client } from 'graphql-ws';
import { Redis } from 'ioredis';
import WebSocket from 'ws';
import { AUTH_PARAMS, load1, median, paced, round, startRedis, startServerProcess, type RedisServer, type ServerProcess } from './lib.js';
import { begin, type BenchProvider, type Started, WEBHOOK_PROVIDERS } from './providers.js';

const { values } = parseArgs({
  options: {
    a: { type: 'string' },
    b: { type: 'string', default: '.' },
    rounds: { type: 'string', default: '14' },
    webhooks: { type: 'string', default: '2000' },
    providers: { type: 'string', default: WEBHOOK_PROVIDERS.map((p) => p.key).join(',') },
    store: { type: 'string', default: 'redis' },
    fresh: { type: 'boolean', default: false },
    rate: { type: 'string' },
    subscribe: { type: 'boolean', default: false },
    'a-env': { type: 'string', multiple: true, default: [] },
    'b-env': { type: 'string', multiple: true, default: [] },
  },
});
if (values.store !== 'redis' && values.store !== 'memory') throw new Error(`--store: ${values.store} is not redis or memory`);
if (!values.a) throw new Error('--a <checkout of the other build> is required');
const script = (dir: string) => join(resolve(dir), 'dist', 'bench', 'bench', 'server-process.js');
const rounds = Number(values.rounds);
const perRound = Number(values.webhooks);
const SECRET = 'ab-webhooks-secret';
const IN_FLIGHT = 20;
/** --rate: webhooks per second, sent open loop as figures 3/4 send them (a reply at a time); else IN_FLIGHT at once. */
const rate = values.rate ? Number(values.rate) : null;
if (rate !== null && !(rate > 0)) throw new Error(`--rate: ${values.rate} is not a positive number`);
const SESSIONS = 51;
const providers: BenchProvider[] = values.providers!.split(',').map((key) => {
  const p = WEBHOOK_PROVIDERS.find((w) => w.key === key.trim());
  if (!p) throw new Error(`--providers: ${key} is not one of ${WEBHOOK_PROVIDERS.map((w) => w.key).join(', ')}`);
  return p;
});

const settings = (pairs: string[]) => Object.fromEntries(pairs.map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));

interface Side {
  name: string;
  dir: string;
  env: Record<string, string>;
  server: ServerProcess;
  redis: RedisServer;
  probe: Redis;
  sessions: { p: BenchProvider; v: Started }[];
  /** --subscribe: the graphql-ws clients, and the events they received. */
  clients: Client[];
  received: { count: number; wake: (() => void) | null };
  sent: number;
  cpu: number[];
  redisCpu: number[];
}

async function serve(name: string, dir: string, redis: RedisServer, own: Record<string, string>) {
  const env = Object.assign({}, ...providers.map((p) => p.env(SECRET)), own) as Record<string, string>;
  const server = await startServerProcess('kyc', `ab-webhooks-${name}`, values.store === 'redis' ? { ...env, REDIS_URL: redis.url } : env, { script: script(dir) });
  const sessions: Side['sessions'] = [];
  for (let i = 0; i < SESSIONS; i++) {
    const p = providers[i % providers.length];
    sessions.push({ p, v: await begin(p, server.url, `ab-${i}`, i) });
  }
  const received: Side['received'] = { count: 0, wake: null };
  const clients = values.subscribe ? await subscribe(server, sessions, received) : [];
  return { server, sessions, clients, received };
}

/** One graphql-ws client per session, subscribed to its verification as figure 3's are; resolves once the server holds them all. */
async function subscribe(server: ServerProcess, sessions: Side['sessions'], received: Side['received']): Promise<Client[]> {
  const clients = sessions.map(({ v }) => {
    const client = createClient({ url: `${server.url.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: AUTH_PARAMS });
    const query = 'subscription($id: ID) { verificationUpdated(id: $id) { cursor at previousStatus verification { id status providerStatus } } }';
    client.subscribe({ query, variables: { id: v.id } }, {
      next: () => {
        received.count++;
        received.wake?.();
      },
      error: (err) => console.error('subscriber:', err),
      complete: () => {},
    });
    return client;
  });
  const deadline = Date.now() + 30_000;
  while ((await server.stats()).subscribers < sessions.length) {
    if (Date.now() > deadline) throw new Error('subscribers did not register');
    await new Promise((r) => setTimeout(r, 50));
  }
  return clients;
}

/** Resolves once the side's subscribers have received `n` events (each webhook is one change). */
async function delivered(s: Side, n: number) {
  const deadline = Date.now() + 60_000;
  while (s.received.count < n) {
    if (Date.now() > deadline) throw new Error(`${s.name}: ${s.received.count} of ${n} events reached the subscribers`);
    await new Promise<void>((r) => {
      s.received.wake = r;
      setTimeout(r, 1000);
    });
  }
  s.received.wake = null;
}

async function side(name: string, dir: string, env: Record<string, string>): Promise<Side> {
  const redis = await startRedis();
  return { name, dir, env, redis, probe: new Redis(redis.url), ...(await serve(name, dir, redis, env)), sent: 0, cpu: [], redisCpu: [] };
}

async function stopServer(s: Side) {
  await Promise.all(s.clients.map((c) => c.dispose()));
  await s.server.stop();
}

/** --fresh: this side's server replaced by a new process, warmed up like the first. */
async function restart(s: Side) {
  await stopServer(s);
  Object.assign(s, await serve(s.name, s.dir, s.redis, s.env));
  await send(s, perRound);
}

/** redis-server's CPU (user + system) in ms, from INFO. */
async function redisCpuMs(probe: Redis): Promise<number> {
  const info = await probe.info('cpu');
  const field = (name: string) => Number(new RegExp(`${name}:([\\d.]+)`).exec(info)?.[1] ?? NaN);
  return (field('used_cpu_user') + field('used_cpu_sys')) * 1000;
}

async function send(s: Side, n: number) {
  const stamp = Date.now();
  const expected = s.received.count + n;
  const one = async (i: number) => {
    const k = s.sent++;
    const { p, v } = s.sessions[k % SESSIONS];
    const hook = p.webhook(v, stamp + i, false, SECRET);
    const res = await fetch(`${s.server.url}/webhooks/${p.key}`, { method: 'POST', headers: hook.headers, body: hook.body });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${s.name}: webhook answered ${res.status}`);
  };
  if (rate !== null) {
    const all: Promise<void>[] = [];
    await paced(rate, n / rate, (i) => all.push(one(i)));
    await Promise.all(all);
  } else {
    for (let i = 0; i < n; i += IN_FLIGHT) await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, n - i) }, (_, j) => one(i + j)));
  }
  if (values.subscribe) await delivered(s, expected);
}

const loadBefore = load1();
const sides = [await side('A', values.a, settings(values['a-env']!)), await side('B', values.b!, settings(values['b-env']!))];
try {
  for (const s of sides) await send(s, perRound); // warm-up
  for (let i = 0; i < rounds; i++) {
    if (values.fresh && i > 0) for (const s of sides) await restart(s);
    for (const s of i % 2 ? [...sides].reverse() : sides) {
      const [cpu0, redis0] = [(await s.server.stats()).cpuMs, await redisCpuMs(s.probe)];
      await send(s, perRound);
      s.cpu.push(round((((await s.server.stats()).cpuMs - cpu0) * 1000) / perRound));
      s.redisCpu.push(round((((await redisCpuMs(s.probe)) - redis0) * 1000) / perRound));
    }
  }
} finally {
  for (const s of sides) {
    s.probe.disconnect();
    await stopServer(s);
    await s.redis.stop();
  }
}
const lower = (k: 'cpu' | 'redisCpu') => sides[1][k].filter((v, i) => v < sides[0][k][i]).length;
console.log(JSON.stringify({
  a: resolve(values.a),
  b: resolve(values.b!),
  rounds,
  webhooksPerRound: perRound,
  providers: providers.map((p) => p.key),
  store: values.store,
  fresh: values.fresh,
  subscribe: values.subscribe,
  env: { a: settings(values['a-env']!), b: settings(values['b-env']!) },
  summary: sides.map((s) => ({ build: s.name, serverCpuUsPerWebhook: median(s.cpu), redisCpuUsPerWebhook: median(s.redisCpu), rounds: { server: s.cpu, redis: s.redisCpu } })),
  bLowerInRounds: { server: `${lower('cpu')}/${rounds}`, redis: `${lower('redisCpu')}/${rounds}` },
  loadAverage: { before: loadBefore, after: load1() },
}, null, 1));
process.exit(0);
