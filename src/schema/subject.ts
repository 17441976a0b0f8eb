// KycSubject: one end user across providers, the entity other subgraphs join on by id.
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, Directive, Field, FieldResolver, ID, Info, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { VerificationRecord } from '../domain/verification.js';
import type { RequestContext } from './context.js';
import { connection, SubjectPageArgs, pageQuery } from './connection.js';
import { freshVerifications, VerificationConnection } from './verification.js';

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
  @FieldResolver(() => VerificationConnection, { description: 'Verifications started for this subject, newest first.' })
  async verifications(
    @Root() subject: KycSubject,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Args(() => SubjectPageArgs) args: SubjectPageArgs,
  ) {
    return connection<VerificationRecord>(
      ctx.services.store,
      'verification',
      { tenant: ctx.tenant, subjectId: subject.id },
      pageQuery(args, 50, info),
      (items) => freshVerifications(ctx, items),
    );
  }
}
