// KycSubject: one end user across providers, the entity other subgraphs join on by id.
import { loadAll } from '../loaders/index.js';
import { Arg, Authorized, Ctx, Directive, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { VerificationRecord } from '../domain/verification.js';
import { badUserInput } from '../errors.js';
import type { RequestContext } from '../server/context.js';
import { Verification } from './verification.js';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'One end user (your user id, the `subjectId` you pass when starting verifications) across all providers.' })
export class KycSubject {
  @Field(() => ID, { description: 'Your user id.' }) id!: string;
}

@Resolver(() => KycSubject)
export class KycSubjectResolver {
  @Query(() => KycSubject, { nullable: true, description: 'Everything kyc-graph knows about one of your users. Any id is a subject; one with no verifications has empty lists.' })
  subject(@Arg('id', () => ID, { description: 'Your user id, as given in `subjectId` when starting verifications.' }) id: string): KycSubject {
    return { id };
  }

  @Authorized('verifications:read')
  @FieldResolver(() => [Verification], { description: 'Verifications started for this subject, newest first.' })
  async verifications(
    @Root() subject: KycSubject,
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { defaultValue: 50, description: 'At most this many, 1 to 100 (default 50).' }) first: number,
  ) {
    if (first < 1 || first > 100) throw badUserInput('first', 'must be between 1 and 100');
    const page = await ctx.services.store.list<VerificationRecord>('verification', { tenant: ctx.tenant, subjectId: subject.id, first });
    const fresh = await loadAll(ctx.loaders.refreshedVerification, page.items);
    for (const v of fresh) ctx.loaders.verification.prime(v.id, v);
    return fresh;
  }
}
