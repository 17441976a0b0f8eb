// The polling safety net: unfinished ingestions whose webhooks do not come are read from Uphold
// at a bounded rate, and subscribers still see them change.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { UpholdAdapter } from '../src/providers/uphold/index.js';
import type { UpholdSimulator } from '../src/providers/uphold/simulator.js';
import { CreateIngestionDocument, IngestionUpdatedDocument } from './generated/graphql.js';
import { ok, subscribe, until, wsClient } from './support/client.js';
import { startServer, type TestServer } from './support/server.js';

let server: TestServer;
let adapter: UpholdAdapter;
let sim: UpholdSimulator;

beforeAll(async () => {
  server = await startServer({
    UPHOLD_SANDBOX_STEP_MS: '100',
    INGESTION_POLL_INTERVAL_MS: '100',
    INGESTION_POLL_QUIET_MS: '1500',
    INGESTION_POLL_MAX_PER_TICK: '1',
  });
  adapter = server.app.adapters.get('UPHOLD') as unknown as UpholdAdapter;
  sim = adapter.simulator!;
});
afterAll(() => server.close());

const create = async (sourceVerificationRef: string, userId: string) =>
  ok(await server.gql(CreateIngestionDocument, { input: { source: 'VERIFF', sourceVerificationRef, userId, processes: ['IDENTITY'] } })).createIngestion;

async function watch(variables: { id?: string; userId?: string }) {
  const client = wsClient(server.url);
  const before = server.app.services.bus.subscriberCount;
  const sub = subscribe(client, IngestionUpdatedDocument, variables);
  await until(() => server.app.services.bus.subscriberCount === before + 1);
  return {
    sub,
    async close() {
      sub.close();
      await client.dispose();
      await until(() => server.app.services.bus.subscriberCount === before);
    },
  };
}

describe('the ingestion polling safety net', () => {
  it('when no webhook comes, a subscriber still sees the ingestion finish, found by polling', async () => {
    const hooks = sim.webhooksSent;
    const gets = sim.requests.get;
    const w = await watch({ userId: 'quiet-1' });
    await create('approved-quiet-no-webhooks', 'quiet-1');
    expect((await w.sub.next(5000)).ingestionUpdated.ingestion.status).toBe('QUEUED');
    const e = (await w.sub.next(8000)).ingestionUpdated;
    expect(e).toMatchObject({ ingestion: { status: 'FINISHED', results: [{ process: 'IDENTITY', status: 'COMPLETED' }] } });
    await w.close();
    expect(sim.webhooksSent - hooks).toBe(0);
    expect(sim.requests.get - gets).toBeGreaterThanOrEqual(1);
  });

  it('an ingestion whose webhooks arrive is never polled', async () => {
    const polled = vi.spyOn(adapter, 'fetchIngestions');
    const gets = sim.requests.get;
    const w = await watch({ userId: 'chatty-1' });
    await create('approved-chatty', 'chatty-1');
    while ((await w.sub.next(5000)).ingestionUpdated.ingestion.status !== 'FINISHED');
    await w.close();
    expect(sim.requests.get - gets).toBe(0);
    // barrier: a quiet ingestion created after it finished. The poller takes the oldest news
    // first, so once this one was polled (past its quiet period), the chatty one, heard of
    // earlier, would have been polled before it if it were still watched.
    const quiet = await watch({ userId: 'quiet-2' });
    await create('approved-quiet-2-no-webhooks', 'quiet-2');
    while ((await quiet.sub.next(8000)).ingestionUpdated.ingestion.status !== 'FINISHED');
    await quiet.close();
    const users = polled.mock.calls.flatMap(([refs]) => refs.map((r) => r.userId));
    polled.mockRestore();
    expect(users).toContain('quiet-2');
    expect(users).not.toContain('chatty-1');
  });

  it('reads at most INGESTION_POLL_MAX_PER_TICK ingestions per interval, oldest news first', async () => {
    const fetch = vi.spyOn(adapter, 'fetchIngestions');
    const stats = server.app.services.ingestions.pollStats;
    const fetched = stats.fetched;
    for (let k = 0; k < 4; k++) await create(`approved-stuck-${k}-hold-no-webhooks`, `stuck-${k}`);
    await until(() => stats.fetched >= fetched + 6, 15000);
    expect(fetch.mock.calls.length).toBeGreaterThanOrEqual(6);
    expect(fetch.mock.calls.every(([refs]) => refs.length === 1)).toBe(true);
    // every one of the four got its turn
    expect(new Set(fetch.mock.calls.map(([refs]) => refs[0].userId)).size).toBe(4);
    fetch.mockRestore();
  });
});
