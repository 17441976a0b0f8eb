// Figure 1, HTTP overhead: server CPU per request, throughput and latency of a cached
// `verification(id)` query on kyc-graph against the same query on a bare Apollo Server 5 (same
// printed schema, the byte-identical answer from a Map, served the same way: baseline.ts), and,
// for reference, a hello world. Each server in its own process, loaded by autocannon from this
// one. Rounds alternate the servers so background load hits them alike; each reports the median
// of its rounds.
import autocannon from 'autocannon';
import { BENCH_PROVIDERS } from './providers.js';
import { AUTH_HEADERS, type FigureResult, fmt, gql, load1, median, round, type RunOptions, type ServerProcess, startServerProcess } from './lib.js';

/** Figure 1's goal: same-query baseline CPU / kyc-graph CPU per request (issue 18). */
export const GOAL_CPU_RATIO = 0.9;
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
    headers: { 'content-type': 'application/json', ...AUTH_HEADERS },
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
  script?: string,
): Promise<{ server: ServerProcess; body: string; minimalBody: string }> {
  const p = BENCH_PROVIDERS[0];
  const providerEnv = Object.assign({}, ...BENCH_PROVIDERS.map((x) => x.env(WEBHOOK_SECRET)));
  const server = await startServerProcess('kyc', name, { ...providerEnv, ...extraEnv }, { profile: opts.profile, exposeGc: true, script });
  const s = p.start('bench-http', 1);
  const v = s.pick(await gql(server.url, s.query, s.variables));
  // as its end user would: the simulator sends the signed webhook; a final status is never refreshed
  const res = await fetch(`${server.url}/sandbox/${p.key}/${encodeURIComponent(v.providerRef)}/advance`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...AUTH_HEADERS },
    body: JSON.stringify({ to: p.finalStatus }),
  });
  if (res.status !== 200) throw new Error(`advancing the seeded verification answered ${res.status}`);
  const body = JSON.stringify({ query: VERIFICATION_QUERY, variables: { id: v.id } });
  const check = (await gql<{ verification: { id: string } | null }>(server.url, VERIFICATION_QUERY, { id: v.id })).verification;
  if (check?.id !== v.id) throw new Error('the cached verification did not load');
  return { server, body, minimalBody: JSON.stringify({ query: MINIMAL_QUERY, variables: { id: v.id } }) };
}

/** POSTs `body` to /graphql and returns the raw answer text (status must be 200). */
async function rawAnswer(url: string, body: string): Promise<string> {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...AUTH_HEADERS }, body });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${text.slice(0, 200)}`);
  return text;
}

/**
 * Starts the same-query baseline (baseline.ts with BASELINE_SAME_QUERY): kyc-graph's printed
 * schema answering `verification(id)` from a Map of what kyc-graph answered to `bodies`; throws
 * unless it answers each of them byte for byte as kyc-graph did.
 */
export async function sameQueryBaseline(opts: RunOptions, name: string, kycUrl: string, bodies: string[], extraEnv: Record<string, string> = {}): Promise<ServerProcess> {
  const kycAnswers = await Promise.all(bodies.map((b) => rawAnswer(kycUrl, b)));
  const answers: Record<string, unknown> = {};
  for (const text of kycAnswers) {
    const v = (JSON.parse(text) as { data: { verification: { id: string } } }).data.verification;
    answers[v.id] = { ...(answers[v.id] as object), ...v };
  }
  const server = await startServerProcess('baseline', name, { ...extraEnv, BASELINE_SAME_QUERY: JSON.stringify(answers) }, { profile: opts.profile });
  try {
    for (const [i, b] of bodies.entries()) {
      const got = await rawAnswer(server.url, b);
      if (got !== kycAnswers[i]) throw new Error(`the same-query baseline's answer is not byte-identical to kyc-graph's:\n${got}\n${kycAnswers[i]}`);
    }
  } catch (err) {
    await server.stop();
    throw err;
  }
  return server;
}

export async function httpOverhead(opts: RunOptions): Promise<FigureResult & { capacity: number }> {
  const seconds = opts.smoke ? 1 : 6;
  const rounds = opts.smoke ? 2 : 5;
  const connections = 10;
  const loadBefore = load1();
  const kyc = await kycWithCachedVerification(opts, 'kyc-http');
  const baseline = await startServerProcess('baseline', 'baseline-http', {}, { profile: opts.profile }).catch(async (err) => {
    await kyc.server.stop();
    throw err;
  });
  const same = await sameQueryBaseline(opts, 'baseline-same-query-http', kyc.server.url, [kyc.body, kyc.minimalBody]).catch(async (err) => {
    await Promise.all([baseline.stop(), kyc.server.stop()]);
    throw err;
  });
  const helloBody = httpBodies.hello;
  const runs: { baseline: LoadResult[]; sameQuery: LoadResult[]; sameQueryMinimal: LoadResult[]; kycGraph: LoadResult[]; kycGraphMinimal: LoadResult[] } = {
    baseline: [],
    sameQuery: [],
    sameQueryMinimal: [],
    kycGraph: [],
    kycGraphMinimal: [],
  };
  try {
    // warm every server up (JIT, connection pools) before anything is recorded
    if (!opts.smoke) {
      await load(baseline.url, helloBody, 3, connections);
      await load(same.url, kyc.body, 3, connections);
      await load(kyc.server.url, kyc.body, 3, connections);
    }
    const measured = async (server: ServerProcess, body: string) => {
      const before = (await server.stats()).cpuMs;
      const r = await load(server.url, body, seconds, connections);
      return { ...r, serverCpuUsPerRequest: round((((await server.stats()).cpuMs - before) * 1000) / r.requests, 1) };
    };
    // alternating, the order reversed every round, so background load and a machine that speeds
    // up or slows down hit every server alike; a ratio compares the runs of one round
    const steps: [keyof typeof runs, ServerProcess, string][] = [
      ['baseline', baseline, helloBody],
      ['sameQuery', same, kyc.body],
      ['kycGraph', kyc.server, kyc.body],
      ['sameQueryMinimal', same, kyc.minimalBody],
      ['kycGraphMinimal', kyc.server, kyc.minimalBody],
    ];
    for (let i = 0; i < rounds; i++) {
      for (const [name, server, body] of i % 2 === 0 ? steps : [...steps].reverse()) runs[name].push(await measured(server, body));
    }
  } finally {
    await Promise.all([baseline.stop(), same.stop(), kyc.server.stop()]);
  }
  const summarize = (xs: LoadResult[]) => ({
    requestsPerSecond: round(median(xs.map((x) => x.requestsPerSecond))),
    p50: median(xs.map((x) => x.p50)),
    p99: median(xs.map((x) => x.p99)),
    errors: xs.reduce((a, x) => a + x.errors + x.non2xx, 0),
    serverCpuUsPerRequest: median(xs.map((x) => x.serverCpuUsPerRequest!)),
  });
  const b = summarize(runs.baseline);
  const sq = summarize(runs.sameQuery);
  const sqm = summarize(runs.sameQueryMinimal);
  const k = summarize(runs.kycGraph);
  const m = summarize(runs.kycGraphMinimal);
  // the goal: kyc-graph's server CPU per request against the same query on bare Apollo (CPU is
  // steadier than throughput when other work shares the machine)
  // each ratio is the median of its per-round ratios (the two runs of a round are adjacent in time)
  const byRound = (base: LoadResult[], ours: LoadResult[], f: (base: LoadResult, ours: LoadResult) => number) => base.map((x, i) => round(f(x, ours[i]), 3));
  const cpu = (base: LoadResult, ours: LoadResult) => base.serverCpuUsPerRequest! / ours.serverCpuUsPerRequest!;
  const rps = (base: LoadResult, ours: LoadResult) => ours.requestsPerSecond / base.requestsPerSecond;
  const sameCpuRatioByRound = byRound(runs.sameQuery, runs.kycGraph, cpu);
  const sameMinimalCpuRatioByRound = byRound(runs.sameQueryMinimal, runs.kycGraphMinimal, cpu);
  const sameCpuRatio = round(median(sameCpuRatioByRound), 3);
  const sameRatio = round(median(byRound(runs.sameQuery, runs.kycGraph, rps)), 3);
  const sameMinimalCpuRatio = round(median(sameMinimalCpuRatioByRound), 3);
  const sameMinimalRatio = round(median(byRound(runs.sameQueryMinimal, runs.kycGraphMinimal, rps)), 3);
  // for reference (the previous figure): against hello world
  const ratio = round(median(byRound(runs.baseline, runs.kycGraph, rps)), 3);
  const minimalRatio = round(median(byRound(runs.baseline, runs.kycGraphMinimal, rps)), 3);
  const cpuRatio = round(median(byRound(runs.baseline, runs.kycGraph, cpu)), 3);
  const minimalCpuRatio = round(median(byRound(runs.baseline, runs.kycGraphMinimal, cpu)), 3);
  const ofRounds = (xs: number[]) => (xs.length > 1 ? `, median of ${xs.length} rounds: ${xs.map((x) => x.toFixed(2)).join(', ')}` : '');
  const cell = (x: typeof k) => `${fmt.rps(x.requestsPerSecond)}, p50 ${fmt.ms(x.p50)}, p99 ${fmt.ms(x.p99)}; CPU ${x.serverCpuUsPerRequest} µs/req`;
  return {
    capacity: k.requestsPerSecond,
    rows: [
      {
        figure: '1 HTTP overhead',
        scenario: `cached verification(id), status-page selection (25 fields) vs the same query on bare Apollo (same schema, byte-identical answer from a Map), ${connections} connections`,
        kycGraph: cell(k),
        baseline: cell(sq),
        goal: `CPU ratio ≥ ${GOAL_CPU_RATIO} (got ${sameCpuRatio.toFixed(2)}${ofRounds(sameCpuRatioByRound)}; throughput ratio ${sameRatio.toFixed(2)})`,
        met: sameCpuRatio >= GOAL_CPU_RATIO,
      },
      {
        figure: '1 HTTP overhead',
        scenario: `cached verification(id) { id status } vs the same query on bare Apollo, ${connections} connections`,
        kycGraph: cell(m),
        baseline: cell(sqm),
        goal: `CPU ratio ≥ ${GOAL_CPU_RATIO} (got ${sameMinimalCpuRatio.toFixed(2)}${ofRounds(sameMinimalCpuRatioByRound)}; throughput ratio ${sameMinimalRatio.toFixed(2)})`,
        met: sameMinimalCpuRatio >= GOAL_CPU_RATIO,
      },
      {
        figure: '1 HTTP overhead',
        scenario: `for reference: the 25-field query vs hello world (\`{ hello }\`), ${connections} connections`,
        kycGraph: cell(k),
        baseline: cell(b),
        goal: `— (ratio ${ratio.toFixed(2)}; CPU ratio ${cpuRatio.toFixed(2)})`,
        met: null,
      },
    ],
    data: {
      goal: { cpuRatioAtLeast: GOAL_CPU_RATIO, against: 'sameQuery' },
      // against hello world, as in earlier runs
      ratio,
      cpuRatio,
      kycGraph: k,
      minimal: { query: MINIMAL_QUERY, ratio: minimalRatio, cpuRatio: minimalCpuRatio, kycGraph: m },
      baseline: b,
      // the goal: baseline CPU / kyc-graph CPU per request, the same query on bare Apollo
      sameQuery: {
        cpuRatio: sameCpuRatio,
        cpuRatioByRound: sameCpuRatioByRound,
        ratio: sameRatio,
        baseline: sq,
        minimal: { cpuRatio: sameMinimalCpuRatio, cpuRatioByRound: sameMinimalCpuRatioByRound, ratio: sameMinimalRatio, baseline: sqm },
        answersByteIdentical: true,
      },
      runs,
      settings: { seconds, rounds, connections, loadGenerator: 'autocannon 8.0.0 (in the bench process)', query: VERIFICATION_QUERY, baselineQuery: HELLO_QUERY },
      loadAverage: { before: loadBefore, after: load1() },
    },
  };
}
