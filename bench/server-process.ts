// A server under load, in its own process: `kyc` starts kyc-graph with createApp (configured by
// env, as `npm start` is), `baseline` starts the bare floor from baseline.ts. It tells the parent
// its URL over IPC, then answers: `stats` (RSS, heap, CPU time, event-loop delay, subscribers), `eld:reset`,
// `gc` (when started with --expose-gc), `stop`.
import 'reflect-metadata';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { loadConfig } from '../src/config.js';
import { createApp, createLogger } from '../src/server/app.js';
import { setupTracing } from '../src/observability/tracing.js';
import { startBaseline } from './baseline.js';
import { startArgosSimulator } from './argos-simulator-host.js';

interface Running {
  url: string;
  subscribers(): number;
  close(): Promise<void>;
}

async function start(kind: string): Promise<Running> {
  // BASELINE_SAME_QUERY (JSON, id → answer): figure 1's same-query baseline instead of hello world
  if (kind === 'baseline') return startBaseline({ redisUrl: process.env.REDIS_URL || null, sameQuery: process.env.BASELINE_SAME_QUERY ? JSON.parse(process.env.BASELINE_SAME_QUERY) : null });
  if (kind === 'argos-simulator') return startArgosSimulator(process.env.ARGOS_API_KEY ?? '');
  const config = loadConfig();
  // as main.ts does: tracing on only when OTEL_EXPORTER_OTLP_ENDPOINT (…) is set
  const tracing = await setupTracing(process.env);
  const app = await createApp(config, createLogger(config.logLevel));
  const url = (await app.listen()).replace('localhost', '127.0.0.1');
  return { url, subscribers: () => app.services.bus.subscriberCount, close: () => app.close().then(() => tracing?.shutdown()) };
}

const running = await start(process.argv[2]);
const eld = monitorEventLoopDelay({ resolution: 10 });
eld.enable();
const ms = (ns: number) => Math.round(ns / 1e4) / 100;

process.on('message', async (m: { id?: number; cmd: string }) => {
  let result: unknown = null;
  switch (m.cmd) {
    case 'stats': {
      const mem = process.memoryUsage();
      result = {
        rssBytes: mem.rss,
        cpuMs: (() => {
          const c = process.cpuUsage();
          return (c.user + c.system) / 1000;
        })(),
        heapUsedBytes: mem.heapUsed,
        eventLoopDelay: { p50: ms(eld.percentile(50)), p99: ms(eld.percentile(99)), max: ms(eld.max) },
        subscribers: running.subscribers(),
      };
      break;
    }
    case 'eld:reset':
      eld.reset();
      break;
    case 'gc':
      (globalThis as { gc?: () => void }).gc?.();
      break;
    case 'stop':
      eld.disable();
      await running.close().catch(() => {});
      process.disconnect();
      // exit normally so --cpu-prof writes its profile
      setTimeout(() => process.exit(0), 100).unref();
      return;
  }
  if (m.id !== undefined) process.send!({ id: m.id, result });
});
process.send!({ ready: running.url });
