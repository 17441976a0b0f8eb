// The journal on a single Redis: a change's compare-and-set, its event (publish once) and its
// audit entry in one Lua call, so a webhook's change costs one round trip instead of two (the
// client's CPU goes per reply waited for: docs/perf/webhook-path.md). Nothing is published or
// audited unless the record is stored, and a crash cannot fall between the write and its event.
// Not on a Redis Cluster: the record, the event log and the audit trail are three hash slots
// (see "Redis key layout" in the README); there the journal is the two steps (store/journal.ts).
// A create (expected version 0) also writes its tenant's indexes: it takes the two steps too.
import type { Logger } from 'pino';
import type { AuditRecord } from '../audit/contract.js';
import type { RedisAuditLog } from '../audit/redis.js';
import type { Publication } from '../events/contract.js';
import { PUBLISH_ONCE_FUNCTION, type RedisEventBus } from '../events/redis.js';
import { extend } from '../domain/objects.js';
import { defineScripts, type RedisClient } from '../redis/client.js';
import type { Entity, EntityKind } from './contract.js';
import { type CommitOptions, DuplicateEvent, type Journal } from './journal.js';
import { CAS_FUNCTION, type RedisStore } from './redis.js';

// KEYS: 1 the record, 2..n+1 publish_once's keys, then the event's processed mark (with a mark),
// then the audit stream (when audited). ARGV: 1 n, 2 expected version, 3 the record's JSON,
// 4..10 publish_once's arguments, 11 the event's JSON after the record's ('': ARGV[5] is the whole
// event; else ARGV[5] is the part before the record's JSON, which goes over the wire once),
// 12 the mark's TTL ms ('' without a mark), 13.. the audit entry's fields. Returns {-1} when the
// mark is set (processed before: nothing written), {0, the record as stored or nil} on a conflict
// (nothing written; the record that won, so the caller need not read it), else {new version, 1
// when the event is new, its stream id, the audit append's error or ''}.
// The audit append is a pcall: as with the two steps, a failed entry is logged and never fails the change.
const COMMIT = `${CAS_FUNCTION}
${PUBLISH_ONCE_FUNCTION}
local n = tonumber(ARGV[1])
local k = n + 2
local mark = nil
if ARGV[12] ~= '' then
  mark = KEYS[k]
  k = k + 1
  if redis.call('EXISTS', mark) == 1 then return {-1} end
end
local v = cas(KEYS[1], ARGV[2], ARGV[3])
if v == 0 then return {0, redis.call('GET', KEYS[1])} end
local args = {unpack(ARGV, 4, 10)}
if ARGV[11] ~= '' then args[2] = ARGV[5] .. ARGV[3] .. ARGV[11] end
local published = publish_once({unpack(KEYS, 2, n + 1)}, args)
if mark then redis.call('SET', mark, '1', 'PX', ARGV[12]) end
local failed = ''
if #KEYS >= k then
  local r = redis.pcall('XADD', KEYS[k], '*', unpack(ARGV, 13))
  if type(r) == 'table' and r.err then failed = r.err end
end
return {v, published[1], published[2], failed}`;

interface Scripts {
  kycCommit(numKeys: number, ...keysThenArgs: (string | number)[]): Promise<[number, (number | string | null)?, string?, string?]>;
}

/** The audit entry of a publication (services/audit-trail.ts `auditRecordOf`), or null. */
export type AuditOf = (publication: Publication) => { subjectId: string; entry: AuditRecord } | null;

export interface RedisJournalParts {
  redis: RedisClient;
  store: RedisStore;
  bus: RedisEventBus;
  audit: RedisAuditLog;
  auditOf: AuditOf;
  /** The two steps, for a create and for `publish` (over the store and bus the services use). */
  steps: Journal;
  /** The inbox's processed marks (inbox/redis.ts `markArgs`): a commit with a mark sets it in the same call. */
  marks: { markArgs(provider: string, eventId: string): { key: string; ttlMs: number; processed: boolean } };
  /** REDIS_WAIT_REPLICAS: a stored change resolves once replicas hold it (src/redis/replicas.ts). */
  waitReplicas?: (() => Promise<void>) | null;
  log: Logger;
}

export class RedisJournal implements Journal {
  private readonly redis: RedisClient & Scripts;

  constructor(private readonly parts: RedisJournalParts) {
    this.redis = defineScripts<Scripts>(parts.redis, { kycCommit: { lua: COMMIT, keys: 'first argument' } });
  }

  readonly marks = true;

  async commit<T extends Entity>(kind: EntityKind, record: T, expectedVersion: number, event: (stored: T) => Publication, options?: CommitOptions<T>): Promise<T | null> {
    const { store, bus, audit, auditOf, steps, marks, waitReplicas, log } = this.parts;
    const mark = options?.mark && marks.markArgs(options.mark.provider, options.mark.eventId);
    if (mark?.processed) throw new DuplicateEvent();
    if (expectedVersion < 1) {
      if (mark) throw new Error('a create is not committed with a mark');
      return steps.commit(kind, record, expectedVersion, event);
    }
    const stored = extend(record, { version: expectedVersion + 1 });
    // stored as it is published, with its version (a read takes the version from the prefix):
    // one JSON for both, sent once
    const json = JSON.stringify(stored);
    const publication = event(stored);
    const published = bus.prepare(publication.topic, publication.tenant, publication.payload, publication.options, { value: stored, json });
    const audited = auditOf(publication);
    const [auditKey, auditFields] = audited ? audit.appendArgs(publication.tenant, audited.subjectId, audited.entry) : [null, []];
    const keys = [store.key(kind, record.id), ...published.keys, ...(mark ? [mark.key] : []), ...(auditKey ? [auditKey] : [])];
    let reply: Awaited<ReturnType<Scripts['kycCommit']>>;
    try {
      reply = await this.redis.kycCommit(keys.length, ...keys, published.keys.length, String(expectedVersion), json, ...published.args, published.after, mark ? mark.ttlMs : '', ...auditFields);
    } catch (err) {
      published.forget();
      throw err;
    }
    const [version, current, , failed] = reply;
    if (version < 1 || current !== 1) published.forget(); // not published: refused, lost, or its key published before
    if (version === -1) throw new DuplicateEvent();
    if (version === 0) {
      options?.latest?.(store.parse<T>((current as string | null | undefined) ?? null));
      return null;
    }
    if (failed) log.warn({ err: new Error(failed), topic: publication.topic }, 'audit entry not recorded');
    await waitReplicas?.();
    return stored;
  }

  publish(publication: Publication): Promise<void> {
    return this.parts.steps.publish(publication);
  }
}
