// An app whose JSON log lines are collected in memory, and a pawaPass start input, for the tests
// that read what the server logged about a request (observability, request path).
import { Writable } from 'node:stream';
import type { Config } from '../../src/config.js';
import { createApp, createLogger } from '../../src/server/app.js';
import type { StartPawaPassVerificationInput } from '../generated/graphql.js';

/** A seed-shaped pawaPass start for `subjectId` (`<subjectId>-kyc` as its externalId). */
export const pawaPassInput = (subjectId: string, over: Partial<StartPawaPassVerificationInput> = {}): StartPawaPassVerificationInput => ({
  subjectId,
  externalId: `${subjectId}-kyc`,
  requirements: [{ type: 'DOCUMENT_SCAN' }],
  successUrl: 'https://example.com/success',
  errorUrl: 'https://example.com/error',
  supportUrl: 'https://example.com/support',
  country: 'ZM',
  ...over,
});

/** Creates and starts an app logging at debug level into `lines` (one parsed object a line). */
export async function loggedApp(config: Config, lines: Record<string, unknown>[]) {
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split('\n')) if (l) lines.push(JSON.parse(l));
      done();
    },
  });
  const app = await createApp(config, createLogger('debug', sink));
  const url = await app.listen();
  return { app, url };
}
