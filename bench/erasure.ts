// Erasure cost on Redis: a subject with 100 verifications and 1,000 events (10 per verification),
// erased through ErasureService over the real RedisStore, RedisEventBus and RedisAuditLog. Prints
// wall time and the Redis commands it took (INFO commandstats delta; EVALSHA counts one per
// script call). Run: npm run bench:build && node dist/bench/bench/erasure.js  (starts its own
// redis-server on a free port).
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import pino from 'pino';
import { RedisAuditLog } from '../src/audit/redis.js';
import { RedisEventBus } from '../src/events/redis.js';
import { routeKey, routesOf } from '../src/events/routes.js';
import { ErasureService } from '../src/services/erasure.js';
import { RedisStore } from '../src/store/redis.js';

const port = await new Promise<number>((resolve) => {
  const s = createServer().listen(0, () => {
    const p = (s.address() as { port: number }).port;
    s.close(() => resolve(p));
  });
});
const server = spawn('redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 300));
const redis = new Redis({ port });
const store = new RedisStore(redis);
const bus = new RedisEventBus(redis);
await bus.start();
const erasure = new ErasureService(store, bus, new RedisAuditLog(redis), pino({ level: 'silent' }));

const tenant = 'bench';
const subject = 'subject-1';
const other = 'subject-2';
for (const s of [subject, other]) {
  for (let i = 0; i < 100; i++) {
    const id = `v-${s}-${i}`;
    const record = { id, tenant, subjectId: s, createdAt: new Date().toISOString(), idempotencyKey: `${tenant}:start:${id}`, identityDocument: { firstName: 'Name', lastName: 'Surname' } };
    await store.put('verification', record, 0);
    await store.beginIdempotent(record.idempotencyKey, 'f', 'o', 60_000);
    await store.completeIdempotent(record.idempotencyKey, 'o', 'f', id, 60_000);
    const routes = routesOf(routeKey(tenant, 'id', id), routeKey(tenant, 'subject', s));
    for (let e = 0; e < 10; e++) await bus.publish('verification', tenant, { verification: record, previousStatus: null }, { routes });
  }
}
const stats = async () => {
  const text = await redis.info('commandstats');
  const out = new Map<string, number>();
  for (const m of text.matchAll(/cmdstat_([^:]+):calls=(\d+)/g)) out.set(m[1], Number(m[2]));
  return out;
};
const before = await stats();
const t0 = performance.now();
const report = await erasure.eraseSubject(tenant, subject, 'bench:00000000');
const ms = performance.now() - t0;
const after = await stats();
const delta: Record<string, number> = {};
let total = 0;
for (const [k, v] of after) {
  const d = v - (before.get(k) ?? 0) - (k === 'info' ? 1 : 0);
  if (d > 0) {
    delta[k] = d;
    total += d;
  }
}
console.log(JSON.stringify({ report, ms: Math.round(ms * 10) / 10, commands: total, byCommand: delta, streamLength: await redis.xlen('kyc:{events}') }));
await bus.close();
redis.disconnect();
server.kill();
