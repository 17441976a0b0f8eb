// Starts kyc-graph: config, then the app (store, event bus, providers, server), then shutdown.
import 'reflect-metadata';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './observability/logger.js';
import { createApp } from './server/app.js';

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
const app = await createApp(config, log);
const url = await app.listen();
const modes = [...app.adapters.values()].map((a) => `${a.key}:${a.mode}`).join(', ');
log.info({ providers: modes, store: config.redisUrl ? 'redis' : 'memory' }, 'kyc-graph ready');
console.log(`kyc-graph GraphQL API ready at ${url}/graphql (WebSocket: ${url.replace(/^http/, 'ws')}/graphql)`);

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    app.close().then(
      () => process.exit(0),
      (err) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
