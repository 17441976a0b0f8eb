// Relay cursor connections (DESIGN.md "API ergonomics"): PageInfo, opaque cursors, the
// first/after + last/before arguments and the one way every list field turns store pages into a
// connection. `totalCount` is computed only when selected (the store counts with ZCARD when it can).
import { type GraphQLResolveInfo, Kind } from 'graphql';
import { IsOptional, Max, Min } from 'class-validator';
import { ArgsType, Field, Int, ObjectType } from 'type-graphql';
import { badUserInput } from '../errors.js';
import type { CountQuery, Entity, EntityKind, ListQuery, Store } from '../store/contract.js';
import { PAGE_MAX } from '../store/contract.js';

@ObjectType({ description: 'Relay cursor pagination info.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'True when more items follow this page; pass `endCursor` as `after` to get them.' }) hasNextPage!: boolean;
  @Field(() => Boolean, { description: 'True when items come before this page; pass `startCursor` as `before` (with `last`) to get them.' }) hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true, description: 'Cursor of the first edge of this page; null when the page is empty.' }) startCursor!: string | null;
  @Field(() => String, { nullable: true, description: 'Cursor of the last edge of this page; null when the page is empty.' }) endCursor!: string | null;
}

/**
 * A cursor names an item, so it keeps its place when items are created later (they are newer and
 * come before it). Opaque to clients; the encoding is the one pages have always used.
 */
export const encodeCursor = (id: string) => Buffer.from(`after:${id}`, 'utf8').toString('base64url');
export function decodeCursor(cursor: string, argument = 'after'): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!decoded.startsWith('after:') || decoded.length === 'after:'.length) throw badUserInput(argument, 'is not a cursor returned by this API');
  return decoded.slice('after:'.length);
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** What a connection resolver returns; `totalCount` is resolved lazily by `count`. */
export interface ConnectionValue<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  /** Counts the whole list; called only when `totalCount` is selected (`totalCountOf`). */
  count: () => Promise<number>;
}

/** Whether the operation gave the argument a value (rather than leaving it to the schema default). */
const written = (info: GraphQLResolveInfo | undefined, name: string) =>
  !info ||
  info.fieldNodes.some((f) =>
    f.arguments?.some((a) => a.name.value === name && (a.value.kind !== Kind.VARIABLE || info.variableValues[a.value.name.value] != null)),
  );

/**
 * Checks paging arguments (also checked before execution by the page-size rule, limits.ts) and
 * turns them into a store query. `last` pages backward; `first` is ignored then unless written too
 * (both together are refused: a page is taken from one end).
 */
export function pageQuery(args: PageArgs, defaultFirst: number, info?: GraphQLResolveInfo): Pick<ListQuery<unknown>, 'first' | 'last' | 'afterId' | 'beforeId'> {
  for (const name of ['first', 'last'] as const) {
    const n = args[name];
    if (n == null) continue;
    if (n < 1) throw badUserInput(name, 'must not be less than 1');
    if (n > PAGE_MAX) throw badUserInput(name, `must not be greater than ${PAGE_MAX}`);
  }
  const backward = args.last != null;
  if (backward && args.first != null && written(info, 'first')) throw badUserInput('last', 'cannot be combined with first; page forward with first/after or backward with last/before');
  return {
    first: backward ? 0 : (args.first ?? defaultFirst),
    last: backward ? args.last : null,
    afterId: args.after ? decodeCursor(args.after, 'after') : null,
    beforeId: args.before ? decodeCursor(args.before, 'before') : null,
  };
}

/** One page of `kind` as a connection; `refresh` maps the page's records (e.g. stale statuses re-read). */
export async function connection<T extends Entity>(
  store: Store,
  kind: EntityKind,
  selection: CountQuery<T>,
  page: Pick<ListQuery<T>, 'first' | 'last' | 'afterId' | 'beforeId'>,
  refresh: (items: T[]) => Promise<T[]> = async (items) => items,
): Promise<ConnectionValue<T>> {
  const result = await store.list<T>(kind, { ...selection, ...page });
  const nodes = await refresh(result.items);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(node.id), node }));
  let counted: Promise<number> | null = null;
  return {
    edges,
    nodes,
    pageInfo: {
      hasNextPage: result.hasNextPage,
      hasPreviousPage: result.hasPreviousPage ?? false,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    count: () => (counted ??= store.count<T>(kind, selection)),
  };
}

export const TOTAL_COUNT_DESCRIPTION = 'How many items the whole list holds (every page, with the same filter).';
export const PAGE_ARGS_DESCRIPTIONS = {
  first: (dflt: number) => `Page size when paging forward, 1 to ${PAGE_MAX} (default ${dflt}).`,
  after: '`endCursor` of the previous page: continue after it.',
  last: `Page backward: the last this many items (before \`before\` when given), 1 to ${PAGE_MAX}. Do not combine with \`first\`.`,
  before: '`startCursor` of the next page: the items just before it (with `last`).',
};

/** `first`/`after`/`last`/`before` of a subject's lists (default page 50). */
@ArgsType()
export class SubjectPageArgs {
  @IsOptional()
  @Min(1)
  @Max(PAGE_MAX)
  @Field(() => Int, { nullable: true, defaultValue: 50, description: PAGE_ARGS_DESCRIPTIONS.first(50) })
  first?: number | null;
  @Field(() => String, { nullable: true, description: PAGE_ARGS_DESCRIPTIONS.after }) after?: string | null;
  @IsOptional()
  @Min(1)
  @Max(PAGE_MAX)
  @Field(() => Int, { nullable: true, description: PAGE_ARGS_DESCRIPTIONS.last }) last?: number | null;
  @Field(() => String, { nullable: true, description: PAGE_ARGS_DESCRIPTIONS.before }) before?: string | null;
}
