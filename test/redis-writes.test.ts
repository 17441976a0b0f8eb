// Commands sent in one tick leave a connection in one writev (src/redis/connect.ts,
// coalesceWrites): on a real Redis and on every node connection of a real Redis Cluster, after a
// reconnect too, with every reply in order. And a webhook's first record read leaves with its
// inbox append (services/webhooks.ts, `readAhead`); a processed entry's acknowledgement leaves with
// the next append (inbox/redis.ts); a webhook about a record the replica stored is one call.
import type { Socket } from 'node:net';
import { Cluster, Redis } from 'ioredis';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { RedisInbox } from '../src/inbox/redis.js';
import type { ProviderEvent } from '../src/providers/contract.js';
import { coalesceWrites } from '../src/redis/connect.js';
import { StartPawaPassDocument } from './generated/graphql.js';
import { ok } from './support/client.js';
import { startServer, type TestServer } from './support/server.js';
import { inboxOf } from './support/webhooks.js';
import { hasRedis, type RedisServer, startRedis } from './support/redis.js';
import { hasRedisCluster, type RedisCluster, startRedisCluster } from './support/redis-cluster.js';

type Writes = { _write: (...a: unknown[]) => void; _writev: (chunks: unknown[], cb: unknown) => void };

/** Spies on a socket's single and vectored writes. */
function watch(socket: Socket) {
  const s = socket as unknown as Writes;
  return { single: vi.spyOn(s, '_write'), vectored: vi.spyOn(s, '_writev') };
}

/** Five commands in one tick (keys share a hash tag), with replies that prove their order. */
const fiveInOneTick = (client: Redis | Cluster, tag: string) =>
  Promise.all([
    client.set(`{${tag}}:a`, '1'),
    client.incr(`{${tag}}:n`),
    client.get(`{${tag}}:a`),
    client.incr(`{${tag}}:n`),
    client.get(`{${tag}}:n`),
  ]);

let redis: RedisServer | null = null;
let cluster: RedisCluster | null = null;
const clients: (Redis | Cluster)[] = [];
const servers: TestServer[] = [];

/** What one socket write sent (a single write or a writev), as text. */
function sent(w: ReturnType<typeof watch>): string[] {
  const text = (chunk: unknown) => (Buffer.isBuffer(chunk) ? chunk.toString('latin1') : String(chunk));
  return [
    ...w.single.mock.calls.map(([chunk]) => text(chunk)),
    ...w.vectored.mock.calls.map(([chunks]) => (chunks as { chunk: unknown }[]).map((c) => text(c.chunk)).join('')),
  ];
}

describe.skipIf(!hasRedis)('Redis writes, coalesced per tick', () => {
  it('sends five commands of one tick in one writev, replies in order', async () => {
    redis ??= await startRedis();
    const client = new Redis(redis.url);
    clients.push(client);
    coalesceWrites(client);
    await client.ping();
    const { single, vectored } = watch(client.stream as Socket);
    expect(await fiveInOneTick(client, 'one')).toEqual(['OK', 1, '1', 2, '2']);
    expect(single).not.toHaveBeenCalled();
    expect(vectored).toHaveBeenCalledTimes(1);
    expect(vectored.mock.calls[0][0]).toHaveLength(5);
  });

  it('keeps doing so on the socket of a reconnection', async () => {
    redis ??= await startRedis();
    const client = new Redis(redis.url);
    clients.push(client);
    coalesceWrites(client);
    await client.client('SETNAME', 'coalesced');
    const first = client.stream;
    const ready = new Promise((r) => client.once('ready', r));
    const admin = new Redis(redis.url);
    clients.push(admin);
    await admin.client('KILL', 'SKIPME', 'yes', 'TYPE', 'normal'); // drops the client's connection
    await ready;
    expect(client.stream).not.toBe(first);
    const { single, vectored } = watch(client.stream as Socket);
    expect(await fiveInOneTick(client, 'again')).toEqual(['OK', 1, '1', 2, '2']);
    expect(single).not.toHaveBeenCalled();
    expect(vectored).toHaveBeenCalledTimes(1);
  });

  it('without it, the same five commands are five writes (what the test above rules out)', async () => {
    redis ??= await startRedis();
    const client = new Redis(redis.url);
    clients.push(client);
    await client.ping();
    const { single, vectored } = watch(client.stream as Socket);
    await fiveInOneTick(client, 'plain');
    expect(single).toHaveBeenCalledTimes(5);
    expect(vectored).not.toHaveBeenCalled();
  });
});

describe.skipIf(!hasRedisCluster)('Redis Cluster writes, coalesced per tick', () => {
  it('sends five commands of one tick to the node holding their slot in one writev', async () => {
    cluster ??= await startRedisCluster();
    const client = new Cluster(cluster.ports.map((port) => ({ host: '127.0.0.1', port })));
    clients.push(client);
    coalesceWrites(client);
    await client.set('{warm}:x', '1');
    await Promise.all(client.nodes('master').map((node) => node.ping())); // every node connected
    const nodes = client.nodes('master').map((node) => watch(node.stream as Socket));
    expect(await fiveInOneTick(client, 'slot')).toEqual(['OK', 1, '1', 2, '2']);
    expect(nodes.reduce((n, w) => n + w.single.mock.calls.length, 0)).toBe(0);
    const batches = nodes.flatMap((w) => w.vectored.mock.calls.map((call) => (call[0] as unknown[]).length));
    expect(batches).toEqual([5]);
  });
});

describe.skipIf(!hasRedis)('a webhook over Redis', () => {
  /** A pawaPass session started on a server over Redis, then approved by a signed webhook: what the server's connection wrote meanwhile. */
  async function approvedWebhook(subjectId: string) {
    redis ??= await startRedis();
    const server = await startServer({ REDIS_URL: redis.url });
    servers.push(server);
    const v = ok(
      await server.gql(StartPawaPassDocument, {
        input: { subjectId, externalId: `${subjectId}-1`, requirements: [{ type: 'DOCUMENT_SCAN' }], successUrl: 'https://example.com/s', errorUrl: 'https://example.com/e', supportUrl: 'https://example.com/h' },
      }),
    ).startPawaPassVerification;
    const connection = (inboxOf(server.app) as unknown as { redis: Redis }).redis;
    const w = watch(connection.stream as Socket);
    expect((await server.advance('pawapass', v.providerRef, 'APPROVED')).status).toBe(200);
    return { v, server, writes: sent(w) };
  }

  it("reads the record it changes in the same write as its inbox append (one round trip, not two)", async () => {
    const { v, writes } = await approvedWebhook('writes-user');
    const append = writes.filter((t) => t.includes('kyc:{inbox}') && t.includes(`${v.providerRef}`));
    expect(append).toHaveLength(1);
    // the record (`kyc:{verification:<id>}`) is read in that write
    expect(append[0]).toContain(`{verification:${v.id}}`);
  });

  it('stores the change, publishes its event and appends its audit entry in one call (store/redis-journal.ts)', async () => {
    const { v, writes } = await approvedWebhook('journal-user');
    // after the append (which reads the record), every write naming the record
    const changes = writes.filter((t) => t.includes(`{verification:${v.id}}`) && !t.includes('kyc:{inbox}'));
    expect(changes).toHaveLength(1);
    expect(changes[0]).toContain('kyc:{events}');
    expect(changes[0]).toContain(`:audit:journal-user`);
    const probe = new Redis(redis!.url);
    clients.push(probe);
    expect((await probe.get(`kyc:{verification:${v.id}}`))?.startsWith('2:')).toBe(true);
    expect((await probe.xrange('kyc:{t:sandbox}:audit:journal-user', '-', '+')).map(([, f]) => f[5])).toEqual(['START_VERIFICATION', 'STATUS_CHANGED']);
  });

  it('applies the next webhook about a record it stored in one call, with no inbox entry (services/webhooks.ts, applied directly)', async () => {
    const { v, server } = await approvedWebhook('direct-user');
    const connection = (inboxOf(server.app) as unknown as { redis: Redis }).redis;
    const probe = new Redis(redis!.url);
    clients.push(probe);
    const w = watch(connection.stream as Socket); // the spies approvedWebhook set: what it saw is cleared
    w.single.mockClear();
    w.vectored.mockClear();
    // an agent corrects the concluded verification: the sandbox sends pawaPass's IDENTITY_DOCUMENT_CHANGE
    const res = await server.advance('pawapass', v.providerRef, 'APPROVED', { identityDocument: { lastName: 'Phiri' } });
    expect(res.status).toBe(200);
    // every write about the session (an inbox append would carry the event, which names it; the
    // first webhook's completion may still be written alone, naming neither)
    const writes = sent(w).filter((t) => t.includes(`{verification:${v.id}}`) || t.includes(v.providerRef));
    // one write: no read before it (this replica's copy), no inbox append; the change, its event,
    // its audit entry and the event's processed mark together
    expect(writes).toHaveLength(1);
    expect(writes[0]).toContain('kyc:{events}');
    expect(writes[0]).toContain(':audit:direct-user');
    expect(writes[0]).toContain('kyc:{inbox}:hook:pawapass:');
    expect((await probe.get(`kyc:{verification:${v.id}}`))?.startsWith('3:')).toBe(true);
    const mark = /kyc:\{inbox\}:hook:pawapass:[^\r\n$]+/.exec(writes[0])![0];
    expect(await probe.exists(mark)).toBe(1);
  });
});

describe.skipIf(!hasRedis)('the Redis inbox', () => {
  const event = (eventId: string) => ({ kind: 'verification', eventId, view: { providerRef: eventId } }) as unknown as ProviderEvent;

  it('writes a processed entry (its mark, acknowledgement and deletion) with the next append, in the same call', async () => {
    redis ??= await startRedis();
    const client = new Redis(redis.url);
    const probe = new Redis(redis.url);
    clients.push(client, probe);
    coalesceWrites(client);
    const inbox = new RedisInbox(client, { stream: 'kyc:{inbox-w}' });
    const [first] = await inbox.append('pawapass', [event('w-1')]);
    const w = watch(client.stream as Socket);
    await inbox.complete(first);
    expect(await inbox.processed('pawapass', 'w-1')).toBe(true); // known here before it is written
    const [second] = await inbox.append('pawapass', [event('w-2')]);
    const writes = sent(w);
    expect(writes).toHaveLength(1);
    expect(writes[0]).toContain('kyc:{inbox-w}:hook:pawapass:w-1');
    expect(await probe.exists('kyc:{inbox-w}:hook:pawapass:w-1')).toBe(1);
    expect(await probe.xlen('kyc:{inbox-w}')).toBe(1); // the first acknowledged and deleted, the second held
    expect(second.processed).toBe(false);

    // with no append to carry it, a completion is written alone (within COMPLETION_DELAY_MS)
    await inbox.complete(second);
    for (let i = 0; (await probe.xlen('kyc:{inbox-w}')) > 0 && i < 250; i++) await new Promise((r) => setTimeout(r, 20));
    expect(await probe.xlen('kyc:{inbox-w}')).toBe(0);
    expect(await probe.exists('kyc:{inbox-w}:hook:pawapass:w-2')).toBe(1);
    expect(await probe.xpending('kyc:{inbox-w}', 'kyc')).toEqual([0, null, null, null]);
  });
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  for (const c of clients) c.disconnect();
  await redis?.stop();
  await cluster?.stop();
});
