// Per event, a subscription field maps the bus event directly (schema/build.ts): type-graphql's
// resolver would build and validate an instance of the field's arguments for every event. That
// skips argument validation per event, so an arguments class with rules must fail at startup.
import 'reflect-metadata';
import { IsUUID } from 'class-validator';
import { describe, expect, it } from 'vitest';
import { perEventResolvers } from '../src/schema/build.js';

class Plain {
  id?: string;
}
class Ruled {
  id?: string;
}
IsUUID()(Ruled.prototype, 'id'); // @IsUUID() on `id`
const subscribe = () => null;
const toPayload = (e: { cursor: string }) => ({ cursor: e.cursor });

describe('subscription per-event resolvers', () => {
  it("map each event with the field's own function and keep its subscribe", () => {
    const out = perEventResolvers({ thingUpdated: { subscribe } }, { thingUpdated: { args: Plain, resolve: toPayload as never } }) as Record<string, { subscribe: unknown; resolve: unknown }>;
    expect(out.thingUpdated.subscribe).toBe(subscribe);
    expect(out.thingUpdated.resolve).toBe(toPayload);
  });

  it('refuse an arguments class with validation rules, and a subscription without a mapping', () => {
    expect(() => perEventResolvers({ thingUpdated: { subscribe } }, { thingUpdated: { args: Ruled, resolve: toPayload as never } })).toThrow(/Ruled has validation rules/);
    expect(() => perEventResolvers({ otherUpdated: { subscribe } }, { thingUpdated: { args: Plain, resolve: toPayload as never } })).toThrow(/otherUpdated has no per-event resolver/);
  });
});
