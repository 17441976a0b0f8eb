// The benchmark suite still runs: `bench --smoke` (seconds, small numbers) builds, finishes and
// writes every figure to its JSON. Times are never asserted; only that each figure was measured.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasRedis } from './support/redis.js';

/** The median the bench reports for its rounds (the middle one, or the mean of the two middle ones). */
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'kyc-bench-'));
const out = join(dir, 'smoke.json');

interface Results {
  meta: { node: string; cpus: number; commit: string | null; mode: string };
  figures: Record<string, Record<string, unknown>>;
  table: { figure: string; kycGraph: string }[];
}
let results: Results;
let exitCode = 0;
let stderr = '';

// ~1 minute on 2 cores: `.ci/run` runs it (BENCH_SMOKE=1) after `npm test`, which skips it
const enabled = hasRedis && process.env.BENCH_SMOKE === '1';
if (!enabled) console.warn('[kyc-graph] bench smoke skipped (run it with BENCH_SMOKE=1; .ci/run does)');

describe.skipIf(!enabled)('npm run bench:smoke', () => {
  beforeAll(async () => {
    await run('npx', ['tsc', '-p', 'tsconfig.bench.json']);
    try {
      await run(process.execPath, ['dist/bench/bench/run.js', '--smoke', '--out', out], { timeout: 240_000 });
    } catch (err) {
      exitCode = (err as { code?: number }).code ?? 1;
      stderr = (err as { stderr?: string }).stderr ?? '';
    }
    results = JSON.parse(readFileSync(out, 'utf8')) as Results;
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finishes without a failed benchmark and records the machine, Node version and commit', () => {
    expect(stderr).not.toContain('failed');
    expect(exitCode).toBe(0);
    expect(results.meta).toMatchObject({ node: process.version, mode: 'smoke' });
    expect(results.meta.cpus).toBeGreaterThan(0);
    expect(results.meta.commit).toMatch(/^[0-9a-f]{40}$/);
  });

  it('measures HTTP overhead against the hello-world baseline', () => {
    const f = results.figures.httpOverhead as { kycGraph: { requestsPerSecond: number; p99: number }; baseline: { requestsPerSecond: number }; ratio: number };
    expect(f.kycGraph.requestsPerSecond).toBeGreaterThan(0);
    expect(f.baseline.requestsPerSecond).toBeGreaterThan(0);
    expect(f.kycGraph.p99).toBeGreaterThan(0);
    expect(Number.isFinite(f.ratio)).toBe(true);
  });

  it('measures HTTP overhead against the same query on bare Apollo, answers asserted byte-identical', () => {
    const f = results.figures.httpOverhead as { sameQuery: { cpuRatio: number; answersByteIdentical: boolean; baseline: { requestsPerSecond: number; serverCpuUsPerRequest: number } } };
    expect(f.sameQuery.answersByteIdentical).toBe(true);
    expect(f.sameQuery.baseline.requestsPerSecond).toBeGreaterThan(0);
    expect(f.sameQuery.baseline.serverCpuUsPerRequest).toBeGreaterThan(0);
    expect(f.sameQuery.cpuRatio).toBeGreaterThan(0);
  });

  it('figure 1: the CPU ratio is the median of per-round ratios, every server measured once a round', () => {
    type Run = { serverCpuUsPerRequest: number };
    const f = results.figures.httpOverhead as {
      settings: { rounds: number };
      sameQuery: { cpuRatio: number; cpuRatioByRound: number[] };
      runs: Record<'sameQuery' | 'kycGraph' | 'baseline', Run[]>;
    };
    expect(f.settings.rounds).toBeGreaterThanOrEqual(2);
    for (const list of Object.values(f.runs)) expect(list).toHaveLength(f.settings.rounds);
    expect(f.sameQuery.cpuRatioByRound).toHaveLength(f.settings.rounds);
    f.sameQuery.cpuRatioByRound.forEach((r, i) => expect(r).toBeCloseTo(f.runs.sameQuery[i].serverCpuUsPerRequest / f.runs.kycGraph[i].serverCpuUsPerRequest, 2));
    // rounded as the bench rounds it (3 decimals), so the comparison is exact
    expect(f.sameQuery.cpuRatio).toBe(Math.round(median(f.sameQuery.cpuRatioByRound) * 10 ** 3) / 10 ** 3);
  });

  it('counts upstream calls per provider for every N, and a fresh aliased read makes none', () => {
    const f = results.figures.batching as { byN: { n: number; staleAliases: { upstream: Record<string, { calls: number }> }; freshAliases: { storeReads: number; upstream: Record<string, { calls: number }> } }[] };
    expect(f.byN.length).toBeGreaterThan(1);
    const largest = f.byN.at(-1)!;
    expect(Object.keys(largest.staleAliases.upstream)).toContain('pawapass');
    expect(largest.staleAliases.upstream.pawapass.calls).toBeGreaterThan(0);
    expect(largest.freshAliases.upstream.pawapass.calls).toBe(0);
    expect(largest.freshAliases.storeReads).toBe(1);
  });

  it('spreads the verifications over pawaPass, UpPass and Argos, one batch each, and counts checks per user and ingestions', () => {
    type Up = { calls: number; batches: number; detail?: { list: number; get: number } };
    const f = results.figures.batching as {
      byN: { perProvider: Record<string, number>; staleAliases: { upstream: Record<string, Up> } }[];
      checks: { users: number; oneRequest: { upstream: Record<string, Up> } }[];
      ingestions: { n: number; aliases: { upstream: Record<string, Up> } }[];
      webhookUpstreamCalls: Record<string, number>;
    };
    const largest = f.byN.at(-1)!;
    for (const key of ['pawapass', 'uppass', 'argos']) {
      expect(largest.perProvider[key]).toBeGreaterThan(0);
      expect(largest.staleAliases.upstream[key]).toMatchObject({ batches: 1, calls: largest.perProvider[key] });
    }
    const checks = f.checks.at(-1)!;
    expect(checks.oneRequest.upstream.upvest).toMatchObject({ batches: checks.users, detail: { list: checks.users, get: 0 } });
    const ingestions = f.ingestions.at(-1)!;
    expect(ingestions.aliases.upstream.uphold.batches).toBe(1);
    expect(ingestions.aliases.upstream.uphold.calls).toBeGreaterThan(0);
    expect(Object.keys(f.webhookUpstreamCalls)).toEqual(['pawapass', 'uppass', 'argos']);
  });

  it('delivers webhooks to graphql-ws subscribers in memory and over Redis, with latencies and event-loop delay', () => {
    const f = results.figures.webhookToSubscriber as Record<'inMemory' | 'redisTwoInstances', Record<'kycGraph' | 'baseline', { delivery: { count: number; p50: number; p99: number }; eventLoopDelayP99Ms: number; sent: number }>>;
    for (const where of ['inMemory', 'redisTwoInstances'] as const) {
      for (const who of ['kycGraph', 'baseline'] as const) {
        const r = f[where][who];
        expect(r.sent).toBeGreaterThan(0);
        expect(r.delivery.count).toBeGreaterThan(0);
        expect(r.delivery.p99).toBeGreaterThanOrEqual(r.delivery.p50);
        expect(Number.isFinite(r.eventLoopDelayP99Ms)).toBe(true);
      }
    }
  });

  it('ramps the webhook rate over Redis for kyc-graph and the baseline, and keeps the CPU ratios', () => {
    type Ramp = { maxRate: number; steps: { rate: number; p99: number; serverCpuMsPerEvent: number; sustained: boolean }[] };
    const f = results.figures.maxWebhookRate as { kycGraph: Ramp; baseline: Ramp; cpuRatio: number | null };
    for (const r of [f.kycGraph, f.baseline]) {
      expect(r.steps.length).toBeGreaterThan(0);
      expect(r.steps[0].serverCpuMsPerEvent).toBeGreaterThan(0);
      // maxRate is a step that was sustained, with every lower step sustained
      if (r.maxRate > 0) expect(r.steps.filter((x) => x.rate <= r.maxRate).every((x) => x.sustained)).toBe(true);
    }
    expect(f.cpuRatio).toBeGreaterThan(0);
    const w = results.figures.webhookToSubscriber as { cpuRatio: { inMemory: number; redisTwoInstances: number } };
    expect(w.cpuRatio.inMemory).toBeGreaterThan(0);
    expect(w.cpuRatio.redisTwoInstances).toBeGreaterThan(0);
    for (const figure of Object.values(results.figures)) expect(figure).toHaveProperty('cpuRatio');
  });

  it('alternates figure 3 rounds and takes the median of the per-round CPU ratios', () => {
    type Pooled = { sent: number; rounds: { serverCpuMsPerEvent: number }[] };
    const w = results.figures.webhookToSubscriber as {
      settings: { rounds: number; rate: number; seconds: number };
      cpuRatio: { inMemory: number; redisTwoInstances: number; byRound: Record<'inMemory' | 'redisTwoInstances', number[]> };
    } & Record<'inMemory' | 'redisTwoInstances', Record<'kycGraph' | 'baseline', Pooled>>;
    expect(w.settings.rounds).toBeGreaterThanOrEqual(2);
    for (const where of ['inMemory', 'redisTwoInstances'] as const) {
      const byRound = w.cpuRatio.byRound[where];
      expect(byRound).toHaveLength(w.settings.rounds);
      // rounded as the bench rounds it (2 decimals): a median of 1.775 is 1.78, not close to 1.775 within 0.005
      expect(w.cpuRatio[where]).toBe(Math.round(median(byRound) * 100) / 100);
      for (const who of ['kycGraph', 'baseline'] as const) {
        // every round's events counted once in the pooled figures
        expect(w[where][who].rounds).toHaveLength(w.settings.rounds);
        expect(w[where][who].sent).toBe(w.settings.rounds * Math.round(w.settings.rate * w.settings.seconds));
      }
      byRound.forEach((ratio, i) => expect(ratio).toBeCloseTo(w[where].kycGraph.rounds[i].serverCpuMsPerEvent / w[where].baseline.rounds[i].serverCpuMsPerEvent, 1));
    }
  });

  it('measures the webhook acknowledgement in both setups', () => {
    const f = results.figures.webhookAck as Record<'inMemory' | 'redisTwoInstances', { kycGraph: { count: number; p99: number } }>;
    expect(f.inMemory.kycGraph.count).toBeGreaterThan(0);
    expect(f.redisTwoInstances.kycGraph.count).toBeGreaterThan(0);
  });

  it('submits concurrent 2 MB Argos images to kyc-graph and the graphql-upload baseline, with RSS growth and temp files left', () => {
    type Side = { concurrent: number; ok: number; failed: number; fileBytes: number; rssBeforeBytes: number; peakGrowthBytes: number; tempFilesPeak: number; tempFilesLeft: number };
    const f = results.figures.uploads as { measured: boolean; imageBytes: number; kycGraph: Side; baseline: Side };
    expect(f.measured).toBe(true);
    // a real image near the 2 MiB limit, not over it
    expect(f.imageBytes).toBeGreaterThan(1.9e6);
    expect(f.imageBytes).toBeLessThanOrEqual(2 * 1024 * 1024);
    for (const side of [f.kycGraph, f.baseline]) {
      expect(side.concurrent).toBeGreaterThan(1);
      expect(side.ok).toBe(side.concurrent);
      expect(side.failed).toBe(0);
      expect(side.fileBytes).toBe(f.imageBytes);
      expect(side.rssBeforeBytes).toBeGreaterThan(0);
      expect(Number.isFinite(side.peakGrowthBytes)).toBe(true);
      // the temp-file count watched the right directory: files appeared there during the burst
      expect(side.tempFilesPeak).toBeGreaterThan(0);
      expect(side.tempFilesLeft).toBe(0);
    }
    expect(results.table.find((r) => r.figure === '5 Uploads')?.kycGraph).toMatch(/RSS \+[\d.]+ MB peak/);
  });

  it('runs a short soak and reports RSS growth against the baseline', () => {
    const f = results.figures.soak as {
      kycGraph: { samples: unknown[]; growth: { rssBytes: number }; webhookDelivery: { received: number; failedAcks: number } };
      baseline: { growth: { rssBytes: number } };
    };
    expect(f.kycGraph.samples.length).toBeGreaterThanOrEqual(2);
    // the soak's webhooks are signed with the secret its server was given, so they are accepted and delivered
    expect(f.kycGraph.webhookDelivery.failedAcks).toBe(0);
    expect(f.kycGraph.webhookDelivery.received).toBeGreaterThan(0);
    expect(Number.isFinite(f.kycGraph.growth.rssBytes)).toBe(true);
    expect(Number.isFinite(f.baseline.growth.rssBytes)).toBe(true);
  });

  it('runs the webhook path in a loop, hot and paced, for one build and as an A/B of two', async () => {
    const small = ['--webhooks', '300', '--paced', '30', '--pace-ms', '1', '--repeats', '1', '--sessions', '6'];
    // every webhook must be answered 200 and reach its subscriber, or the loop exits non-zero
    const one = JSON.parse((await run(process.execPath, ['dist/bench/bench/webhook-loop.js', ...small], { timeout: 60_000 })).stdout) as Record<string, number>;
    expect(one.hotUs).toBeGreaterThan(0);
    expect(one.idleTurnUs).toBeGreaterThan(0);
    expect(Number.isFinite(one.pacedUs)).toBe(true);
    const ab = JSON.parse((await run(process.execPath, ['dist/bench/bench/webhook-loop.js', '--a', '.', '--passes', '1', ...small], { timeout: 120_000 })).stdout) as {
      a: { byPass: unknown[]; hotUs: number };
      b: { byPass: unknown[]; hotUs: number };
      bOverA: { hot: number; bLowerHot: string };
    };
    expect(ab.a.byPass).toHaveLength(1);
    expect(ab.b.byPass).toHaveLength(1);
    expect(ab.bOverA.hot).toBeCloseTo(ab.b.hotUs / ab.a.hotUs, 2);
    expect(ab.bOverA.bLowerHot).toMatch(/^[01] of 1$/);
  }, 200_000);
});
