// Figure 5, uploads: 20 concurrent 2 MB Argos submissions (`submitArgosDocument`, a real
// 1000×690 PNG of noise just under 2 MiB as `idImage`, real GraphQL multipart HTTP with the
// preflight header) against a kyc-graph server process; RSS growth of that process and temp files
// left in its tmpdir afterwards (goal < 50 MB, 0).
//
// Baseline, same run, same client, same files: the same 20 concurrent multipart POSTs to the bare
// floor of baseline.ts (node:http, graphql-upload's processRequest with the same limits, each file
// read once from its temp file, answered, temp file released on close). No GraphQL execution, no
// image check, no provider call.
//
// Each server gets its own fresh TMPDIR, so every file in it is one graphql-upload (fs-capacitor)
// left there. Before the burst: one warm-up submission, GC, then RSS "before". During the burst the
// RSS and the number of temp files are sampled every 25 ms. "Peak growth" = highest sample −
// before, and it is what the goal is judged on (the stricter reading); "growth after" = RSS 1 s
// after the last answer − before, without forcing a GC (the JSON also has RSS after a forced GC). Temp files "left" are counted 1 s after
// the last answer. kyc-graph runs in sandbox mode, so the Argos simulator receiving the forwarded
// images lives in the same process and its buffers count in the RSS.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'graphql';
import { PNG } from 'pngjs';
import { multipartBody, type TestFile } from '../test/support/argos.js';
import { newApiKey, SCOPES } from '../src/server/auth.js';
import { AUTH_HEADERS, type FigureResult, fmt, load1, round, type RunOptions, type ServerProcess, sleep, startServerProcess } from './lib.js';

export const GOALS = { rssGrowthMB: 50, tempFilesLeft: 0, concurrent: 20, sizeMB: 2 };
const MAX_BYTES = 2 * 1024 * 1024;

const SUBMIT = parse(/* GraphQL */ `
  mutation SubmitArgosDocument($input: SubmitArgosDocumentInput!) {
    submitArgosDocument(input: $input) { id status providerRef }
  }
`);

/** A real PNG of seeded noise (does not compress): 1000×690 RGB ≈ 2.07 MB, under the 2 MiB limit. */
export function noisePng(width = 1000, height = 690, seed = 7): Buffer {
  const img = new PNG({ width, height });
  let x = seed >>> 0 || 1;
  for (let i = 0; i < img.data.length; i += 4) {
    for (let c = 0; c < 3; c++) {
      // xorshift32
      x ^= x << 13;
      x >>>= 0;
      x ^= x >>> 17;
      x ^= x << 5;
      x >>>= 0;
      img.data[i + c] = x & 0xff;
    }
    img.data[i + 3] = 255;
  }
  const bytes = PNG.sync.write(img, { colorType: 2 });
  if (bytes.length > MAX_BYTES) throw new Error(`test image is ${bytes.length} bytes, over the 2 MiB limit`);
  return bytes;
}

interface SideResult {
  concurrent: number;
  fileBytes: number;
  ok: number;
  failed: number;
  firstFailure: string | null;
  rssBeforeBytes: number;
  rssPeakBytes: number;
  rssAfterBytes: number;
  /** RSS after a forced GC (and 300 ms) once the burst is over: what stays retained. */
  rssAfterGcBytes: number;
  peakGrowthBytes: number;
  growthAfterBytes: number;
  tempFilesPeak: number;
  tempFilesLeft: number;
  burstMs: number;
}

const tempFiles = (dir: string) => readdirSync(dir).length;

async function burst(
  server: ServerProcess,
  dir: string,
  n: number,
  body: (k: number) => FormData,
  okCheck: (json: unknown) => string | null,
  headers: Record<string, string> = {},
): Promise<SideResult> {
  // warm-up: one request through the same path, then a GC, so "before" is a loaded, idle process
  const warm = await send(server.url, body(-1), okCheck, headers);
  if (warm) throw new Error(`warm-up upload failed: ${warm}`);
  await server.call('gc');
  await sleep(300);
  const before = (await server.stats()).rssBytes;
  let peak = before;
  let tempPeak = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const s = await server.stats();
      peak = Math.max(peak, s.rssBytes);
      tempPeak = Math.max(tempPeak, tempFiles(dir));
      await sleep(25);
    }
  })();
  const t0 = performance.now();
  const outcomes = await Promise.all(Array.from({ length: n }, (_, k) => send(server.url, body(k), okCheck, headers)));
  const burstMs = performance.now() - t0;
  await sleep(1000);
  sampling = false;
  await sampler;
  const after = (await server.stats()).rssBytes;
  peak = Math.max(peak, after);
  await server.call('gc');
  await sleep(300);
  const afterGc = (await server.stats()).rssBytes;
  const failures = outcomes.filter((o) => o !== null);
  return {
    concurrent: n,
    fileBytes: 0,
    ok: n - failures.length,
    failed: failures.length,
    firstFailure: failures[0] ?? null,
    rssBeforeBytes: before,
    rssPeakBytes: peak,
    rssAfterBytes: after,
    rssAfterGcBytes: afterGc,
    peakGrowthBytes: peak - before,
    growthAfterBytes: after - before,
    tempFilesPeak: tempPeak,
    tempFilesLeft: tempFiles(dir),
    burstMs: round(burstMs),
  };
}

/** One multipart POST; null when it succeeded, else why not. */
async function send(url: string, body: FormData, okCheck: (json: unknown) => string | null, headers: Record<string, string> = {}): Promise<string | null> {
  try {
    const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'apollo-require-preflight': 'true', ...headers }, body });
    const text = await res.text();
    if (res.status !== 200) return `HTTP ${res.status}: ${text.slice(0, 200)}`;
    return okCheck(JSON.parse(text));
  } catch (err) {
    return (err as Error).message;
  }
}

/**
 * kyc-graph in live mode (API keys on) against the Argos simulator in another process: what the
 * product itself holds while forwarding, without the simulator's buffers in its RSS.
 */
async function liveSide(name: string, n: number, image: Buffer): Promise<SideResult> {
  const argosKey = `bench-argos-${Date.now()}`;
  const simulator = await startServerProcess('argos-simulator', `${name}-argos`, { ARGOS_API_KEY: argosKey });
  const { key, entry } = newApiKey('bench', [...SCOPES]);
  try {
    return await side('kyc', name, n, image, {
      env: { ARGOS_API_KEY: argosKey, ARGOS_WEBHOOK_SECRETS: 'bench-unused', ARGOS_BASE_URL: `${simulator.url}/sandbox/argos/v3`, API_KEYS: JSON.stringify([entry]) },
      headers: { authorization: `Bearer ${key}` },
    });
  } finally {
    await simulator.stop();
  }
}

async function side(
  kind: 'kyc' | 'baseline',
  name: string,
  n: number,
  image: Buffer,
  extra: { env?: Record<string, string>; headers?: Record<string, string> } = {},
): Promise<SideResult> {
  const dir = mkdtempSync(join(tmpdir(), `kyc-bench-uploads-${kind}-`));
  const server = await startServerProcess(kind, name, { TMPDIR: dir, ...extra.env }, { exposeGc: true });
  try {
    const file: TestFile = { bytes: image, name: 'id.png', type: 'image/png' };
    const body = (k: number) =>
      multipartBody(
        SUBMIT,
        { input: { subjectId: `bench-upload-${k + 1}`, email: `bench-upload-${k + 1}@example.com`, idType: 'GOVERNMENT_ID', issuingCountry: 'KOR', idImage: null } },
        { 'input.idImage': file },
      );
    const okCheck =
      kind === 'kyc'
        ? (json: unknown) => {
            const b = json as { data?: { submitArgosDocument?: { status: string } }; errors?: unknown[] };
            if (b.errors?.length) return JSON.stringify(b.errors).slice(0, 300);
            // IN_PROGRESS: the image passed the byte checks and the simulator read it (≥ 640×480)
            const status = b.data?.submitArgosDocument?.status;
            return status === 'IN_PROGRESS' ? null : `status ${status}`;
          }
        : (json: unknown) => {
            const b = json as { data?: { bytes?: number[] } };
            return b.data?.bytes?.[0] === image.length ? null : `baseline answered ${JSON.stringify(json).slice(0, 200)}`;
          };
    return { ...(await burst(server, dir, n, body, okCheck, extra.headers)), fileBytes: image.length };
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function uploads(opts: RunOptions): Promise<FigureResult> {
  const n = opts.smoke ? 4 : GOALS.concurrent;
  const image = noisePng();
  const loadAtStart = load1();
  const baseline = await side('baseline', 'baseline-uploads', n, image);
  const kycGraph = await side('kyc', 'kyc-uploads', n, image, { headers: { ...AUTH_HEADERS } });
  const kycLive = await liveSide('kyc-uploads-live', n, image);
  const goalBytes = GOALS.rssGrowthMB * 1024 * 1024;
  const metFor = (r: SideResult) => r.failed === 0 && baseline.failed === 0 && r.peakGrowthBytes < goalBytes && r.tempFilesLeft === GOALS.tempFilesLeft;
  const cell = (r: SideResult) =>
    `RSS +${fmt.mb(r.peakGrowthBytes)} peak, +${fmt.mb(r.growthAfterBytes)} after; ${r.tempFilesLeft} temp files left (peak ${r.tempFilesPeak}); ${r.ok}/${r.concurrent} ok in ${r.burstMs} ms`;
  const goal = `RSS growth < ${GOALS.rssGrowthMB} MB (peak), ${GOALS.tempFilesLeft} temp files left`;
  return {
    rows: [
      {
        figure: '5 Uploads',
        scenario: `${n} concurrent ${fmt.mb(image.length)} Argos submissions (multipart PNG), sandbox: the Argos simulator in the same process`,
        kycGraph: cell(kycGraph),
        baseline: cell(baseline),
        goal,
        met: metFor(kycGraph),
      },
      {
        figure: '5 Uploads',
        scenario: `the same, live mode (API keys) against the Argos simulator in its own process: kyc-graph alone`,
        kycGraph: cell(kycLive),
        baseline: cell(baseline),
        goal,
        met: metFor(kycLive),
      },
    ],
    data: {
      measured: true,
      goal: GOALS,
      concurrent: n,
      imageBytes: image.length,
      imageSize: '1000×690 PNG',
      kycGraph,
      kycGraphLive: kycLive,
      baseline,
      baselineIs: 'bare node:http + graphql-upload processRequest (same limits), each file read once from its temp file, released on response close',
      loadAverage: { atStart: loadAtStart, atEnd: load1() },
    },
  };
}
