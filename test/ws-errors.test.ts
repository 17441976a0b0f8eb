// Errors over WebSocket are what they are over HTTP (server/error-format.ts): a request's own errors
// carry their code (parse, validation, variables), anything unexpected is masked and logged with
// the operation's request id, and every error quotes that id (README "Request ids and logs").
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../src/config.js';
import type { App } from '../src/server/app.js';
import { until, wsClient } from './support/client.js';
import { loggedApp } from './support/logged-app.js';

type Outcome = { errors: { message: string; extensions?: Record<string, unknown> }[]; refused: boolean };

/** Runs one operation over `client`; its errors, from a result (`next`) or a refusal (`error`). */
function run(client: Client, payload: { query: string; variables?: Record<string, unknown>; extensions?: Record<string, unknown> }): Promise<Outcome> {
  return new Promise((resolve) => {
    const errors: Outcome['errors'] = [];
    client.subscribe(payload, {
      next: (m) => errors.push(...((m.errors ?? []) as Outcome['errors'])),
      error: (e) => resolve({ errors: e as Outcome['errors'], refused: true }),
      complete: () => resolve({ errors, refused: false }),
    });
  });
}

describe('errors over WebSocket', () => {
  const lines: Record<string, unknown>[] = [];
  let app: App;
  let client: Client;
  beforeAll(async () => {
    const started = await loggedApp(loadConfig({ PORT: '0' }), lines);
    app = started.app;
    client = wsClient(started.url);
  });
  afterAll(async () => {
    await client?.dispose();
    await app?.close();
  });

  it('an unexpected error is masked, logged with the request id, and quotes it', async () => {
    const secret = 'connect ECONNREFUSED 10.0.0.7:6379 (redis-secret-host)';
    const read = vi.spyOn(app.services.store, 'getMany').mockRejectedValueOnce(new Error(secret));
    try {
      const out = await run(client, { query: '{ verification(id: "VmVyaWZpY2F0aW9uOm5vbmU=") { id } }', extensions: { requestId: 'ws-err-1' } });
      expect(out).toEqual({ refused: false, errors: [expect.objectContaining({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'ws-err-1' } })] });
      expect(JSON.stringify(out)).not.toContain('redis-secret-host');
    } finally {
      read.mockRestore();
    }
    await until(() => lines.some((l) => l.msg === 'unexpected resolver error'));
    expect(lines.find((l) => l.msg === 'unexpected resolver error')).toMatchObject({ requestId: 'ws-err-1' });
  });

  it('a refused operation gets the code HTTP gives it, and a request id', async () => {
    const invalid = await run(client, { query: 'subscription { verificationUpdated { nope } }', extensions: { requestId: 'ws-err-2' } });
    expect(invalid.refused).toBe(true);
    expect(invalid.errors[0].extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED', requestId: 'ws-err-2' });

    const unparsable = await run(client, { query: 'subscription {' });
    expect(unparsable.refused).toBe(true);
    expect(unparsable.errors[0].extensions).toMatchObject({ code: 'GRAPHQL_PARSE_FAILED', requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  });

  it('variables that do not coerce are BAD_USER_INPUT naming the variable', async () => {
    const out = await run(client, { query: 'query Q($id: ID!) { verification(id: $id) { id } }', variables: { id: { not: 'an id' } }, extensions: { requestId: 'ws-err-3' } });
    expect(out.errors).toHaveLength(1);
    expect(out.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id', requestId: 'ws-err-3' });
  });
});
