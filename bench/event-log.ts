// What the in-memory event bus costs once its log is long. The embedded default keeps events for
// resuming subscriptions (REPLAY_WINDOW_MS, at most 100,000), so a long-running instance
// publishes on a full log, each publish dropping the oldest event, and a subscription that
// resumes from an old cursor replays up to that many. Prints, as medians of `--rounds` fresh buses:
// - publish: CPU µs per publish on an empty log, then on a full one (after `--max` publishes), and
//   the ratio full ÷ empty (1: dropping the oldest costs nothing; removing it from the front of
//   the array cost ~0.25 ms per publish, ratio ~30), with events about 1,000 verifications (and
//   500 subjects), and again with every event about a verification and subject of its own (one
//   replay-index list each: trimming the index visited 200,000 lists every 1,000 publishes);
// - resume: CPU µs per replayed event of a resume over the whole log, and of one over 1,000
//   events, and the ratio (1: a replay costs in proportion to its events; taking each from the
//   front of the array made it quadratic).
//
//   npm run bench:build && node dist/bench/bench/event-log.js [--max 100000] [--rounds 5]
import { parseArgs } from 'node:util';
import { MemoryEventBus } from '../src/events/memory.js';
import { median } from './lib.js';

const { values } = parseArgs({ options: { max: { type: 'string', default: '100000' }, measure: { type: 'string', default: '20000' }, rounds: { type: 'string', default: '5' } } });
const max = Number(values.max);
const n = Number(values.measure);

// one verification change, as the webhook path publishes it: keyed, with its id and subject routes
const payload = { verification: { id: 'VmVyaWZpY2F0aW9uOlBBV0FQQVNTOng', status: 'APPROVED', providerStatus: 'APPROVED' }, previousStatus: 'IN_PROGRESS' };

async function round(unique = false) {
  const bus = new MemoryEventBus({ maxEvents: max });
  let i = 0;
  const publish = () =>
    bus.publish('verification', 'sandbox', payload, {
      key: `pawapass:${i}`,
      routes: unique ? [`sandbox|id|${i}`, `sandbox|subject|${i++}`] : [`sandbox|id|${i % 1000}`, `sandbox|subject|${i++ % 500}`],
    });
  const cpuUs = async (count: number) => {
    const before = process.cpuUsage();
    for (let k = 0; k < count; k++) await publish();
    const used = process.cpuUsage(before);
    return (used.user + used.system) / count;
  };
  const empty = await cpuUs(n);
  await cpuUs(max); // fills the log (and drops what is beyond `max`)
  const full = await cpuUs(n);
  /** CPU µs per event of a tenant-wide resume that replays the newest `count` events. */
  const resume = async (count: number) => {
    const after = `m${i - count}`;
    const before = process.cpuUsage();
    const sub = bus.subscribe('verification', () => true, { after, tenant: 'sandbox' });
    for (let k = 0; k < count; k++) await sub.next();
    const used = process.cpuUsage(before);
    await sub.return!();
    return (used.user + used.system) / count;
  };
  const shortResume = await resume(1000);
  const longResume = await resume(max - 1);
  await bus.close();
  return { empty, full, shortResume, longResume };
}

const rounds: Awaited<ReturnType<typeof round>>[] = [];
const uniqueRounds: Awaited<ReturnType<typeof round>>[] = [];
for (let r = 0; r < Number(values.rounds); r++) {
  rounds.push(await round());
  uniqueRounds.push(await round(true));
}
const us = (x: number) => Math.round(x * 100) / 100;
/** Publish CPU on an empty and a full log over `rs`, with the median ratio and each round's. */
const publishes = (rs: typeof rounds, meaning: string) => ({
  cpuUsPerPublish: { emptyLog: us(median(rs.map((r) => r.empty))), fullLog: us(median(rs.map((r) => r.full))) },
  ratio: us(median(rs.map((r) => r.full / r.empty))),
  ratioByRound: rs.map((r) => us(r.full / r.empty)),
  meaning,
});
console.log(
  JSON.stringify(
    {
      maxEvents: max,
      publishesMeasured: n,
      publish: publishes(rounds, 'CPU per publish on a full log ÷ on an empty one (1 = dropping the oldest costs nothing)'),
      publishUniqueRoutes: publishes(uniqueRounds, 'the same, every event about a verification and subject of its own (a replay-index list each)'),
      resume: {
        cpuUsPerReplayedEvent: { of1000: us(median(rounds.map((r) => r.shortResume))), [`of${max - 1}`]: us(median(rounds.map((r) => r.longResume))) },
        ratio: us(median(rounds.map((r) => r.longResume / r.shortResume))),
        ratioByRound: rounds.map((r) => us(r.longResume / r.shortResume)),
        meaning: 'CPU per replayed event of a resume over the whole log ÷ of one over 1,000 events (1 = cost in proportion to the events)',
      },
    },
    null,
    2,
  ),
);
