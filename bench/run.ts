// `npm run bench`: runs every benchmark, prints one table and writes the same figures as JSON
// (bench/results/latest.json) with the machine, Node version and commit.
//   --smoke      each benchmark for a couple of seconds with small numbers (CI; `npm run bench:smoke`)
//   --soak       also the 10-minute soak (figure 6)
//   --profile    server processes write CPU profiles to bench/results/profiles/
//   --only a,b   only these: http, batching, webhooks, maxrate, uploads, soak
//   --out FILE   write the JSON elsewhere
// A benchmark that fails is reported in the table and the JSON, and the exit code is 1.
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { batching } from './batching.js';
import { httpOverhead } from './http-overhead.js';
import { maxWebhookRate } from './max-rate.js';
import { type FigureResult, load1, machine, markdownTable, RESULTS_DIR, type Row, type RunOptions } from './lib.js';
import { soak } from './soak.js';
import { uploads } from './uploads.js';
import { webhookDelivery } from './webhook-delivery.js';

const { values } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: false },
    soak: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    only: { type: 'string' },
    out: { type: 'string' },
  },
});
const opts: RunOptions = {
  smoke: values.smoke!,
  soak: values.soak!,
  profile: values.profile!,
  out: values.out ? resolve(values.out) : join(RESULTS_DIR, 'latest.json'),
  only: values.only ? new Set(values.only.split(',').map((s) => s.trim())) : null,
};
const wanted = (name: string) => !opts.only || opts.only.has(name);

const startedAt = new Date().toISOString();
const loadAtStart = load1();
const figures: Record<string, unknown> = {};
const rows: Row[] = [];
let failed = false;

async function figure(key: string, label: string, fn: () => Promise<FigureResult>) {
  const t0 = Date.now();
  process.stderr.write(`bench: ${label}…\n`);
  try {
    const r = await fn();
    // every figure has `cpuRatio` (null: the figure measures no CPU), so runs compare by one key
    figures[key] = { cpuRatio: null, ...r.data, seconds: Math.round((Date.now() - t0) / 1000) };
    rows.push(...r.rows);
  } catch (err) {
    failed = true;
    const message = (err as Error).stack ?? String(err);
    process.stderr.write(`bench: ${label} failed: ${message}\n`);
    figures[key] = { error: (err as Error).message };
    rows.push({ figure: label, scenario: '', kycGraph: `failed: ${(err as Error).message}`, baseline: '', goal: '', met: false });
  }
}

let capacity: number | null = null;
if (wanted('http'))
  await figure('httpOverhead', '1 HTTP overhead', async () => {
    const r = await httpOverhead(opts);
    capacity = r.capacity;
    return r;
  });
if (wanted('batching')) await figure('batching', '2 Batching', () => batching(opts));
if (wanted('webhooks')) {
  let ack: FigureResult | null = null;
  await figure('webhookToSubscriber', '3 Webhook → subscriber', async () => {
    const r = await webhookDelivery(opts);
    ack = r.ack;
    return r.delivery;
  });
  await figure('webhookAck', '4 Webhook acknowledgement', async () => {
    if (!ack) throw new Error('not measured: figure 3 failed');
    return ack;
  });
}
if (wanted('maxrate')) await figure('maxWebhookRate', '7 Max webhook rate', () => maxWebhookRate(opts));
if (wanted('uploads')) await figure('uploads', '5 Uploads', () => uploads(opts));
if (wanted('soak')) {
  if (opts.soak || opts.smoke) await figure('soak', '6 Soak', () => soak(opts, capacity));
  else {
    figures.soak = { measured: false, reason: 'not run: pass --soak (10 minutes)' };
    rows.push({ figure: '6 Soak', scenario: '10 min at half capacity', kycGraph: 'not run (npm run bench -- --soak)', baseline: '', goal: 'RSS growth < 5.0 MB', met: null });
  }
}

const table = markdownTable(rows);
const result = {
  meta: {
    ...machine(),
    mode: opts.smoke ? 'smoke' : 'full',
    soak: opts.soak,
    startedAt,
    finishedAt: new Date().toISOString(),
    /** 1-minute load average: other work on the machine shows up here. */
    loadAverage: { atStart: loadAtStart, atEnd: load1() },
  },
  figures,
  table: rows,
};
mkdirSync(dirname(opts.out), { recursive: true });
writeFileSync(opts.out, `${JSON.stringify(result, null, 2)}\n`);
console.log(table);
console.log(
  `\nNode ${result.meta.node}, ${result.meta.cpus} CPUs (${result.meta.cpuModel}), commit ${result.meta.commit?.slice(0, 12)}${result.meta.dirty ? ' (dirty)' : ''}, ` +
    `load average ${result.meta.loadAverage.atStart} → ${result.meta.loadAverage.atEnd}. JSON: ${opts.out}`,
);
process.exit(failed ? 1 : 0);
