// What a publish costs the in-memory event bus once its log is full: the embedded default keeps
// events for resuming subscriptions (REPLAY_WINDOW_MS, at most 100,000), so a long-running
// instance publishes on a full log, each publish dropping the oldest event. Prints the CPU µs per
// publish on an empty log, then on a full one (the same bus, after `--fill` publishes), and the
// ratio full ÷ empty, the median of `--rounds` fresh buses. A ratio near 1 means dropping costs
// nothing per publish; removing the oldest event from the front of the array cost ~0.2 ms per
// publish on a full log (ratio ~25, docs/perf/webhook-path.md).
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

async function round() {
  const bus = new MemoryEventBus({ maxEvents: max });
  let i = 0;
  const publish = () => bus.publish('verification', 'sandbox', payload, { key: `pawapass:${i}`, routes: [`sandbox|id|${i % 1000}`, `sandbox|subject|${i++ % 500}`] });
  const cpuUs = async (count: number) => {
    const before = process.cpuUsage();
    for (let k = 0; k < count; k++) await publish();
    const used = process.cpuUsage(before);
    return (used.user + used.system) / count;
  };
  const empty = await cpuUs(n);
  await cpuUs(max); // fills the log (and drops what is beyond `max`)
  const full = await cpuUs(n);
  await bus.close();
  return { empty, full };
}

const rounds: { empty: number; full: number }[] = [];
for (let r = 0; r < Number(values.rounds); r++) rounds.push(await round());
const us = (x: number) => Math.round(x * 100) / 100;
console.log(
  JSON.stringify(
    {
      maxEvents: max,
      publishesMeasured: n,
      cpuUsPerPublish: { emptyLog: us(median(rounds.map((r) => r.empty))), fullLog: us(median(rounds.map((r) => r.full))) },
      ratio: us(median(rounds.map((r) => r.full / r.empty))),
      ratioByRound: rounds.map((r) => us(r.full / r.empty)),
      meaning: 'CPU per publish on a full log ÷ on an empty one, median over fresh buses (1 = dropping the oldest costs nothing)',
    },
    null,
    2,
  ),
);
