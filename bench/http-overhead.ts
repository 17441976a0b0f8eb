// Figure 1, HTTP overhead: throughput and latency of a cached `verification(id)` query on
// kyc-graph against a hello-world Apollo Server 5 on the same transport (baseline.ts), both in
// their own process, loaded by autocannon from this one. Rounds alternate baseline / kyc-graph so
// background load hits both alike; each side reports the median of its rounds.
import autocannon from 'autocannon';
import { BENCH_PROVIDERS } from './providers.js';
import { type FigureResult, fmt, gql, load1, median, round, type RunOptions, type ServerProcess, startServerProcess } from './lib.js';

export const GOAL_RATIO = 0.85;
/** The webhook signing secret the bench gives every provider, so it can sign webhooks itself. */
export const WEBHOOK_SECRET = 'bench-webhook-secret';

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
// the smallest useful read: separates kyc-graph's fixed cost per request from the query's size
const MINIMAL_QUERY = 'query VerificationStatus($id: ID!) { verification(id: $id) { id status } }';
const HELLO_QUERY = 'query Hello { hello }';
export const httpBodies = { hello: JSON.stringify({ query: HELLO_QUERY }) };

export interface LoadResult {
  requestsPerSecond: number;
  requests: number;
  /** Server CPU time per request over the run, µs (set when the server is known). */
  serverCpuUsPerRequest?: number;
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
  return { requestsPerSecond: r.requests.average, requests: r.requests.total, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx };
}

/** Starts kyc-graph in a process with one APPROVED (final, so never refreshed) verification. */
export async function kycWithCachedVerification(
  opts: RunOptions,
  name: string,
  extraEnv: Record<string, string> = {},
): Promise<{ server: ServerProcess; body: string; minimalBody: string }> {
  const p = BENCH_PROVIDERS[0];
  const providerEnv = Object.assign({}, ...BENCH_PROVIDERS.map((x) => x.env(WEBHOOK_SECRET)));
  const server = await startServerProcess('kyc', name, { ...providerEnv, ...extraEnv }, { profile: opts.profile, exposeGc: true });
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
  return { server, body, minimalBody: JSON.stringify({ query: MINIMAL_QUERY, variables: { id: v.id } }) };
}

export async function httpOverhead(opts: RunOptions): Promise<FigureResult & { capacity: number }> {
  const seconds = opts.smoke ? 1 : 10;
  const rounds = opts.smoke ? 1 : 3;
  const connections = 10;
  const loadBefore = load1();
  const baseline = await startServerProcess('baseline', 'baseline-http', {}, { profile: opts.profile });
  const kyc = await kycWithCachedVerification(opts, 'kyc-http');
  const helloBody = httpBodies.hello;
  const runs: { baseline: LoadResult[]; kycGraph: LoadResult[]; kycGraphMinimal: LoadResult[] } = { baseline: [], kycGraph: [], kycGraphMinimal: [] };
  try {
    // warm both up (JIT, connection pools) before anything is recorded
    if (!opts.smoke) {
      await load(baseline.url, helloBody, 3, connections);
      await load(kyc.server.url, kyc.body, 3, connections);
    }
    const measured = async (server: ServerProcess, body: string) => {
      const before = (await server.stats()).cpuMs;
      const r = await load(server.url, body, seconds, connections);
      return { ...r, serverCpuUsPerRequest: round((((await server.stats()).cpuMs - before) * 1000) / r.requests, 1) };
    };
    for (let i = 0; i < rounds; i++) {
      runs.baseline.push(await measured(baseline, helloBody));
      runs.kycGraph.push(await measured(kyc.server, kyc.body));
      runs.kycGraphMinimal.push(await measured(kyc.server, kyc.minimalBody));
    }
  } finally {
    await Promise.all([baseline.stop(), kyc.server.stop()]);
  }
  const summarize = (xs: LoadResult[]) => ({
    requestsPerSecond: round(median(xs.map((x) => x.requestsPerSecond))),
    p50: median(xs.map((x) => x.p50)),
    p99: median(xs.map((x) => x.p99)),
    errors: xs.reduce((a, x) => a + x.errors + x.non2xx, 0),
    serverCpuUsPerRequest: median(xs.map((x) => x.serverCpuUsPerRequest!)),
  });
  const b = summarize(runs.baseline);
  const k = summarize(runs.kycGraph);
  const m = summarize(runs.kycGraphMinimal);
  const ratio = round(k.requestsPerSecond / b.requestsPerSecond, 3);
  const minimalRatio = round(m.requestsPerSecond / b.requestsPerSecond, 3);
  // the same comparison by server CPU per request: steadier when other work shares the machine
  const cpuRatio = round(b.serverCpuUsPerRequest / k.serverCpuUsPerRequest, 3);
  const minimalCpuRatio = round(b.serverCpuUsPerRequest / m.serverCpuUsPerRequest, 3);
  const cell = (x: typeof k) => `${fmt.rps(x.requestsPerSecond)}, p50 ${fmt.ms(x.p50)}, p99 ${fmt.ms(x.p99)}; CPU ${x.serverCpuUsPerRequest} µs/req`;
  return {
    capacity: k.requestsPerSecond,
    rows: [
      {
        figure: '1 HTTP overhead',
        scenario: `cached verification(id), status-page selection (25 fields) vs hello world, ${connections} connections`,
        kycGraph: cell(k),
        baseline: cell(b),
        goal: `ratio ≥ ${GOAL_RATIO} (got ${ratio.toFixed(2)}; CPU ratio ${cpuRatio.toFixed(2)})`,
        met: ratio >= GOAL_RATIO,
      },
      {
        figure: '1 HTTP overhead',
        scenario: `cached verification(id) { id status } vs hello world, ${connections} connections`,
        kycGraph: cell(m),
        baseline: cell(b),
        goal: `ratio ≥ ${GOAL_RATIO} (got ${minimalRatio.toFixed(2)}; CPU ratio ${minimalCpuRatio.toFixed(2)})`,
        met: minimalRatio >= GOAL_RATIO,
      },
    ],
    data: {
      goal: { throughputRatioAtLeast: GOAL_RATIO },
      ratio,
      cpuRatio,
      kycGraph: k,
      minimal: { query: MINIMAL_QUERY, ratio: minimalRatio, cpuRatio: minimalCpuRatio, kycGraph: m },
      baseline: b,
      runs,
      settings: { seconds, rounds, connections, loadGenerator: 'autocannon 8.0.0 (in the bench process)', query: VERIFICATION_QUERY, baselineQuery: HELLO_QUERY },
      loadAverage: { before: loadBefore, after: load1() },
    },
  };
}
