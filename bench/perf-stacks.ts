// Reading Linux `perf` samples of a Node process (bench/cpu-split.ts): V8's own sampling profiler
// undercounts a server that wakes for each event (figure 3: ~72 of ~630 µs per event seen,
// docs/perf/webhook-path.md), while `perf record` samples the CPU clock from the kernel, builtins,
// GC and kernel time included. These are the pure parts: the JIT symbol map V8 writes with
// --perf-basic-prof, and `perf script` output charged to the JavaScript that ran it.

/**
 * `/tmp/perf-<pid>.map` (`<start hex> <size hex> <name>` per line, in the order V8 wrote them)
 * with each address named by the code written there last: V8 reuses code space after a GC, and
 * `perf` would otherwise name a sample after whatever function first had its address (a server's
 * webhook path read as file-type's and cjs-module-lexer's functions).
 */
export function lastWinsMap(text: string): string {
  const entries = text
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [start, size] = line.split(' ', 2);
      return { start: parseInt(start, 16), end: parseInt(start, 16) + parseInt(size, 16), line };
    })
    .filter((e) => e.end > e.start);
  // newest first; keep an entry unless a newer one overlaps it
  const kept: typeof entries = [];
  const taken: { start: number; end: number }[] = []; // sorted by start, disjoint
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i];
    let lo = 0;
    let hi = taken.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (taken[mid].start < e.start) lo = mid + 1;
      else hi = mid;
    }
    const overlaps = (j: number) => j >= 0 && j < taken.length && taken[j].start < e.end && e.start < taken[j].end;
    if (overlaps(lo - 1) || overlaps(lo)) continue;
    taken.splice(lo, 0, { start: e.start, end: e.end });
    kept.push(e);
  }
  return kept
    .sort((a, b) => a.start - b.start)
    .map((e) => e.line)
    .join('\n')
    .concat('\n');
}

/** Where a sample's CPU went, by the innermost JavaScript frame on its stack. */
export type Area =
  /** kyc-graph's own code (dist/.../src/), or the baseline's handler (bench/baseline), and code V8 generated for it (compiled validators, graphql-jit). */
  | 'app'
  /** graphql, graphql-ws, graphql-jit, ws, type-graphql, @apollo. */
  | 'graphql and ws libraries'
  /** other node_modules. */
  | 'other libraries'
  /** a socket write (a writev/write system call on the stack: the kernel's TCP send and the wake-up of the reader), whatever JavaScript made it. */
  | 'socket writes'
  /** Node's own JavaScript (http, streams, timers, crypto, events). */
  | 'node internals'
  /** no JavaScript on the stack: GC, the event loop's wait and wake-up, V8 helper threads, interrupts. */
  | 'native only';

export const AREAS: readonly Area[] = ['app', 'graphql and ws libraries', 'other libraries', 'socket writes', 'node internals', 'native only'];

/** One sample: its innermost JavaScript frame (`*name url:line:col` as V8 names it, or null), and whether it is in a write system call. */
export interface Sample {
  js: string | null;
  write: boolean;
  /** V8's garbage collector is on the stack (a scavenge an allocation started, or a GC thread's work). */
  gc: boolean;
  /** Without JavaScript: what ran (`native`), else null. */
  native: string | null;
}

const JS_FRAME = /\sJS:([^\s].*?)(?:\+0x[0-9a-f]+)?\s\((?:\/tmp\/perf-\d+\.map)\)$/;

/** Samples of `perf script` output (one block per sample, frames innermost first). */
export function samplesOf(script: string): Sample[] {
  const out: Sample[] = [];
  for (const block of script.split(/\n\s*\n/)) {
    const lines = block.split('\n').filter((l) => l.trim() !== '');
    if (lines.length === 0) continue;
    let js: string | null = null;
    const write = lines.some((l) => WRITE_CALL.test(l));
    const gc = lines.some((l) => GC_FRAME.test(l));
    for (const line of lines.slice(1)) {
      const m = JS_FRAME.exec(line);
      if (m) {
        js = m[1].trim();
        break;
      }
    }
    out.push({ js, write, gc, native: js === null ? native(lines.slice(1), gc) : null });
  }
  return out;
}

/** A frame of V8's garbage collector. */
const GC_FRAME = /\sv8::internal::(Heap::|Scavenge|MarkCompact|MinorMarkCompact|MinorMarkSweep|Sweeper|ConcurrentMarking|IncrementalMarking|MarkingVisitor|Evacuat|ArrayBufferSweeper|GCTracer|MemoryAllocator::Unmapper)/;
/** The symbol of a `perf script` frame line, without address, offset and object. */
const SYMBOL = /^\s*[0-9a-f]+\s+(.*?)(?:\+0x[0-9a-f]+)?\s\(([^)]*)\)$/;

/**
 * What a sample without JavaScript ran: `GC`; the kernel's wait for or read of sockets (`epoll`,
 * `socket reads`); else the innermost frame of Node or V8 (`node::…`, `uv_…`, `v8::…`), or the
 * innermost symbol.
 */
function native(frames: string[], gc: boolean): string {
  if (gc) return 'GC';
  if (frames.some((l) => /\s(ep_poll|do_epoll_wait|epoll_wait)/.test(l))) return 'epoll';
  if (frames.some((l) => /\s(tcp_recvmsg|sock_read_iter|ksys_read)\+/.test(l))) return 'socket reads';
  const symbols = frames.map((l) => SYMBOL.exec(l)?.[1] ?? '').filter((x) => x && x !== '[unknown]');
  const named = symbols.filter((x) => /^(node::|uv_|v8::)/.test(x));
  return named[0] ?? symbols[0] ?? '(unknown)';
}

const WRITE_CALL = /\s(do_writev|ksys_write|__x64_sys_write|__x64_sys_writev|tcp_sendmsg)\+/;
const LIBRARIES = /node_modules\/(graphql|graphql-ws|graphql-jit|ws|type-graphql|@apollo\/[^/]+)\//;

/** The area of a sample (its JavaScript frame: `*send /x/node_modules/ws/lib/sender.js:354:7`). */
export function areaOf({ js, write }: Sample): Area {
  if (write) return 'socket writes';
  if (js === null) return 'native only';
  if (/ node:/.test(js)) return 'node internals';
  if (LIBRARIES.test(js)) return 'graphql and ws libraries';
  if (/node_modules\//.test(js)) return 'other libraries';
  return 'app';
}

/** The frame name without V8's tier mark (`*` optimized, `^` baseline, `~` interpreted) and the checkout's path. */
export function functionOf(js: string, root: string): string {
  return js.replace(/^[*^~+]/, '').replaceAll(`file://${root}/`, '').replaceAll(`${root}/`, '');
}
