// A subscriber that goes away is forgotten by the server at once, whatever it was waiting for:
// a closed WebSocket must not leave its subscriptions registered until the next event about
// them (they would pile up on a long-running server, and each one costs every later event).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StartPawaPassDocument, type StartPawaPassVerificationInput, VerificationUpdatedDocument } from './generated/graphql.js';
import { ok, subscribe, until, wsClient } from './support/client.js';
import { pawaPassStartInput } from './support/fixtures.js';
import { productionEnv, startServer, type TestServer } from './support/server.js';

const input = (subjectId: string): StartPawaPassVerificationInput => pawaPassStartInput(subjectId);

const prod = productionEnv({ SANDBOX_ROUTES: 'on' });

describe('subscriptions of a closed connection', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(prod.env);
  });
  afterAll(() => server?.close());

  const count = () => server.app.services.bus.subscriberCount;

  it('a subscriber by id that got an event and disconnects is gone without another event', async () => {
    const v = ok(await server.gql(StartPawaPassDocument, { input: input('cleanup-1') }, prod.headers)).startPawaPassVerification;
    const client = wsClient(server.url, { authorization: prod.headers.authorization });
    const sub = subscribe(client, VerificationUpdatedDocument, { id: v.id });
    await until(() => count() === 1);
    await server.advance('pawapass', v.providerRef, 'STARTED', {}, prod.headers);
    expect((await sub.next()).verificationUpdated.verification.providerStatus).toBe('STARTED');
    await client.dispose();
    await until(() => count() === 0);
  });

  it('a subscriber by id that got nothing yet and disconnects is gone', async () => {
    const v = ok(await server.gql(StartPawaPassDocument, { input: input('cleanup-2') }, prod.headers)).startPawaPassVerification;
    const client = wsClient(server.url, { authorization: prod.headers.authorization });
    subscribe(client, VerificationUpdatedDocument, { id: v.id });
    await until(() => count() === 1);
    await client.dispose();
    await until(() => count() === 0);
  });
});
