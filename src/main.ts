// Starts kyc-graph: config, then the app (store, event bus, providers, server), then shutdown.
import 'reflect-metadata';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './observability/logger.js';
import { setupTracing, TracingConfigError } from './observability/tracing.js';
import { createApp } from './server/app.js';
import { exitOnTerminationSignals } from './server/shutdown.js';

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
exitOnTerminationSignals(app, config.ops.shutdownDelayMs, log, () => tracing?.shutdown());
const url = await app.listen();
const modes = [...app.adapters.values()].map((a) => `${a.key}:${a.mode}`).join(', ');
const ws = `${url.replace(/^http/, 'ws')}/graphql`;
const store = config.redis.clusterNodes ? 'redis-cluster' : config.redisUrl ? 'redis' : 'memory';
log.info({ providers: modes, store, tracing: tracing ? 'otlp' : 'off', endpoint: `${url}/graphql`, wsEndpoint: ws }, 'kyc-graph ready');
// stdout is JSON lines only in production; the human banner is for development
if (!config.production) console.log(`kyc-graph GraphQL API ready at ${url}/graphql (WebSocket: ${ws})`);
