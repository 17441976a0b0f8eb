// Loaded with `node --import` (NODE_OPTIONS) by bench/gc-promotion.ts: V8 prints one line per
// garbage collection (`--trace-gc-nvp`: pause, bytes allocated, survived, promoted, …) to stdout,
// which a bench server process writes to its log in bench/results/.
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--trace-gc-nvp');
