// Figure 1, HTTP overhead: throughput and latency of a cached `verification(id)` query on
// kyc-graph against a hello-world Apollo Server 5 on the same transport (baseline.ts), both in
// their own process, loaded by autocannon from this one. Rounds alternate baseline / kyc-graph so
// background load hits both alike; each side reports the median of its rounds.
import autocannon from 'autocannon';
import { BENCH_PROVIDERS } from './providers.js';
import { type FigureResult, fmt, gql, load1, median, round, type RunOptions, type ServerProcess, startServerProcess } from './lib.js';

export const GOAL_RATIO = 0.85;

// the fields a status page shows (test/operations GetVerification)
const VERIFICATION_QUERY = `query GetVerification($id: ID!) {
  verification(id: $id) {
    id status providerStatus reviewReason
    identityDocument { type country firstName lastName dateOfBirth nationalNo expiryAt }
    faceScan { ageEstimation }
    history { status providerStatus at }
    updatedAt
  }
}`;
const HELLO_QUERY = 'query Hello { hello }';
export const httpBodies = { hello: JSON.stringify({ query: HELLO_QUERY }) };

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** One autocannon run: POST /graphql with `body`, closed loop over `connections` for `seconds`. */
export async function load(url: string, body: string, seconds: number, connections: number, overallRate?: number): Promise<LoadResult> {
  const r = await autocannon({
    url: `${url}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections,
    duration: seconds,
    ...(overallRate ? { overallRate } : {}),
  });
  return { requestsPerSecond: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx };
}

/** Starts kyc-graph in a process with one APPROVED (final, so never refreshed) verification. */
export async function kycWithCachedVerification(opts: RunOptions, name: string, extraEnv: Record<string, string> = {}): Promise<{ server: ServerProcess; body: string }> {
  const p = BENCH_PROVIDERS[0];
  const server = await startServerProcess('kyc', name, extraEnv, { profile: opts.profile, exposeGc: true });
  const s = p.start('bench-http', 1);
  const v = s.pick(await gql(server.url, s.query, s.variables));
  // as its end user would: the simulator sends the signed webhook; a final status is never refreshed
  const res = await fetch(`${server.url}/sandbox/${p.key}/${encodeURIComponent(v.providerRef)}/advance`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ to: p.finalStatus }),
  });
  if (res.status !== 200) throw new Error(`advancing the seeded verification answered ${res.status}`);
  const body = JSON.stringify({ query: VERIFICATION_QUERY, variables: { id: v.id } });
  const check = (await gql<{ verification: { id: string } | null }>(server.url, VERIFICATION_QUERY, { id: v.id })).verification;
  if (check?.id !== v.id) throw new Error('the cached verification did not load');
  return { server, body };
}

export async function httpOverhead(opts: RunOptions): Promise<FigureResult & { capacity: number }> {
  const seconds = opts.smoke ? 1 : 10;
  const rounds = opts.smoke ? 1 : 3;
  const connections = 10;
  const loadBefore = load1();
  const baseline = await startServerProcess('baseline', 'baseline-http', {}, { profile: opts.profile });
  const kyc = await kycWithCachedVerification(opts, 'kyc-http');
  const helloBody = httpBodies.hello;
  const runs: { baseline: LoadResult[]; kycGraph: LoadResult[] } = { baseline: [], kycGraph: [] };
  try {
    // warm both up (JIT, connection pools) before anything is recorded
    if (!opts.smoke) {
      await load(baseline.url, helloBody, 3, connections);
      await load(kyc.server.url, kyc.body, 3, connections);
    }
    for (let i = 0; i < rounds; i++) {
      runs.baseline.push(await load(baseline.url, helloBody, seconds, connections));
      runs.kycGraph.push(await load(kyc.server.url, kyc.body, seconds, connections));
    }
  } finally {
    await Promise.all([baseline.stop(), kyc.server.stop()]);
  }
  const summarize = (xs: LoadResult[]) => ({
    requestsPerSecond: round(median(xs.map((x) => x.requestsPerSecond))),
    p50: median(xs.map((x) => x.p50)),
    p99: median(xs.map((x) => x.p99)),
    errors: xs.reduce((a, x) => a + x.errors + x.non2xx, 0),
  });
  const b = summarize(runs.baseline);
  const k = summarize(runs.kycGraph);
  const ratio = round(k.requestsPerSecond / b.requestsPerSecond, 3);
  return {
    capacity: k.requestsPerSecond,
    rows: [
      {
        figure: '1 HTTP overhead',
        scenario: `cached verification(id) vs hello world, ${connections} connections`,
        kycGraph: `${fmt.rps(k.requestsPerSecond)}, p50 ${fmt.ms(k.p50)}, p99 ${fmt.ms(k.p99)}`,
        baseline: `${fmt.rps(b.requestsPerSecond)}, p50 ${fmt.ms(b.p50)}, p99 ${fmt.ms(b.p99)}`,
        goal: `ratio ≥ ${GOAL_RATIO} (got ${ratio.toFixed(2)})`,
        met: ratio >= GOAL_RATIO,
      },
    ],
    data: {
      goal: { throughputRatioAtLeast: GOAL_RATIO },
      ratio,
      kycGraph: k,
      baseline: b,
      runs,
      settings: { seconds, rounds, connections, loadGenerator: 'autocannon 8.0.0 (in the bench process)', query: VERIFICATION_QUERY, baselineQuery: HELLO_QUERY },
      loadAverage: { before: loadBefore, after: load1() },
    },
  };
}
