// Shared by every benchmark: the run options, servers in their own processes (so the load
// generator never shares their event loop), percentiles, pacing, the table and the JSON file.
import { execFileSync, fork } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { createHistogram } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

import { newApiKey, SCOPES } from '../src/server/auth.js';

export { startRedis, type RedisServer } from '../test/support/redis.js';

/**
 * kyc-graph runs in the figures as in production: NODE_ENV=production with API keys, the
 * sandbox routes on (the figures drive the simulators). Every request and subscription of the
 * load carries this key (all scopes, sandbox:admin included), as a client's would.
 */
const BENCH_KEY = newApiKey('bench', [...SCOPES]);
export const AUTH_HEADERS: Readonly<Record<string, string>> = { authorization: `Bearer ${BENCH_KEY.key}` };
/** graphql-ws connectionParams carrying the same key. */
export const AUTH_PARAMS = { authorization: `Bearer ${BENCH_KEY.key}` };
export const KYC_ENV = { NODE_ENV: 'production', API_KEYS: JSON.stringify([BENCH_KEY.entry]), SANDBOX_ROUTES: 'on' };

/** Repository root (this file is compiled to dist/bench/bench/lib.js). */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const RESULTS_DIR = join(ROOT, 'bench', 'results');

export interface RunOptions {
  /** `--smoke`: every benchmark for a couple of seconds with small numbers (CI keeps them from rotting). */
  smoke: boolean;
  /** `--soak`: also run the 10-minute soak. */
  soak: boolean;
  /** `--profile`: server processes write a CPU profile (node --cpu-prof) to bench/results/profiles/. */
  profile: boolean;
  /** `--out FILE`: where the JSON goes. Default bench/results/latest.json. */
  out: string;
  /** `--only a,b`: run only these benchmarks (names as in run.ts). Default all. */
  only: Set<string> | null;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------- servers in child processes

export interface ProcessStats {
  rssBytes: number;
  heapUsedBytes: number;
  /** CPU time (user + system) the process has used since it started, ms. */
  cpuMs: number;
  /** perf_hooks.monitorEventLoopDelay since the last `eld:reset`, in ms. */
  eventLoopDelay: { p50: number; p99: number; max: number };
  subscribers: number;
}

export interface ServerProcess {
  readonly name: string;
  readonly url: string;
  readonly pid: number;
  /** Asks the child over IPC: `stats`, `eld:reset`, `gc` (see server-process.ts). */
  call<T = unknown>(cmd: string): Promise<T>;
  stats(): Promise<ProcessStats>;
  stop(): Promise<void>;
}

/**
 * Starts `kind` (kyc = kyc-graph via createApp, as `npm start` does; baseline = baseline.ts) in a
 * child node process listening on a free loopback port. Its stdout (logs) goes to
 * bench/results/<name>.log.
 */
export async function startServerProcess(
  kind: 'kyc' | 'baseline' | 'argos-simulator',
  name: string,
  env: Record<string, string>,
  /** `script`: another build's server-process.js (bench/ab-http.ts compares two commits). */
  opts: { profile?: boolean; exposeGc?: boolean; script?: string } = {},
): Promise<ServerProcess> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const execArgv: string[] = [];
  if (opts.exposeGc) execArgv.push('--expose-gc');
  if (opts.profile) {
    const dir = join(RESULTS_DIR, 'profiles');
    mkdirSync(dir, { recursive: true });
    execArgv.push('--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-name', `${name}-${Date.now()}.cpuprofile`);
  }
  const log = openSync(join(RESULTS_DIR, `${name}.log`), 'w');
  const child = fork(opts.script ?? fileURLToPath(new URL('./server-process.js', import.meta.url)), [kind], {
    execArgv,
    // both in production mode (graphql-js and Apollo skip their development checks); kyc-graph
    // with the bench's API key (see KYC_ENV)
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'warn', NODE_ENV: 'production', ...(kind === 'kyc' ? KYC_ENV : {}), ...env },
    stdio: ['ignore', log, 'inherit', 'ipc'],
  });
  let seq = 0;
  const pending = new Map<number, (v: unknown) => void>();
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code} before it was ready`)));
    child.on('message', (m: { ready?: string; id?: number; result?: unknown }) => {
      if (m.ready) resolve(m.ready);
      else if (m.id !== undefined) {
        pending.get(m.id)?.(m.result);
        pending.delete(m.id);
      }
    });
  });
  const call = <T>(cmd: string) =>
    new Promise<T>((resolve) => {
      const id = ++seq;
      pending.set(id, resolve as (v: unknown) => void);
      child.send({ id, cmd });
    });
  return {
    name,
    url,
    pid: child.pid!,
    call,
    stats: () => call<ProcessStats>('stats'),
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.send({ cmd: 'stop' });
      await Promise.race([exited, sleep(15_000)]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

// ---------------------------------------------------------------- percentiles

export interface LatencySummary {
  count: number;
  /** milliseconds */
  p50: number;
  p99: number;
  max: number;
  mean: number;
}

/** Latencies in ms, kept in an HDR histogram (perf_hooks) at microsecond resolution. */
export class Latencies {
  private readonly h = createHistogram();

  record(ms: number) {
    this.h.record(Math.max(1, Math.round(ms * 1000)));
  }

  get count() {
    return this.h.count;
  }

  /** Adds every latency `other` recorded (pooling the rounds of one figure). */
  add(other: Latencies) {
    this.h.add(other.h);
  }

  summary(): LatencySummary {
    const ms = (us: number) => round(us / 1000, 2);
    if (this.h.count === 0) return { count: 0, p50: NaN, p99: NaN, max: NaN, mean: NaN };
    return { count: this.h.count, p50: ms(this.h.percentile(50)), p99: ms(this.h.percentile(99)), max: ms(this.h.max), mean: ms(this.h.mean) };
  }
}

export const round = (n: number, digits = 0) => Math.round(n * 10 ** digits) / 10 ** digits;

/** A command-line option that must be a positive integer (`--name`), or a clear error naming it. */
export function positiveOption(name: string, value: string | boolean | undefined): number {
  const n = Number(value);
  if (!(n > 0) || !Number.isInteger(n)) throw new Error(`--${name}: ${String(value)} is not a positive integer`);
  return n;
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Calls `fire(k)` for k = 0, 1, … at `perSecond` for `seconds`, on an open-loop schedule (a slow
 * answer never delays the next send). Resolves when the last one was fired.
 */
export async function paced(perSecond: number, seconds: number, fire: (k: number) => void): Promise<number> {
  const total = Math.round(perSecond * seconds);
  const start = performance.now();
  let k = 0;
  while (k < total) {
    const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * perSecond) + 1);
    while (k < due) fire(k++);
    await sleep(1);
  }
  return total;
}

/** Runs `fn` over `items` with at most `limit` in flight. */
export async function inBatches<T, R>(items: readonly T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i], i);
      }
    }),
  );
  return out;
}

/** POSTs a GraphQL operation and returns `data`, throwing on errors. */
export async function gql<T = Record<string, unknown>>(url: string, query: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...AUTH_HEADERS }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}

// ---------------------------------------------------------------- the table and the JSON

export interface Row {
  figure: string;
  scenario: string;
  kycGraph: string;
  baseline: string;
  goal: string;
  /** true / false, or null when there is nothing to judge (not measured, informational). */
  met: boolean | null;
}

export interface FigureResult {
  /** Rows for the printed table. */
  rows: Row[];
  /** Everything measured, for the JSON. */
  data: Record<string, unknown>;
}

export function markdownTable(rows: Row[]): string {
  const header = ['figure', 'scenario', 'kyc-graph', 'baseline', 'goal', 'met'];
  const cells = rows.map((r) => [r.figure, r.scenario, r.kycGraph, r.baseline, r.goal, r.met === null ? '—' : r.met ? 'yes' : '**no**']);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n');
}

export function machine() {
  const git = (...args: string[]) => {
    try {
      return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
    } catch {
      return null;
    }
  };
  return {
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? null,
    platform: `${process.platform} ${process.arch}`,
    commit: git('rev-parse', 'HEAD'),
    /** Uncommitted changes in the working tree when the run started. */
    dirty: (git('status', '--porcelain') ?? '') !== '',
  };
}

/** 1-minute load average, so a reader can tell whether other work shared the machine. */
export const load1 = () => round(loadavg()[0], 2);

export const fmt = {
  ms: (n: number) => (Number.isFinite(n) ? `${n < 10 ? n.toFixed(2) : n.toFixed(1)} ms` : 'n/a'),
  rps: (n: number) => `${Math.round(n).toLocaleString('en-US')} req/s`,
  mb: (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`,
};
