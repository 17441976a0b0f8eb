// The one place that stops the process (issue 13 finding 6): on SIGTERM or SIGINT, /readyz turns
// 503 `draining` at once; after SHUTDOWN_DELAY_MS (load balancers stop sending) the server stops
// accepting, gives in-flight requests SHUTDOWN_GRACE_MS, closes WebSockets, simulators, event bus,
// store and Redis, and exits 0. Whatever hangs, the process exits (1) 10 s after the signal.
import type { Logger } from 'pino';
import type { App } from './app.js';

/** The contract: SIGTERM exits within 10 s in every mode. */
const HARD_DEADLINE_MS = 9_500;

/** `afterClose`: runs once the app is closed (e.g. exporting the last spans). */
export function exitOnTerminationSignals(app: App, delayMs: number, log: Logger, afterClose?: () => Promise<void> | undefined) {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    app.drain();
    log.info({ signal, delayMs }, 'draining: readiness is 503, shutting down');
    setTimeout(() => {
      log.error({ signal }, 'shutdown did not finish in time; exiting');
      process.exit(1);
    }, HARD_DEADLINE_MS).unref();
    new Promise((resolve) => setTimeout(resolve, delayMs))
      .then(() => app.close())
      .then(() => afterClose?.())
      .then(
        () => {
          log.info('shut down');
          process.exit(0);
        },
        (err: unknown) => {
          log.error({ err }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
