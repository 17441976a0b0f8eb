// bench/perf-stacks.ts: a JIT map where the code written last names an address, and `perf script`
// samples charged to their innermost JavaScript frame (the shapes perf 6.x and Node 20 write).
import { describe, expect, it } from 'vitest';
import { areaOf, functionOf, lastWinsMap, samplesOf } from '../bench/perf-stacks.js';

describe('lastWinsMap', () => {
  it('keeps, for overlapping code, the entry V8 wrote last, and every entry nothing overlaps', () => {
    const map = [
      '1000 100 JS:*old file:///a.js:1:1', // overwritten by the two below (code space reused after a GC)
      '2000 10 JS:~kept file:///b.js:2:2',
      '1000 80 JS:*new file:///c.js:3:3',
      '1080 20 JS:*newer file:///d.js:4:4',
      '3000 0 JS:empty', // no code: dropped
    ].join('\n');
    expect(lastWinsMap(map)).toBe(['1000 80 JS:*new file:///c.js:3:3', '1080 20 JS:*newer file:///d.js:4:4', '2000 10 JS:~kept file:///b.js:2:2', ''].join('\n'));
  });
});

const SCRIPT = `node 27591 74175.110224:     500000 cpu-clock:ppp: 
\tffffffff822010c9 _raw_spin_unlock_irqrestore+0x19 ([kernel.kallsyms])
\tffffffff81e32fbe sock_def_readable+0x3e ([kernel.kallsyms])
\t           fde9d __GI___writev+0x4d (/usr/lib/x86_64-linux-gnu/libc.so.6)
\tffffffff816b826c do_writev+0xec ([kernel.kallsyms])
\t         14d1546 Builtins_CallApiCallback+0x86 (/usr/bin/node)
\t    7efda2fa9887 JS:*writevGeneric node:internal/stream_base_commons:123:23+0x707 (/tmp/perf-27591.map)
\t    7efda2f3c998 JS:*send /srv/kyc/node_modules/ws/lib/sender.js:354:7+0x898 (/tmp/perf-27591.map)

node 27591 74175.110724:     500000 cpu-clock:ppp: 
\t         15c0df1 Builtins_FindOrderedHashMapEntry+0x31 (/usr/bin/node)
\t    7efda2e12206 JS:*publish file:///srv/kyc/dist/src/events/memory.js:33:18+0x6c6 (/tmp/perf-27591.map)
\t    7efda2e12999 JS:*commit file:///srv/kyc/dist/src/store/memory-journal.js:17:21+0x10 (/tmp/perf-27591.map)

node 27594 74175.111224:     500000 cpu-clock:ppp: 
\t          c4993d v8::internal::Scavenger::ScavengeObject+0x58d (/usr/bin/node)
\t          c4ab6f start_thread+0x8f (/usr/lib/x86_64-linux-gnu/libc.so.6)

node 27591 74175.111724:     500000 cpu-clock:ppp: 
\t    7efda2f3c998 JS:^validate /srv/kyc/node_modules/graphql/validation/validate.js:112:18+0x12 (/tmp/perf-27591.map)

node 27591 74175.112224:     500000 cpu-clock:ppp: 
\t    7efda2f3c998 JS:*detect /srv/kyc/node_modules/file-type/core.js:1005:20+0x12 (/tmp/perf-27591.map)

node 27591 74175.112724:     500000 cpu-clock:ppp: 
\t    7efda2f3c998 JS:*get node:_http_incoming:109:16+0x12 (/tmp/perf-27591.map)
`;

describe('samplesOf / areaOf', () => {
  it('charges each sample to its innermost JavaScript frame, and to an area (a write system call first)', () => {
    const samples = samplesOf(SCRIPT);
    expect(samples.map((s) => s.js)).toEqual([
      '*writevGeneric node:internal/stream_base_commons:123:23',
      '*publish file:///srv/kyc/dist/src/events/memory.js:33:18',
      null,
      '^validate /srv/kyc/node_modules/graphql/validation/validate.js:112:18',
      '*detect /srv/kyc/node_modules/file-type/core.js:1005:20',
      '*get node:_http_incoming:109:16',
    ]);
    expect(samples.map((s) => s.write)).toEqual([true, false, false, false, false, false]);
    expect(samples.map((s) => s.gc)).toEqual([false, false, true, false, false, false]);
    expect(samples.map((s) => s.native)).toEqual([null, null, 'GC', null, null, null]);
    expect(samples.map((s) => areaOf(s))).toEqual(['socket writes', 'app', 'native only', 'graphql and ws libraries', 'other libraries', 'node internals']);
  });

  it('says what a sample without JavaScript ran: the GC, the wait for sockets, their reads, else the innermost frame of Node or V8', () => {
    const block = (...frames: string[]) => `node 1 1.0: 500000 cpu-clock:ppp: \n${frames.map((f) => `\t    7f00 ${f}`).join('\n')}\n`;
    const script = [
      block('v8::internal::ConcurrentMarking::RunMajor+0x10 (/usr/bin/node)', 'start_thread+0x8f (/usr/lib/x86_64-linux-gnu/libc.so.6)'),
      block('_raw_spin_unlock_irqrestore+0x19 ([kernel.kallsyms])', 'ep_poll+0x1 ([kernel.kallsyms])', 'epoll_wait+0x2 (/usr/lib/x86_64-linux-gnu/libc.so.6)', 'uv__io_poll+0x3 (/usr/bin/node)'),
      block('copy_user_generic+0x1 ([kernel.kallsyms])', 'tcp_recvmsg+0x1 ([kernel.kallsyms])', 'read+0x1 (/usr/lib/x86_64-linux-gnu/libc.so.6)', 'uv__read+0x1 (/usr/bin/node)'),
      block('memcpy+0x1 (/usr/lib/x86_64-linux-gnu/libc.so.6)', 'node::StreamBase::Writev+0x1 (/usr/bin/node)', 'node::LibuvStreamWrap::OnUvRead+0x1 (/usr/bin/node)', 'uv_run+0x1 (/usr/bin/node)'),
      block('_int_malloc+0x19 (/usr/lib/x86_64-linux-gnu/libc.so.6)', '[unknown] ([unknown])'),
    ].join('\n');
    const samples = samplesOf(script);
    expect(samples.map((s) => s.native)).toEqual(['GC', 'epoll', 'socket reads', 'node::StreamBase::Writev', '_int_malloc']);
    expect(samples.map((s) => s.gc)).toEqual([true, false, false, false, false]);
  });

  it('names a function without its tier mark and the checkout path', () => {
    expect(functionOf('*publish file:///srv/kyc/dist/src/events/memory.js:33:18', '/srv/kyc')).toBe('publish dist/src/events/memory.js:33:18');
    expect(functionOf('^validate /srv/kyc/node_modules/graphql/validation/validate.js:112:18', '/srv/kyc')).toBe('validate node_modules/graphql/validation/validate.js:112:18');
  });
});
