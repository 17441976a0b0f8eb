// Starts kyc-graph: config, then the app (store, event bus, providers, server), then shutdown.
import 'reflect-metadata';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './observability/logger.js';
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
let app;
try {
  app = await createApp(config, log);
} catch (err) {
  // settings checked against the providers (ROUTING_POLICY) are refused here
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(2);
  }
  throw err;
}
exitOnTerminationSignals(app, config.ops.shutdownDelayMs, log);
const url = await app.listen();
const modes = [...app.adapters.values()].map((a) => `${a.key}:${a.mode}`).join(', ');
const ws = `${url.replace(/^http/, 'ws')}/graphql`;
log.info({ providers: modes, store: config.redisUrl ? 'redis' : 'memory', endpoint: `${url}/graphql`, wsEndpoint: ws }, 'kyc-graph ready');
// stdout is JSON lines only in production; the human banner is for development
if (!config.production) console.log(`kyc-graph GraphQL API ready at ${url}/graphql (WebSocket: ${ws})`);
