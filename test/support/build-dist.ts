// The staleness check `npm start` and the globalSetup share (spawned servers must never run stale
// code): scripts/dist.mjs, plain JavaScript because it runs before anything is compiled.
export { ensureDist, staleReason } from '../../scripts/dist.mjs';
