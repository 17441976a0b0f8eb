// What V8's young-generation collections keep, for figure 1's 25-field query: kyc-graph and the
// same-query baseline each serve it (10 connections) while V8 prints a line per collection
// (`--trace-gc-nvp`, bench/gc-trace-preload.ts); prints the medians of the last scavenges: bytes
// allocated between two, bytes that survived one, bytes promoted to the old generation, the pause.
// Memory that survives a scavenge is copied (and, surviving again, promoted); promotion of what a
// request held is what made kyc-graph's scavenges 3 ms instead of 1 (docs/perf/request-path.md).
//
//   npm run bench:build && node dist/bench/bench/gc-promotion.js [--seconds 8]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { kycWithCachedVerification, load, sameQueryBaseline } from './http-overhead.js';
import { median, RESULTS_DIR, type RunOptions, type ServerProcess } from './lib.js';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '8' }, scavenges: { type: 'string', default: '40' } } });
const opts: RunOptions = { smoke: false, soak: false, profile: false, out: '', only: null };
const preload = { NODE_OPTIONS: `--import=${fileURLToPath(new URL('./gc-trace-preload.js', import.meta.url))}` };

/** Medians over the last `n` scavenges in a server's log. */
function scavenges(name: string, n: number) {
  const lines = readFileSync(join(RESULTS_DIR, `${name}.log`), 'utf8')
    .split('\n')
    .filter((l) => / gc=s /.test(l))
    .slice(-n);
  const field = (k: string) => median(lines.map((l) => Number(new RegExp(`\\b${k}=([0-9.]+)`).exec(l)?.[1] ?? NaN)));
  return { scavenges: lines.length, allocatedKB: Math.round(field('allocated') / 1024), survivedKB: Math.round(field('new_space_survived') / 1024), promotedKB: Math.round(field('promoted') / 1024), pauseMs: Math.round(field('pause') * 100) / 100 };
}

async function measure(server: ServerProcess, body: string) {
  await load(server.url, body, 3, 10);
  const r = await load(server.url, body, Number(values.seconds), 10);
  await server.stop();
  return { requestsPerSecond: Math.round(r.requestsPerSecond), ...scavenges(server.name, Number(values.scavenges)) };
}

const kyc = await kycWithCachedVerification(opts, 'gc-kyc', preload);
const baseline = await sameQueryBaseline(opts, 'gc-baseline', kyc.server.url, [kyc.body], preload);
const rows = { baseline: await measure(baseline, kyc.body), kycGraph: await measure(kyc.server, kyc.body) };
console.log(JSON.stringify(rows, null, 1));
