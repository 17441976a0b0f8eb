// In-memory event bus: one process, events numbered in publish order.
import type { BusEvent, EventBus, Topic } from './contract.js';
import { Fanout } from './fanout.js';

export class MemoryEventBus implements EventBus {
  private seq = 0;
  readonly fanout = new Fanout();

  async publish<T>(topic: Topic, tenant: string, payload: T): Promise<BusEvent<T>> {
    const event: BusEvent<T> = { topic, cursor: `m${++this.seq}`, at: new Date().toISOString(), tenant, payload };
    this.fanout.dispatch(event);
    return event;
  }

  subscribe<T>(topic: Topic, match: (e: BusEvent<T>) => boolean) {
    return this.fanout.subscribe(topic, match);
  }

  get subscriberCount() {
    return this.fanout.size;
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    this.fanout.endAll();
  }
}
