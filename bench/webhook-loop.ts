// The webhook path's own JavaScript, without sockets: kyc-graph in this process (production mode,
// in-memory store) takes figure 3's signed webhooks (round-robin pawaPass, UpPass, Argos) through
// `WebhookService.receive` — verify, parse, apply, store, audit, event log, fan-out to a bus
// subscriber per session — and reports its CPU µs per webhook two ways:
// - hot: back to back, caches and branch predictors warm (what the code itself costs);
// - paced: one every --pace-ms (2 ms = figure 3's 500/s, the process idle in between), minus an
//   empty paced loop's own cost (its timer wake-ups): what the same code costs when every webhook
//   starts cold, as in figure 3.
// No HTTP, no graphql-ws, no kernel: figure 3's server CPU per event is these plus them.
// With --a/--b, two builds (e.g. the commit before a change and after it) in alternating child
// processes, the order flipped every pass, each build's median reported: a change of a few µs of
// JavaScript shows here when figure 3's rounds (±10–20 %) cannot resolve it.
//
//   npm run bench:build   (in both checkouts)
//   node dist/bench/bench/webhook-loop.js                          one build (this one)
//   node dist/bench/bench/webhook-loop.js --a <other checkout> [--b .] [--passes 6]
//   options: --webhooks N (hot, per repeat; 5000) --paced N (per repeat; 1000) --pace-ms 2 --repeats 3
import 'reflect-metadata';
import { fork } from 'node:child_process';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import type { ProviderAdapter, WebhookRequest } from '../src/providers/contract.js';
import { createApp, createLogger } from '../src/server/app.js';
import { KYC_ENV, load1, median, positiveOption, round, sleep } from './lib.js';
import { begin, type BenchProvider, type Started, WEBHOOK_PROVIDERS } from './providers.js';
import { WEBHOOK_SECRET } from './http-overhead.js';

const { values } = parseArgs({
  options: {
    a: { type: 'string' },
    b: { type: 'string', default: '.' },
    passes: { type: 'string', default: '6' },
    webhooks: { type: 'string', default: '5000' },
    paced: { type: 'string', default: '1000' },
    'pace-ms': { type: 'string', default: '2' },
    repeats: { type: 'string', default: '3' },
    sessions: { type: 'string', default: '150' },
    child: { type: 'boolean', default: false },
  },
});
const positive = (name: keyof typeof values) => positiveOption(name, values[name]);
const settings = {
  webhooks: positive('webhooks'),
  paced: positive('paced'),
  paceMs: positive('pace-ms'),
  repeats: positive('repeats'),
  sessions: positive('sessions'),
};

/** One build's figures: CPU µs per webhook, each the median of `repeats` passes in one process. */
export interface LoopResult {
  hotUs: number;
  pacedUs: number;
  /** The empty paced loop's CPU µs per turn (timer wake-ups), already taken off `pacedUs`. */
  idleTurnUs: number;
}

const cpuUs = () => {
  const c = process.cpuUsage();
  return c.user + c.system;
};

/** kyc-graph in this process, its sessions, one bus subscriber each; then the passes. */
async function measure(): Promise<LoopResult> {
  Object.assign(process.env, { PORT: '0', LOG_LEVEL: 'warn', ...KYC_ENV }, ...WEBHOOK_PROVIDERS.map((p) => p.env(WEBHOOK_SECRET)));
  const config = loadConfig();
  const app = await createApp(config, createLogger(config.logLevel));
  try {
    const url = (await app.listen()).replace('localhost', '127.0.0.1');
    const sessions: { p: BenchProvider; v: Started }[] = [];
    for (let i = 0; i < settings.sessions; i++) {
      const p = WEBHOOK_PROVIDERS[i % WEBHOOK_PROVIDERS.length];
      sessions.push({ p, v: await begin(p, url, `loop-${i}`, i) });
    }
    let delivered = 0;
    for (const { v } of sessions) {
      const events = await app.services.verifications.subscribe(config.apiKeys![0].tenant, { id: v.id });
      void (async () => {
        for await (const _ of events) delivered++;
      })();
    }
    const adapters = new Map<string, ProviderAdapter>([...app.adapters.values()].map((a) => [a.key, a]));
    let stamp = Date.now();
    // the webhooks of a pass are built (and signed) before it is measured
    const webhooks = (n: number): [ProviderAdapter, WebhookRequest][] =>
      Array.from({ length: n }, (_, k) => {
        const { p, v } = sessions[k % sessions.length];
        const hook = p.webhook(v, ++stamp, false, WEBHOOK_SECRET);
        const headers = Object.fromEntries(Object.entries(hook.headers).map(([name, value]) => [name.toLowerCase(), value]));
        return [adapters.get(p.key)!, { rawBody: Buffer.from(hook.body), headers }];
      });
    const pass = async (n: number, paceMs: number, empty = false) => {
      const batch = empty ? [] : webhooks(n);
      const before = delivered;
      const start = cpuUs();
      for (let i = 0; i < n; i++) {
        if (!empty) {
          const [adapter, req] = batch[i];
          const outcome = await app.webhooks.receive(adapter, req, 'loop');
          if (outcome.status !== 200) throw new Error(`webhook answered ${outcome.status}: ${JSON.stringify(outcome.body)}`);
        }
        if (paceMs) await sleep(paceMs);
      }
      const used = (cpuUs() - start) / n;
      // every webhook changed its verification: each reached its subscriber (the loop skips nothing)
      const deadline = Date.now() + 10_000;
      while (!empty && delivered - before < n) {
        if (Date.now() > deadline) throw new Error(`${delivered - before} of ${n} events reached the subscribers`);
        await sleep(1);
      }
      return used;
    };
    await pass(settings.webhooks, 0); // warm-up: JIT, maps and logs at size
    const hot: number[] = [];
    const paced: number[] = [];
    const idle: number[] = [];
    for (let r = 0; r < settings.repeats; r++) {
      hot.push(await pass(settings.webhooks, 0));
      paced.push(await pass(settings.paced, settings.paceMs));
      idle.push(await pass(settings.paced, settings.paceMs, true));
    }
    const idleTurnUs = median(idle);
    return { hotUs: round(median(hot), 1), pacedUs: round(median(paced) - idleTurnUs, 1), idleTurnUs: round(idleTurnUs, 1) };
  } finally {
    await app.close();
  }
}

/** `measure` in a child process of the build in `dir`. */
function child(dir: string): Promise<LoopResult> {
  const script = join(resolve(dir), 'dist', 'bench', 'bench', 'webhook-loop.js');
  const args = ['--child', '--webhooks', String(settings.webhooks), '--paced', String(settings.paced), '--pace-ms', String(settings.paceMs), '--repeats', String(settings.repeats), '--sessions', String(settings.sessions)];
  return new Promise((done, fail) => {
    const p = fork(script, args, { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    let result: LoopResult | null = null;
    p.on('message', (m) => (result = m as LoopResult));
    p.on('error', fail);
    p.on('exit', (code) => (result ? done(result) : fail(new Error(`${script} exited with ${code}`))));
  });
}

if (values.child) {
  process.send!(await measure());
  process.exit(0);
} else if (!values.a) {
  const r = await measure();
  console.log(JSON.stringify({ settings, ...r }, null, 2));
  process.exit(0);
} else {
  const sides = [
    { name: 'A', dir: values.a, runs: [] as LoopResult[] },
    { name: 'B', dir: values.b!, runs: [] as LoopResult[] },
  ];
  const loadBefore = load1();
  for (let i = 0; i < positive('passes'); i++) {
    for (const s of i % 2 === 0 ? sides : [...sides].reverse()) {
      s.runs.push(await child(s.dir));
      console.error(`pass ${i + 1} ${s.name}: ${JSON.stringify(s.runs.at(-1))}`);
    }
  }
  const summary = (s: (typeof sides)[number]) => ({
    dir: resolve(s.dir),
    hotUs: round(median(s.runs.map((r) => r.hotUs)), 1),
    pacedUs: round(median(s.runs.map((r) => r.pacedUs)), 1),
    idleTurnUs: round(median(s.runs.map((r) => r.idleTurnUs)), 1),
    byPass: s.runs,
  });
  const [a, b] = sides.map(summary);
  const lower = (key: 'hotUs' | 'pacedUs') => `${sides[1].runs.filter((r, i) => r[key] < sides[0].runs[i][key]).length} of ${sides[0].runs.length}`;
  console.log(
    JSON.stringify(
      {
        settings,
        a,
        b,
        bOverA: { hot: round(b.hotUs / a.hotUs, 3), paced: round(b.pacedUs / a.pacedUs, 3), bLowerHot: lower('hotUs'), bLowerPaced: lower('pacedUs') },
        load1: { before: loadBefore, after: load1() },
      },
      null,
      2,
    ),
  );
}
