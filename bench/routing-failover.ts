// What a failover costs when the first provider's circuit is already open (issue 16): one
// in-process kyc-graph in sandbox mode, pawaPass's circuit opened through its faults route, then
// N rounds, interleaved so both see the same machine load, of
//   routed:  startVerification(country: ZM) → pawaPass skipped (CIRCUIT_OPEN) → UpPass
//   direct:  startUpPassVerification (the same UpPass call, no routing)
//   nofail:  startVerification(country: FR) → UpPass first (routing without a failover)
// and prints the median and p90 of each in ms, plus the medians' differences.
//   npm run bench:build && node dist/bench/bench/routing-failover.js [N]   (default N = 200)
import 'reflect-metadata';
import { loadConfig } from '../src/config.js';
import { createApp, createLogger } from '../src/server/app.js';

const N = Number(process.argv[2] ?? 200);
const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent', BREAKER_THRESHOLD: '3', BREAKER_HALF_OPEN_MS: '3600000', PROVIDER_PROBE_INTERVAL_MS: '3600000' });
const app = await createApp(config, createLogger('silent'));
const url = await app.listen();
const URLS = { successUrl: 'https://e.com/s', errorUrl: 'https://e.com/e', supportUrl: 'https://e.com/h' };

async function gql(query: string, input: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables: { input } }) });
  const body = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (body.errors?.length) throw new Error(JSON.stringify(body.errors));
  return body.data!;
}
const ROUTED = 'mutation($input: StartVerificationInput!){ startVerification(input: $input){ reused attempts { provider code } verification { id provider } } }';
const DIRECT = 'mutation($input: StartUpPassVerificationInput!){ startUpPassVerification(input: $input){ id provider } }';
const PAWA = 'mutation($input: StartPawaPassVerificationInput!){ startPawaPassVerification(input: $input){ id } }';

// open pawaPass's circuit: three 503s in a row
await fetch(`${url}/sandbox/pawapass/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ status: 503, times: 3 }) });
for (let i = 0; i < 3; i++) await gql(PAWA, { subjectId: 'open', externalId: 'open', requirements: [{ type: 'DOCUMENT_SCAN' }], ...URLS }).catch(() => {});
if (app.services.resilience.circuitStates(['PAWAPASS']).PAWAPASS !== 'open') throw new Error('pawaPass circuit did not open');

const time = async (f: () => Promise<unknown>) => {
  const t = performance.now();
  await f();
  return performance.now() - t;
};
const runs = { routed: [] as number[], direct: [] as number[], nofail: [] as number[] };
for (let i = -20; i < N; i++) {
  const r = await time(async () => {
    const d = (await gql(ROUTED, { subjectId: `b${i}`, country: 'ZM', ...URLS })).startVerification as { attempts: { code: string }[]; verification: { provider: string } };
    if (d.verification.provider !== 'UPPASS' || d.attempts[0]?.code !== 'CIRCUIT_OPEN') throw new Error(`unexpected ${JSON.stringify(d)}`);
  });
  const d = await time(() => gql(DIRECT, { subjectId: `b${i}`, formSlug: 'kyc-onboarding', lang: 'en' }));
  const f = await time(() => gql(ROUTED, { subjectId: `c${i}`, country: 'FR' }));
  if (i >= 0) {
    runs.routed.push(r);
    runs.direct.push(d);
    runs.nofail.push(f);
  }
}
const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const fmt = (x: number) => x.toFixed(2);
for (const [name, xs] of Object.entries(runs)) console.log(`${name.padEnd(7)} median ${fmt(q(xs, 0.5))} ms  p90 ${fmt(q(xs, 0.9))} ms  (n=${xs.length})`);
console.log(`failover over an open circuit vs direct UpPass: +${fmt(q(runs.routed, 0.5) - q(runs.direct, 0.5))} ms median`);
console.log(`failover over an open circuit vs routed without failover: +${fmt(q(runs.routed, 0.5) - q(runs.nofail, 0.5))} ms median`);
await app.close();
