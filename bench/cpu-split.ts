// Where figure 3's CPU per event goes, kyc-graph beside the baseline, counted by Linux `perf`
// (the kernel's CPU clock: builtins, GC, kernel and helper threads included) rather than V8's
// profiler, which sees a fraction of a server that wakes for each event. Figure 3's in-memory
// scenario (one server each, 1,000 graphql-ws subscribers, signed webhooks at --rate): both
// servers started with --perf-basic-prof, seeded and warmed up as the figure does, then --rounds
// alternating runs, `perf record` attached to the measured server during its run; only samples
// in the figure's measured window count. Each sample is charged to the innermost JavaScript
// frame on its stack (a builtin, the GC or the kernel below it included): µs per event by area
// (bench/perf-stacks.ts) and by function, kyc-graph against the baseline. `--redis`: figure 3's
// Redis scenario instead (a redis-server of its own, two instances of each server, both sampled;
// the Redis server's own CPU is not counted, as in figure 3).
//
//   npm run bench:build
//   node dist/bench/bench/cpu-split.js [--redis] [--rounds 2] [--rate 500] [--hz 2000] [--top 30] [--json FILE]
// Needs `perf` (apt-get install -y linux-perf) and leave to sample (root, or
// kernel.perf_event_paranoid ≤ 1). Sampling at --hz slows both servers alike (~+40 % at 2000):
// read the split and the difference, not the totals, against figure 3.
import { execFile, spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { positiveOption, ROOT, round, sleep, startRedis, startServerProcess, type ServerProcess } from './lib.js';
import { AREAS, type Area, areaOf, functionOf, lastWinsMap, samplesOf } from './perf-stacks.js';
import { BENCH_PROVIDERS } from './providers.js';
import { WEBHOOK_SECRET } from './http-overhead.js';
import { run, seed, type Settings } from './webhook-delivery.js';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '2' },
    rate: { type: 'string', default: '500' },
    hz: { type: 'string', default: '2000' },
    top: { type: 'string', default: '30' },
    json: { type: 'string' },
    redis: { type: 'boolean', default: false },
  },
});
const positive = (name: 'rounds' | 'rate' | 'hz' | 'top') => positiveOption(name, values[name]);
const rounds = positive('rounds');
const hz = positive('hz');
const settings: Settings = { rate: positive('rate'), subscribers: 1000, warmupSeconds: 2, seconds: 10 };
const exec = promisify(execFile);

try {
  await exec('perf', ['--version']);
} catch {
  console.error('cpu-split needs Linux perf: apt-get install -y linux-perf (then run as root, or with kernel.perf_event_paranoid ≤ 1)');
  process.exit(2);
}

type Kind = 'kyc' | 'baseline';
interface Recorded {
  file: string;
  from: number;
  to: number;
  events: number;
}

/** One measured run of `kind` with `perf record` on its processes. */
async function recorded(kind: Kind, servers: ServerProcess[], targets: Awaited<ReturnType<typeof seed>>, n: number): Promise<Recorded> {
  const file = join(tmpdir(), `kyc-cpu-split-${process.pid}-${kind}-${n}.data`);
  const pids = servers.map((s) => s.pid).join(',');
  const perf = spawn('perf', ['record', '--clockid', 'monotonic', '-F', String(hz), '-g', '-p', pids, '-o', file], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  perf.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  await sleep(500); // attached before the run begins (the window starts seconds later)
  if (perf.exitCode !== null) throw new Error(`perf record exited with ${perf.exitCode}: ${stderr.trim()}`);
  const r = await run(kind, servers, targets, settings);
  perf.kill('SIGINT');
  await new Promise((done) => perf.once('exit', done));
  if (r.lost || !r.window) throw new Error(`${kind}: ${r.lost} of ${r.sent} events not delivered`);
  return { file, from: r.window.from, to: r.window.to, events: r.sent };
}

interface Split {
  events: number;
  /** µs of sampled CPU per event, all threads. */
  totalUs: number;
  byArea: Record<Area, number>;
  byFunction: Map<string, number>;
  /** µs per event with the GC on the stack, whatever the area. */
  gcUs: number;
  /** Samples without JavaScript, by what ran (perf-stacks.ts `native`), µs per event. */
  byNative: Map<string, number>;
}

async function split(runs: Recorded[]): Promise<Split> {
  const byArea = Object.fromEntries(AREAS.map((a) => [a, 0])) as Record<Area, number>;
  const byFunction = new Map<string, number>();
  const byNative = new Map<string, number>();
  let samples = 0;
  let gc = 0;
  let events = 0;
  for (const r of runs) {
    const { stdout } = await exec('perf', ['script', '-i', r.file, '--time', `${r.from.toFixed(6)},${r.to.toFixed(6)}`], { maxBuffer: 1 << 30 });
    for (const s of samplesOf(stdout)) {
      samples++;
      byArea[areaOf(s)]++;
      if (s.gc) gc++;
      if (s.native !== null) byNative.set(s.native, (byNative.get(s.native) ?? 0) + 1);
      const f = s.js === null ? '(no JavaScript on the stack)' : functionOf(s.js, ROOT);
      byFunction.set(f, (byFunction.get(f) ?? 0) + 1);
    }
    events += r.events;
  }
  const us = (n: number) => round((n * 1e6) / hz / events, 1);
  return {
    events,
    totalUs: us(samples),
    byArea: Object.fromEntries(AREAS.map((a) => [a, us(byArea[a])])) as Record<Area, number>,
    byFunction: new Map([...byFunction].map(([f, n]) => [f, us(n)])),
    gcUs: us(gc),
    byNative: new Map([...byNative].map(([f, n]) => [f, us(n)])),
  };
}

const redis = values.redis ? await startRedis() : null;
const instances = redis ? 2 : 1;
const env = Object.assign({ NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --perf-basic-prof`.trim() }, ...BENCH_PROVIDERS.map((p) => p.env(WEBHOOK_SECRET)), redis ? { REDIS_URL: redis.url } : {});
const start = (kind: Kind) => Promise.all(Array.from({ length: instances }, (_, i) => startServerProcess(kind, `cpu-split-${kind}-${i + 1}`, env)));
const servers: Record<Kind, ServerProcess[]> = { kyc: await start('kyc'), baseline: await start('baseline') };
const recordings: Record<Kind, Recorded[]> = { kyc: [], baseline: [] };
try {
  const targets = await seed(servers.kyc[0], settings.subscribers);
  for (const kind of ['kyc', 'baseline'] as const) await run(kind, servers[kind], targets, settings); // warm-up, as figure 3
  for (let i = 0; i < rounds; i++) {
    for (const kind of i % 2 === 0 ? (['kyc', 'baseline'] as const) : (['baseline', 'kyc'] as const)) {
      recordings[kind].push(await recorded(kind, servers[kind], targets, i));
      console.error(`round ${i + 1}: ${kind} recorded`);
    }
  }
} finally {
  await Promise.all([...servers.kyc, ...servers.baseline].map((s) => s.stop()));
  await redis?.stop();
}
// the servers have exited: their JIT maps are complete; name each address after its last code
const all = [...servers.kyc, ...servers.baseline];
for (const s of all) {
  const map = `/tmp/perf-${s.pid}.map`;
  writeFileSync(map, lastWinsMap(readFileSync(map, 'utf8')));
}
const kyc = await split(recordings.kyc);
const baseline = await split(recordings.baseline);
for (const s of all) rmSync(`/tmp/perf-${s.pid}.map`, { force: true });
for (const r of [...recordings.kyc, ...recordings.baseline]) rmSync(r.file, { force: true });

const top = positive('top');
const functions = [...new Set([...kyc.byFunction.keys(), ...baseline.byFunction.keys()])]
  .map((f) => ({ function: f, kycGraphUs: kyc.byFunction.get(f) ?? 0, baselineUs: baseline.byFunction.get(f) ?? 0 }))
  .sort((a, b) => b.kycGraphUs - b.baselineUs - (a.kycGraphUs - a.baselineUs))
  .slice(0, top);
const pad = (s: string | number, n: number) => String(s).padStart(n);
console.log(`sampled CPU µs per event (${hz} Hz, ${rounds} round(s) of ${kyc.events / rounds} events each, figure 3 ${redis ? 'over Redis, 2 instances each' : 'in memory'}):`);
console.log(`${'area'.padEnd(26)} ${pad('kyc-graph', 10)} ${pad('baseline', 10)} ${pad('difference', 11)}`);
for (const a of [...AREAS, 'total'] as const) {
  const k = a === 'total' ? kyc.totalUs : kyc.byArea[a];
  const b = a === 'total' ? baseline.totalUs : baseline.byArea[a];
  console.log(`${a.padEnd(26)} ${pad(k.toFixed(1), 10)} ${pad(b.toFixed(1), 10)} ${pad((k - b).toFixed(1), 11)}`);
}
console.log(`${'(GC on the stack, any area)'.padEnd(26)} ${pad(kyc.gcUs.toFixed(1), 10)} ${pad(baseline.gcUs.toFixed(1), 10)} ${pad((kyc.gcUs - baseline.gcUs).toFixed(1), 11)}`);
const natives = [...new Set([...kyc.byNative.keys(), ...baseline.byNative.keys()])]
  .map((n) => ({ native: n, kycGraphUs: kyc.byNative.get(n) ?? 0, baselineUs: baseline.byNative.get(n) ?? 0 }))
  .sort((a, b) => b.kycGraphUs + b.baselineUs - (a.kycGraphUs + a.baselineUs))
  .slice(0, 12);
console.log('\nnative only, by what ran (µs per event):');
for (const n of natives) console.log(`${pad(n.kycGraphUs.toFixed(1), 7)} ${pad(n.baselineUs.toFixed(1), 7)}  ${n.native}`);
console.log(`\nthe ${top} functions kyc-graph spends most on beyond the baseline (innermost JavaScript frame; µs per event):`);
for (const f of functions) console.log(`${pad(f.kycGraphUs.toFixed(1), 7)} ${pad(f.baselineUs.toFixed(1), 7)}  ${f.function}`);
if (values.json) {
  const json = { settings: { ...settings, rounds, hz, redis: values.redis }, kycGraph: { totalUs: kyc.totalUs, byArea: kyc.byArea, gcUs: kyc.gcUs }, baseline: { totalUs: baseline.totalUs, byArea: baseline.byArea, gcUs: baseline.gcUs }, natives, functions };
  writeFileSync(values.json, JSON.stringify(json, null, 2));
}
process.exit(0);
