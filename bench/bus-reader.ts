// What following the event log costs one replica per event: a reader that polls the stream with a
// blocking XREAD from its last id (kyc-graph's bus reader before 2026-11-27) against one that is
// pushed each entry on a Pub/Sub channel (the reader since). One writer XADDs and PUBLISHes a
// 300-byte event `--rate` times a second for `--seconds`; two reader processes of each kind
// JSON-parse every event and print their CPU per event. Readers are separate processes so
// process.cpuUsage() is theirs alone; both kinds run at once, on the same redis-server.
//
//   npm run bench:build && node dist/bench/bench/bus-reader.js [--rate 500] [--seconds 10]
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { startRedis } from './lib.js';

type Mode = 'xread' | 'pushed';

async function reader(mode: Mode, url: string, seconds: number) {
  const redis = new Redis(url);
  let events = 0;
  const started = process.cpuUsage();
  const end = Date.now() + seconds * 1000 + 500;
  if (mode === 'pushed') {
    redis.on('message', (_channel: string, message: string) => {
      events++;
      JSON.parse(message.slice(message.indexOf('\n') + 1));
    });
    await redis.subscribe('bus');
    process.send!('ready');
    while (Date.now() < end) await new Promise((r) => setTimeout(r, 100));
  } else {
    let last = '$';
    process.send!('ready');
    while (Date.now() < end) {
      const res = (await redis.xread('COUNT', 1000, 'BLOCK', 200, 'STREAMS', 'bus', last)) as [string, [string, string[]][]][] | null;
      for (const [, entries] of res ?? []) {
        for (const [id, fields] of entries) {
          last = id;
          events++;
          JSON.parse(fields[1]);
        }
      }
    }
  }
  const cpu = process.cpuUsage(started);
  process.send!({ mode, events, cpuUsPerEvent: Math.round((cpu.user + cpu.system) / events) });
  redis.disconnect();
}

async function drive(rate: number, seconds: number) {
  const redis = await startRedis();
  const writer = new Redis(redis.url);
  try {
    const modes: Mode[] = ['xread', 'pushed', 'xread', 'pushed'];
    const readers = modes.map((m) => fork(fileURLToPath(import.meta.url), ['--reader', m, '--url', redis.url, '--seconds', String(seconds)]));
    const results = readers.map((r) => new Promise<unknown>((resolve) => r.on('message', (m) => m !== 'ready' && resolve(m))));
    await Promise.all(readers.map((r) => new Promise((resolve) => r.once('message', resolve))));
    const body = JSON.stringify({ topic: 'verification', at: new Date().toISOString(), tenant: 't', payload: { verification: { id: 'x'.repeat(40), status: 'IN_REVIEW', history: Array(5).fill({ status: 'CREATED', at: new Date().toISOString() }) } } });
    const t0 = Date.now();
    for (let i = 0; i < rate * seconds; i++) {
      while (Date.now() < t0 + (i * 1000) / rate) await new Promise((r) => setTimeout(r, 1));
      const id = await writer.xadd('bus', '*', 'e', body);
      await writer.publish('bus', `${id}\n${body}`);
    }
    console.log(JSON.stringify({ rate, seconds, readers: await Promise.all(results) }, null, 2));
  } finally {
    writer.disconnect();
    await redis.stop();
  }
}

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '500' },
    seconds: { type: 'string', default: '10' },
    reader: { type: 'string' },
    url: { type: 'string' },
  },
});
if (values.reader) await reader(values.reader as Mode, values.url!, Number(values.seconds));
else await drive(Number(values.rate), Number(values.seconds));
