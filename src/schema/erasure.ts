// eraseSubject, auditLog and their types (DESIGN.md "Erasure, retention, audit").
import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { AUDIT_ID, type AuditEntry as AuditEntryValue } from '../audit/contract.js';
import { badUserInput } from '../errors.js';
import type { RequestContext } from './context.js';
import { PAGE_MAX } from '../store/contract.js';
import { decodeCursor, encodeCursor, PAGE_ARGS_DESCRIPTIONS, PageInfo, TOTAL_COUNT_DESCRIPTION } from './connection.js';
import { NO_CONTROL_CHARS } from './input-bounds.js';
import { DateTime } from './scalars.js';

/** A subject id: what `subjectId` takes when starting verifications (any string, bounded). */
const SUBJECT_ID_MAX = 256;
const REASON_MAX = 1000;

function subjectIdArg(field: string, value: string): string {
  if (value.length === 0) throw badUserInput(field, 'must not be empty');
  if (value.length > SUBJECT_ID_MAX) throw badUserInput(field, `must be at most ${SUBJECT_ID_MAX} characters`);
  if (!NO_CONTROL_CHARS.test(value)) throw badUserInput(field, 'must not contain control characters');
  return value;
}

@ObjectType({ description: 'What `eraseSubject` removed. Erasing again reports zeros.' })
export class ErasureReport {
  @Field(() => ID, { description: 'The subject erased.' }) subjectId!: string;
  @Field(() => DateTime, { description: 'When the erasure ran.' }) erasedAt!: string;
  @Field(() => Int, { description: 'Verifications removed.' }) verifications!: number;
  @Field(() => Int, { description: 'Check snapshots removed (the check provider keeps its own records).' }) checks!: number;
  @Field(() => Int, { description: 'Ingestions removed.' }) ingestions!: number;
  @Field(() => Int, { description: 'Events removed from the event log (no subscription or replay returns them again).' }) events!: number;
}

@ObjectType({ description: 'One thing done to a subject’s data. Holds no personal data; kept after erasure.' })
export class AuditEntry {
  @Field(() => ID, { description: 'Position in the subject’s trail.' }) id!: string;
  @Field(() => DateTime, { description: 'When it happened.' }) at!: string;
  @Field(() => String, { description: 'Who: `<tenant>:<first 8 hex of the API key’s sha256>`, `sandbox`, `provider:<name>` or `system:retention`.' }) actor!: string;
  @Field(() => String, { description: 'What: START_VERIFICATION, START_INGESTION, CREATE_CHECK, STATUS_CHANGED, ERASE_SUBJECT, RETENTION_ERASE.' }) action!: string;
  @Field(() => ID, { nullable: true, description: 'The verification, check, ingestion or subject acted on.' }) targetId!: string | null;
}

@ObjectType({ description: 'An audit entry in a page of results.' })
export class AuditEntryEdge {
  @Field(() => String, { description: 'Opaque; pass as `after` to continue after this entry.' }) cursor!: string;
  @Field(() => AuditEntry, { description: 'The entry.' }) node!: AuditEntryValue;
}

@ObjectType({ description: 'A page of audit entries, oldest first (Relay cursor connection).' })
export class AuditEntryConnection {
  @Field(() => [AuditEntryEdge], { description: 'The entries of this page with their cursors.' }) edges!: AuditEntryEdge[];
  @Field(() => [AuditEntry], { description: 'The entries of this page.' }) nodes!: AuditEntryValue[];
  @Field(() => Int, { description: TOTAL_COUNT_DESCRIPTION }) totalCount!: number;
  @Field(() => PageInfo, { description: 'Whether more entries follow, and the cursor to get them.' }) pageInfo!: PageInfo;
}

@ArgsType()
class AuditLogArgs {
  @Field(() => ID, { description: 'The subject (your user id).' }) subjectId!: string;
  @Field(() => Int, { nullable: true, defaultValue: 50, description: PAGE_ARGS_DESCRIPTIONS.first(50) }) first?: number | null;
  @Field(() => String, { nullable: true, description: PAGE_ARGS_DESCRIPTIONS.after }) after?: string | null;
}

interface AuditConnectionValue {
  edges: AuditEntryEdge[];
  nodes: AuditEntryValue[];
  pageInfo: PageInfo;
  tenant: string;
  subjectId: string;
}

@Resolver(() => AuditEntryConnection)
export class ErasureResolver {
  @Authorized('subjects:erase')
  @Mutation(() => ErasureReport, {
    description: 'Erases everything this server holds about a subject in your tenant: verifications, check snapshots, ingestions, their idempotency results and every event about them (no query, subscription or replay returns them again). Providers keep their own copies (see README). Needs the scope `subjects:erase`.',
  })
  async eraseSubject(
    @Arg('id', () => ID, { description: 'The subject (your user id).' }) id: string,
    @Arg('reason', () => String, { description: 'Why (e.g. "GDPR art. 17 request 2024-118"); required, not stored with personal data.' }) reason: string,
    @Ctx() ctx: RequestContext,
  ): Promise<ErasureReport> {
    subjectIdArg('id', id);
    if (reason.trim().length === 0) throw badUserInput('reason', 'must not be empty');
    if (reason.length > REASON_MAX) throw badUserInput('reason', `must be at most ${REASON_MAX} characters`);
    return ctx.services.erasure.eraseSubject(ctx.tenant, id, ctx.principal.actor);
  }

  @Authorized('audit:read')
  @Query(() => AuditEntryConnection, { description: 'Who did what to a subject’s data, oldest first. Kept after erasure; holds no personal data. Needs the scope `audit:read`.' })
  async auditLog(@Args(() => AuditLogArgs) args: AuditLogArgs, @Ctx() ctx: RequestContext): Promise<AuditConnectionValue> {
    const subjectId = subjectIdArg('subjectId', args.subjectId);
    const first = args.first ?? 50;
    if (first < 1) throw badUserInput('first', 'must not be less than 1');
    if (first > PAGE_MAX) throw badUserInput('first', `must not be greater than ${PAGE_MAX}`);
    let afterId: string | null = null;
    if (args.after) {
      afterId = decodeCursor(args.after, 'after');
      if (!AUDIT_ID.test(afterId)) throw badUserInput('after', 'is not a cursor returned by this API');
    }
    const page = await ctx.services.audit.list(ctx.tenant, subjectId, first, afterId);
    const edges = page.items.map((node) => ({ cursor: encodeCursor(node.id), node }));
    return {
      edges,
      nodes: page.items,
      pageInfo: { hasNextPage: page.hasNextPage, hasPreviousPage: afterId !== null, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
      tenant: ctx.tenant,
      subjectId,
    };
  }

  @FieldResolver(() => Int, { description: TOTAL_COUNT_DESCRIPTION })
  totalCount(@Root() c: AuditConnectionValue, @Ctx() ctx: RequestContext): Promise<number> {
    return ctx.services.audit.count(c.tenant, c.subjectId);
  }
}
