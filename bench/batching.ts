// Figure 2, batching: upstream HTTP calls (counted by each provider's simulator) and store reads
// for one query over N verifications spread across every provider in BENCH_PROVIDERS. Counts,
// not times, so the servers run in this process. Baseline: the same N verifications read with one
// request each (what a client does without batching).
import { parse } from 'graphql';
import { startServer, type TestServer } from '../test/support/server.js';
import { type BenchProvider, BENCH_PROVIDERS, type Started } from './providers.js';
import { type FigureResult, gql, inBatches, type RunOptions } from './lib.js';

interface Counts {
  /** per provider key */
  upstream: Record<string, { calls: number; maxInFlight: number }>;
  storeReads: number;
}

/** Counts what `fn` makes each provider's simulator answer and how many store batch reads it does. */
async function counting(server: TestServer, fn: () => Promise<unknown>): Promise<Counts> {
  const store = server.app.services.store;
  const original = store.getMany.bind(store);
  let storeReads = 0;
  store.getMany = ((kind, ids) => {
    storeReads++;
    return original(kind, ids);
  }) as typeof store.getMany;
  const before = new Map(BENCH_PROVIDERS.map((p) => [p.key, p.upstream(server.app).calls]));
  for (const p of BENCH_PROVIDERS) p.resetMaxInFlight(server.app);
  try {
    await fn();
  } finally {
    store.getMany = original;
  }
  const upstream = Object.fromEntries(
    BENCH_PROVIDERS.map((p) => {
      const now = p.upstream(server.app);
      return [p.key, { calls: now.calls - before.get(p.key)!, maxInFlight: now.maxInFlight }];
    }),
  );
  return { upstream, storeReads };
}

/** N verifications for one subject, round-robin over the providers. */
async function seed(server: TestServer, subjectId: string, n: number): Promise<(Started & { p: BenchProvider })[]> {
  return inBatches(Array.from({ length: n }, (_, i) => i), 8, async (i) => {
    const p = BENCH_PROVIDERS[i % BENCH_PROVIDERS.length];
    const s = p.start(subjectId, i);
    return { ...s.pick(await gql(server.url, s.query, s.variables)), p };
  });
}

const aliases = (ids: string[]) => `{ ${ids.map((id, i) => `v${i}: verification(id: "${id}") { id status }`).join(' ')} }`;
const list = (subjectId: string, n: number) => `{ verifications(filter: { subjectId: "${subjectId}" }, first: ${n}) { edges { node { id status } } } }`;

export async function batching(opts: RunOptions): Promise<FigureResult> {
  const sizes = opts.smoke ? [1, 5] : [1, 10, 50, 100];
  const cap = 8; // PROVIDER_CONCURRENCY default
  const stale = await startServer({ STATUS_MAX_AGE_MS: '0', PROVIDER_CONCURRENCY: String(cap) });
  const fresh = await startServer({ PROVIDER_CONCURRENCY: String(cap) });
  const results: Record<string, unknown>[] = [];
  try {
    for (const n of sizes) {
      const subject = `batch-${n}`;
      const seeded = await seed(stale, subject, n);
      const staleIds = seeded.map((v) => v.id);
      const freshIds = (await seed(fresh, subject, n)).map((v) => v.id);
      parse(aliases(staleIds)); // a malformed document would make every count below meaningless
      results.push({
        n,
        perProvider: Object.fromEntries(BENCH_PROVIDERS.map((p) => [p.key, seeded.filter((v) => v.p === p).length])),
        staleList: await counting(stale, () => gql(stale.url, list(subject, n))),
        staleAliases: await counting(stale, () => gql(stale.url, aliases(staleIds))),
        freshAliases: await counting(fresh, () => gql(fresh.url, aliases(freshIds))),
        baselineOneRequestEach: await counting(stale, () => inBatches(staleIds, cap, (id) => gql(stale.url, aliases([id])))),
      });
    }
  } finally {
    await Promise.all([stale.close(), fresh.close()]);
  }

  const rows = [];
  const largest = results.at(-1) as { n: number; perProvider: Record<string, number> } & Record<'staleList' | 'staleAliases' | 'freshAliases' | 'baselineOneRequestEach', Counts>;
  const n = largest.n;
  let allMet = true;
  for (const p of BENCH_PROVIDERS) {
    const mine = largest.perProvider[p.key];
    const calls = (c: Counts) => c.upstream[p.key];
    const okFor = (c: Counts, seededHere: number) =>
      p.batchRead ? calls(c).calls <= 1 : calls(c).calls <= seededHere && calls(c).maxInFlight <= cap;
    const met = results.every((r) => {
      const here = (r.perProvider as Record<string, number>)[p.key];
      return okFor(r.staleList as Counts, here) && okFor(r.staleAliases as Counts, here) && (r.freshAliases as Counts).upstream[p.key].calls === 0;
    });
    allMet &&= met;
    const show = (c: Counts) => `${calls(c).calls} calls, ≤ ${calls(c).maxInFlight} at once`;
    rows.push({
      figure: '2 Batching',
      scenario: `${p.provider}: ${mine} of N=${n} verifications, all statuses stale (list / ${n} aliases in one request)`,
      kycGraph: `list ${show(largest.staleList)}; aliases ${show(largest.staleAliases)}`,
      baseline: `${n} requests: ${show(largest.baselineOneRequestEach)}`,
      goal: p.batchRead ? '1 batch call' : `no batch read: ≤ ${mine} calls, ≤ ${cap} at once`,
      met,
    });
  }
  rows.push({
    figure: '2 Batching',
    scenario: `N=${n} verification(id) aliases, statuses fresh`,
    kycGraph: `${Object.values(largest.freshAliases.upstream).reduce((a, c) => a + c.calls, 0)} upstream calls, ${largest.freshAliases.storeReads} store read`,
    baseline: `${n} requests: ${largest.baselineOneRequestEach.storeReads} store reads`,
    goal: '0 calls, 1 store read',
    met: Object.values(largest.freshAliases.upstream).every((c) => c.calls === 0) && largest.freshAliases.storeReads === 1,
  });
  return {
    rows,
    data: {
      goal: { batchReadProviders: 'one call per provider', otherProviders: `at most one call per stale verification, at most ${cap} at once`, freshStatuses: 'no upstream call, one store read' },
      met: allMet,
      providers: BENCH_PROVIDERS.map((p) => ({ provider: p.provider, batchRead: p.batchRead })),
      concurrencyCap: cap,
      note: 'store reads under stale statuses include one read per refreshed record (applying the refreshed view re-reads it)',
      byN: results,
    },
  };
}
