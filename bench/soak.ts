// Figure 6, soak (only with --soak; a few seconds under --smoke): kyc-graph for 10 minutes at half
// the capacity figure 1 measured (the cached query via autocannon at a fixed overall rate), while
// webhooks flow to subscribers at a low rate. RSS (after a forced GC) is sampled under load; the
// growth from the first sample (after a warm-up) to the last is the figure. The baseline is the
// bare server (baseline.ts) under the same query rate.
import { httpBodies, kycWithCachedVerification, load, type LoadResult } from './http-overhead.js';
import { type FigureResult, fmt, load1, median, type RunOptions, type ServerProcess, sleep, startServerProcess } from './lib.js';
import { run as webhookRun, seed } from './webhook-delivery.js';

export const GOAL_RSS_GROWTH_BYTES = 5 * 1024 * 1024;

interface Sample {
  atSeconds: number;
  rssBytes: number;
  heapUsedBytes: number;
}

/** Samples RSS after a GC every `everyMs` from `warmupMs` until `stop()` is called. */
function sampler(server: ServerProcess, warmupMs: number, everyMs: number) {
  const samples: Sample[] = [];
  const t0 = Date.now();
  let stopped = false;
  const done = (async () => {
    await sleep(warmupMs);
    while (!stopped) {
      await server.call('gc');
      const s = await server.stats();
      samples.push({ atSeconds: Math.round((Date.now() - t0) / 1000), rssBytes: s.rssBytes, heapUsedBytes: s.heapUsedBytes });
      const until = Date.now() + everyMs;
      while (!stopped && Date.now() < until) await sleep(50);
    }
  })();
  return {
    samples,
    async stop() {
      stopped = true;
      await done;
    },
  };
}

/**
 * Growth = median of the last three samples − median of the first three (one noisy sample does not
 * decide the figure; with fewer than six samples, last − first). `firstToLast` is kept too.
 */
function growth(samples: Sample[]) {
  if (samples.length < 2) return { rssBytes: NaN, heapUsedBytes: NaN, firstToLast: { rssBytes: NaN, heapUsedBytes: NaN } };
  const k = samples.length >= 6 ? 3 : 1;
  const ends = (pick: (s: Sample) => number) => median(samples.slice(-k).map(pick)) - median(samples.slice(0, k).map(pick));
  return {
    rssBytes: ends((s) => s.rssBytes),
    heapUsedBytes: ends((s) => s.heapUsedBytes),
    firstToLast: { rssBytes: samples.at(-1)!.rssBytes - samples[0].rssBytes, heapUsedBytes: samples.at(-1)!.heapUsedBytes - samples[0].heapUsedBytes },
  };
}

export async function soak(opts: RunOptions, measuredCapacity: number | null): Promise<FigureResult> {
  const seconds = opts.smoke ? 3 : 600;
  const warmupMs = opts.smoke ? 1000 : 60_000;
  const everyMs = opts.smoke ? 1000 : 30_000;
  const webhooks = opts.smoke ? { rate: 10, subscribers: 10 } : { rate: 50, subscribers: 100 };
  const loadBefore = load1();

  // The in-memory event log keeps every event for REPLAY_WINDOW_MS (default 24 h, at most 100,000
  // events, ~3 KB each) so subscribers can resume: by design it grows for a day. A 60 s window
  // lets it reach its steady size during the warm-up, so what the samples show is a leak.
  const kyc = await kycWithCachedVerification(opts, 'kyc-soak', { REPLAY_WINDOW_MS: '60000' });
  const baseline = await startServerProcess('baseline', 'baseline-soak', {}, { exposeGc: true });
  try {
    // without figure 1 in this run, measure capacity here the same way (closed loop, 10 connections)
    const capacity = measuredCapacity ?? (await load(kyc.server.url, kyc.body, opts.smoke ? 1 : 10, 10)).requestsPerSecond;
    const rate = Math.max(1, Math.round(capacity / 2));
    const targets = await seed(kyc.server, webhooks.subscribers);

    const kycSamples = sampler(kyc.server, warmupMs, everyMs);
    const baseSamples = sampler(baseline, warmupMs, everyMs);
    const [kycLoad, baseLoad, delivery] = await Promise.all([
      load(kyc.server.url, kyc.body, seconds, 10, rate).finally(() => kycSamples.stop()),
      load(baseline.url, httpBodies.hello, seconds, 10, rate).finally(() => baseSamples.stop()),
      webhookRun('kyc', [kyc.server], targets, { rate: webhooks.rate, subscribers: webhooks.subscribers, warmupSeconds: 0, seconds: seconds - 1 }),
    ]);
    const k = growth(kycSamples.samples);
    const b = growth(baseSamples.samples);
    return {
      rows: [
        {
          figure: '6 Soak',
          scenario: `${seconds >= 60 ? `${seconds / 60} min` : `${seconds} s`} at ${rate} req/s (half of ${Math.round(capacity)}) + ${webhooks.rate} webhooks/s`,
          kycGraph:
            `RSS ${k.rssBytes >= 0 ? '+' : ''}${fmt.mb(k.rssBytes)} (heap ${k.heapUsedBytes >= 0 ? '+' : ''}${fmt.mb(k.heapUsedBytes)}); served ${fmt.rps(kycLoad.requestsPerSecond)}; ` +
            `${delivery.received} of ${delivery.sent} webhook events delivered${delivery.failedAcks ? `, ${delivery.failedAcks} webhooks not acknowledged` : ''}`,
          baseline: `RSS ${b.rssBytes >= 0 ? '+' : ''}${fmt.mb(b.rssBytes)} (heap ${b.heapUsedBytes >= 0 ? '+' : ''}${fmt.mb(b.heapUsedBytes)}); served ${fmt.rps(baseLoad.requestsPerSecond)}`,
          goal: `RSS growth < ${fmt.mb(GOAL_RSS_GROWTH_BYTES)}`,
          met: Number.isFinite(k.rssBytes) && k.rssBytes < GOAL_RSS_GROWTH_BYTES && kycLoad.errors + kycLoad.non2xx === 0 && delivery.failedAcks === 0,
        },
      ],
      data: {
        goal: { rssGrowthBytesBelow: GOAL_RSS_GROWTH_BYTES },
        settings: { seconds, warmupSeconds: warmupMs / 1000, sampleEverySeconds: everyMs / 1000, capacity, queryRate: rate, webhooks, capacityFrom: measuredCapacity ? 'figure 1 of this run' : 'measured at the start of the soak' },
        kycGraph: { growth: k, samples: kycSamples.samples, load: kycLoad satisfies LoadResult, webhookDelivery: { ...delivery, histograms: undefined, window: undefined } },
        baseline: { growth: b, samples: baseSamples.samples, load: baseLoad },
        loadAverage: { before: loadBefore, after: load1() },
      },
    };
  } finally {
    await Promise.all([kyc.server.stop(), baseline.stop()]);
  }
}
