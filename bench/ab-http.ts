// Same-run A/B of figure 1 between two builds (e.g. the commit before a change and after it):
// kyc-graph from each build in its own process, plus the same-query baseline (this build), loaded
// by autocannon in alternating rounds (the order flips every round), so background load on a
// shared machine hits every server alike. Reports each server's median server CPU µs per request
// (user + system / requests) and throughput, and the 1-minute load average before and after.
//
//   npm run bench:build   (in both checkouts)
//   node dist/bench/bench/ab-http.js --a /path/to/old-checkout [--b .] [--rounds 7] [--seconds 5] [--minimal]
//   node dist/bench/bench/ab-http.js --a . --a-env GRAPHQL_EXECUTOR=graphql-js   (one build, a setting A/B)
import 'reflect-metadata';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { kycWithCachedVerification, load, sameQueryBaseline } from './http-overhead.js';
import { load1, median, round, type RunOptions, type ServerProcess } from './lib.js';

const { values } = parseArgs({
  options: {
    a: { type: 'string' },
    b: { type: 'string', default: '.' },
    rounds: { type: 'string', default: '7' },
    seconds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '10' },
    minimal: { type: 'boolean', default: false },
    // KEY=VALUE settings for one side's kyc-graph (repeatable)
    'a-env': { type: 'string', multiple: true, default: [] },
    'b-env': { type: 'string', multiple: true, default: [] },
  },
});
if (!values.a) throw new Error('--a <checkout of the other build> is required');
const script = (dir: string) => join(resolve(dir), 'dist', 'bench', 'bench', 'server-process.js');
const opts: RunOptions = { smoke: false, soak: false, profile: false, out: '', only: null };
const rounds = Number(values.rounds);
const seconds = Number(values.seconds);
const connections = Number(values.connections);

const loadBefore = load1();
const envOf = (pairs: string[]) => Object.fromEntries(pairs.map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]));
const a = await kycWithCachedVerification(opts, 'ab-kyc-a', envOf(values['a-env']), script(values.a));
const b = await kycWithCachedVerification(opts, 'ab-kyc-b', envOf(values['b-env']), script(values.b!));
const body = values.minimal ? b.minimalBody : b.body;
const bodyA = values.minimal ? a.minimalBody : a.body;
const same = await sameQueryBaseline(opts, 'ab-same-query', b.server.url, [body]);
const servers: { name: string; server: ServerProcess; body: string; cpu: number[]; rps: number[] }[] = [
  { name: 'A', server: a.server, body: bodyA, cpu: [], rps: [] },
  { name: 'B', server: b.server, body, cpu: [], rps: [] },
  { name: 'bare Apollo, same query', server: same, body, cpu: [], rps: [] },
];
try {
  for (const s of servers) await load(s.server.url, s.body, 3, connections); // warm-up
  for (let i = 0; i < rounds; i++) {
    const order = i % 2 ? [...servers].reverse() : servers;
    for (const s of order) {
      const before = (await s.server.stats()).cpuMs;
      const r = await load(s.server.url, s.body, seconds, connections);
      if (r.errors || r.non2xx) throw new Error(`${s.name}: ${r.errors} errors, ${r.non2xx} non-2xx`);
      s.cpu.push(round((((await s.server.stats()).cpuMs - before) * 1000) / r.requests, 1));
      s.rps.push(Math.round(r.requestsPerSecond));
    }
  }
} finally {
  await Promise.all(servers.map((s) => s.server.stop()));
}
const summary = servers.map((s) => ({ server: s.name, cpuUsPerRequest: median(s.cpu), requestsPerSecond: median(s.rps), rounds: s.cpu }));
console.log(JSON.stringify({
  query: values.minimal ? 'minimal' : '25 fields',
  a: resolve(values.a),
  b: resolve(values.b!),
  aEnv: values['a-env'],
  bEnv: values['b-env'],
  rounds,
  seconds,
  summary,
  cpuRatioAgainstSameQuery: { A: round(median(servers[2].cpu) / median(servers[0].cpu), 3), B: round(median(servers[2].cpu) / median(servers[1].cpu), 3) },
  loadAverage: { before: loadBefore, after: load1() },
}, null, 1));
process.exit(0);
