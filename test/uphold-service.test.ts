// IngestionService rules that need no HTTP: a webhook overtaking the create answer, ordering.
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { ProviderIngestionView } from '../src/domain/ingestion.js';
import { MemoryEventBus } from '../src/events/memory.js';
import { IngestionNotRecordedYet, IngestionService } from '../src/services/ingestions.js';
import { MemoryStore } from '../src/store/memory.js';

const view = (over: Partial<ProviderIngestionView> = {}): ProviderIngestionView => ({
  providerRef: 'ing-1',
  source: 'SUMSUB',
  sourceVerificationRef: 'approved-x',
  userId: 'u1',
  processes: ['IDENTITY'],
  status: 'QUEUED',
  providerStatus: 'queued',
  results: [{ process: 'IDENTITY', status: 'PROCESSING', data: null, files: [], error: null }],
  startedAt: null,
  finishedAt: null,
  providerUpdatedAt: '2026-01-01T00:00:00.000Z',
  ...over,
});

const service = (store = new MemoryStore()) =>
  new IngestionService(store, new MemoryEventBus(), new Map(), { statusMaxAgeMs: 15_000, providerConcurrency: 4, polling: { intervalMs: 0, quietMs: 0, maxPerTick: 1 } }, pino({ level: 'silent' }));

describe('a webhook that overtakes the create answer', () => {
  it('is refused for a retry while a create is in flight, and applied once the ingestion is recorded', async () => {
    const s = service();
    let answer!: (v: ProviderIngestionView) => void;
    const created = s.create({ provider: 'UPHOLD', operation: 'createIngestion', tenant: 't', idempotencyKey: null, input: {}, create: () => new Promise((r) => (answer = r)) });
    const running = view({ status: 'RUNNING', providerStatus: 'running', providerUpdatedAt: '2026-01-01T00:00:01.000Z' });
    await expect(s.applyWebhookView('UPHOLD', running)).rejects.toBeInstanceOf(IngestionNotRecordedYet);
    answer(view());
    expect((await created).status).toBe('QUEUED');
    expect(await s.applyWebhookView('UPHOLD', running)).toBe(true);
  });

  it('is refused for a retry on the other replica too: the "being created" marker is shared through the store', async () => {
    const store = new MemoryStore();
    const a = service(store);
    const b = service(store);
    let answer!: (v: ProviderIngestionView) => void;
    const created = a.create({ provider: 'UPHOLD', operation: 'createIngestion', tenant: 't', idempotencyKey: null, input: {}, create: () => new Promise((r) => (answer = r)) });
    await expect.poll(() => store.creatingCount('uphold')).toBe(1);
    const running = view({ status: 'RUNNING', providerStatus: 'running', providerUpdatedAt: '2026-01-01T00:00:01.000Z' });
    await expect(b.applyWebhookView('UPHOLD', running)).rejects.toBeInstanceOf(IngestionNotRecordedYet);
    answer(view());
    await created;
    expect(await b.applyWebhookView('UPHOLD', running)).toBe(true);
    expect(await store.creatingCount('uphold')).toBe(0);
  });

  it('is acknowledged and ignored when no create is in flight (not ours)', async () => {
    expect(await service().applyWebhookView('UPHOLD', view())).toBe(false);
  });
});
