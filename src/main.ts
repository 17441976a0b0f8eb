// Starts kyc-graph: config, then the app (store, event bus, providers, server), then shutdown.
import 'reflect-metadata';
import { ConfigError, loadConfig } from './config.js';
import { createApp, createLogger } from './server/app.js';
import { setupTracing, TracingConfigError } from './observability/tracing.js';

let config;
try {
  config = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(2);
  }
  throw err;
}
const log = createLogger(config.logLevel);
let tracing;
let app;
try {
  // before the app: its HTTP server, provider calls and Redis commands are traced from the start
  tracing = await setupTracing(process.env);
  app = await createApp(config, log);
} catch (err) {
  // e.g. Redis without AOF in production (names REDIS_ALLOW_NO_AOF), an unknown OTLP protocol
  if (err instanceof ConfigError || err instanceof TracingConfigError) {
    console.error(err.message);
    process.exit(2);
  }
  throw err;
}
const url = await app.listen();
const modes = [...app.adapters.values()].map((a) => `${a.key}:${a.mode}`).join(', ');
log.info({ providers: modes, store: config.redis.clusterNodes ? 'redis-cluster' : config.redisUrl ? 'redis' : 'memory', tracing: tracing ? 'otlp' : 'off' }, 'kyc-graph ready');
console.log(`kyc-graph GraphQL API ready at ${url}/graphql (WebSocket: ${url.replace(/^http/, 'ws')}/graphql)`);

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    app
      .close()
      .then(() => tracing?.shutdown())
      .then(
        () => process.exit(0),
        (err) => {
          log.error({ err }, 'shutdown failed');
          process.exit(1);
        },
      );
  });
}
