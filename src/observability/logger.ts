// The process logger (pino): JSON lines, every line written inside a request names it, and
// secrets and personal data never reach the logs (log-redaction.ts).
import { type DestinationStream, type Logger, pino } from 'pino';
import { errorSerializer, REDACTED, redactDeep, redactPaths } from './log-redaction.js';
import { requestLogFields } from './request-context.js';

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino({
    level,
    // every line written while serving a request names it
    mixin: requestLogFields,
    // secrets and personal data never reach the logs
    // (log-redaction.ts: pino redact for the first levels, a formatter for any depth, a safe `err`)
    redact: { paths: redactPaths(), censor: REDACTED },
    formatters: { log: redactDeep, bindings: redactDeep },
    serializers: { err: errorSerializer },
  }, destination);
}
