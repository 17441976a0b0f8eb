// The unified Ingestion type (DESIGN.md), its create input, query, subscription and the
// `KycSubject.ingestions` field. The create mutation lives with the provider that ingests.
import { HeaderSafe, NoControlChars } from './input-bounds.js';
import { loadAll } from '../loaders/index.js';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsOptional, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Authorized, Ctx, Directive, Field, FieldResolver, ID, Info, InputType, Int, ObjectType, Query, Resolver, Root, Subscription, registerEnumType } from 'type-graphql';
import {
  INGESTION_PROCESS_STATUSES,
  INGESTION_SOURCES,
  INGESTION_STATUSES,
  type IngestionRecord,
  type IngestionSource as IngestionSourceValue,
  type IngestionStatus as IngestionStatusValue,
  KYC_PROCESSES,
  type KycProcess as KycProcessValue,
} from '../domain/ingestion.js';
import type { Provider as ProviderValue } from '../domain/verification.js';
import type { BusEvent } from '../events/contract.js';
import { requireScope } from './auth.js';
import type { RequestContext } from './context.js';
import type { IngestionChange } from '../services/ingestions.js';
import { DateTime, JSON as JSONScalar } from './scalars.js';
import { type ConnectionValue, connection, SubjectPageArgs, PageInfo, pageQuery, TOTAL_COUNT_DESCRIPTION } from './connection.js';
import { KycSubject } from './subject.js';
import { Provider } from './verification.js';

const enumObject = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const IngestionSource = enumObject(INGESTION_SOURCES);
registerEnumType(IngestionSource, {
  name: 'IngestionSource',
  description: 'The KYC provider where the end user was already verified, whose data an ingestion copies.',
  valuesConfig: {
    SUMSUB: { description: 'Sumsub: `sourceVerificationRef` is a share token generated for the approved applicant.' },
    VERIFF: { description: 'Veriff: `sourceVerificationRef` is the id of an approved Veriff session.' },
  },
});

export const KycProcess = enumObject(KYC_PROCESSES);
registerEnumType(KycProcess, {
  name: 'KycProcess',
  description: 'A KYC process of the receiving platform that an ingestion can fill.',
  valuesConfig: {
    PROFILE: { description: 'Full name, date and place of birth, citizenship.' },
    ADDRESS: { description: 'Residential address.' },
    IDENTITY: { description: 'Identity document and selfie.' },
    PROOF_OF_ADDRESS: { description: 'Document proving the residential address.' },
  },
});

export const IngestionStatus = enumObject(INGESTION_STATUSES);
registerEnumType(IngestionStatus, {
  name: 'IngestionStatus',
  description: 'Where an ingestion stands. It only moves forward: QUEUED → RUNNING → FINISHED.',
  valuesConfig: {
    QUEUED: { description: 'Created; waiting for a worker to pick it up.' },
    RUNNING: { description: 'A worker is fetching the data from the source provider and submitting it.' },
    FINISHED: {
      description:
        'Final: processing ended. Read each entry of `results`: FINISHED does not mean every process COMPLETED, and COMPLETED does not mean the KYC process passed.',
    },
  },
});

export const IngestionProcessStatus = enumObject(INGESTION_PROCESS_STATUSES);
registerEnumType(IngestionProcessStatus, {
  name: 'IngestionProcessStatus',
  description: 'Outcome of ingesting one KYC process. It says whether data was copied, not whether the KYC process passed.',
  valuesConfig: {
    PROCESSING: { description: 'Not done yet.' },
    COMPLETED: {
      description:
        'The data was extracted and submitted to the platform. This is NOT a KYC pass: the KYC process itself may still be pending or failed (e.g. duplicate identity, underage user). Check the KYC overview (`kycOverview`).',
    },
    FAILED: { description: 'The data could not be extracted or submitted; `error` says why. Nothing was submitted for this process.' },
  },
});

@ObjectType({ description: 'Why ingesting a process failed, as the provider reports it.' })
export class IngestionError {
  @Field(() => String, { description: "The provider's error code, e.g. `provider_data_not_available`, `provider_data_invalid`." }) code!: string;
  @Field(() => String, { nullable: true, description: "The provider's explanation, for support staff." }) message!: string | null;
}

@ObjectType({ description: 'A file (document image, selfie) copied from the source provider.' })
export class IngestionFile {
  @Field(() => String, { description: "The provider's file id." }) id!: string;
  @Field(() => String, { nullable: true, description: 'What the file is, e.g. `identity-document`, `selfie`, `proof-of-address`.' }) category!: string | null;
  @Field(() => String, { nullable: true, description: 'Which side or part, e.g. `front`, `back`.' }) context!: string | null;
  @Field(() => String, { nullable: true, description: 'MIME type, e.g. `image/jpeg`.' }) contentType!: string | null;
  @Field(() => Int, { nullable: true, description: 'Size in bytes.' }) size!: number | null;
  @Field(() => JSONScalar, { nullable: true, description: "The source provider's own details about the file, as the platform reports them (e.g. the Veriff media id); null when none." })
  providerDetails!: unknown;
}

@ObjectType({ description: 'One source verification an ingestion reads: the Sumsub share token, or one Veriff session (an IDV and a PoA session may be combined).' })
export class IngestionSourceSession {
  @Field(() => String, { description: 'The Sumsub share token or the Veriff session id.' }) ref!: string;
  @Field(() => [KycProcess], { description: 'The processes this source verification provides.' }) processes!: KycProcessValue[];
  @Field(() => String, { nullable: true, description: 'VERIFF: the integration the session belongs to.' }) integrationName!: string | null;
}

@ObjectType({ description: 'The outcome of ingesting one requested KYC process.' })
export class IngestionProcessResult {
  @Field(() => KycProcess, { description: 'Which KYC process.' }) process!: KycProcessValue;
  @Field(() => IngestionProcessStatus, {
    description: 'PROCESSING, COMPLETED (extracted and submitted, NOT a KYC pass) or FAILED (see `error`).',
  })
  status!: string;
  @Field(() => JSONScalar, { nullable: true, description: 'The data extracted for this process, normalized by the provider (e.g. `fullName`, `birthdate`). Null until COMPLETED.' }) data!: unknown;
  @Field(() => [IngestionFile], { description: 'Files copied for this process; empty when none.' }) files!: unknown[];
  @Field(() => IngestionError, { nullable: true, description: 'Why this process FAILED; null otherwise.' }) error!: IngestionError | null;
}

@ObjectType({ description: 'One status an ingestion went through.' })
export class IngestionStatusChange {
  @Field(() => IngestionStatus, { description: 'The status.' }) status!: IngestionStatusValue;
  @Field(() => String, { description: "The provider's raw status at that point." }) providerStatus!: string;
  @Field(() => DateTime, { description: 'When kyc-graph learned of it.' }) at!: string;
}

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    "Copies an end user's approved verification at a source provider (Sumsub, Veriff) into the receiving platform's KYC processes. FINISHED with COMPLETED results means the data was extracted and submitted, not that KYC passed: check the KYC overview afterwards.",
})
export class Ingestion {
  @Field(() => ID, { description: 'Opaque global id. Use it with `ingestion(id)` and `ingestionUpdated(id)`.' }) id!: string;
  @Field(() => Provider, { description: 'The platform that runs the ingestion.' }) provider!: ProviderValue;
  @Field(() => String, { description: "The provider's own ingestion id." }) providerRef!: string;
  @Field(() => IngestionSource, { description: 'Where the verified data comes from.' }) source!: IngestionSourceValue;
  @Field(() => String, { description: 'The source verification: the Sumsub share token or the Veriff session id given at creation.' }) sourceVerificationRef!: string;
  @Field(() => String, { nullable: true, description: 'The user at the receiving platform the data was submitted for.' }) userId!: string | null;
  @Field(() => [KycProcess], { description: 'The KYC processes requested.' }) processes!: KycProcessValue[];
  @Field(() => IngestionStatus, { description: 'QUEUED, RUNNING or FINISHED. Drive progress UI from this; read `results` once FINISHED.' }) status!: IngestionStatusValue;
  @Field(() => String, { description: "The provider's raw status (e.g. `queued`)." }) providerStatus!: string;
  @Field(() => [IngestionProcessResult], {
    description:
      'One entry per requested process, in request order. COMPLETED means extracted and submitted, not that the KYC process passed; FAILED entries carry `error`.',
  })
  results!: IngestionProcessResult[];
  @Field(() => [IngestionStatusChange], { description: 'Every status this ingestion went through, oldest first.' }) history!: IngestionStatusChange[];
  @Field(() => DateTime, { nullable: true, description: 'When a worker started processing it.' }) startedAt!: string | null;
  @Field(() => DateTime, { nullable: true, description: 'When processing ended (status FINISHED).' }) finishedAt!: string | null;
  @Field(() => DateTime, { description: 'When it was created through kyc-graph.' }) createdAt!: string;
  @Field(() => DateTime, { description: 'When anything about it last changed.' }) updatedAt!: string;
}

const NO_NULL_BYTES = /^[^\u0000]*$/;

@InputType({ description: 'One source session of an ingestion (VERIFF).' })
export class IngestionSessionInput {
  @MinLength(1)
  @MaxLength(4096)
  @Matches(NO_NULL_BYTES, { message: 'must not contain null bytes' })
  @Field(() => String, { description: 'The approved Veriff session id.' })
  sourceVerificationRef!: string;

  @ArrayMinSize(1, { message: 'must contain at least one process' })
  @ArrayMaxSize(KYC_PROCESSES.length)
  @ArrayUnique(undefined, { message: 'must not contain the same process twice' })
  @Field(() => [KycProcess], { description: 'The processes this session provides.' })
  processes!: KycProcessValue[];

  @IsOptional()
  @MinLength(1)
  @MaxLength(256)
  @Field(() => String, { nullable: true, description: 'The Veriff integration of this session. Default: the input\'s `integrationName`, then the server configuration.' })
  integrationName?: string | null;
}

@InputType({
  description:
    "Creates an ingestion. Unified over the sources: kyc-graph turns it into the provider's per-source request (Sumsub share token, Veriff session).",
})
export class CreateIngestionInput {
  @Field(() => IngestionSource, { description: 'Where the user was verified: SUMSUB or VERIFF.' })
  source!: IngestionSourceValue;

  @MinLength(1)
  @MaxLength(4096)
  @Matches(NO_NULL_BYTES, { message: 'must not contain null bytes' })
  @Field(() => String, {
    description: 'The approved source verification: for SUMSUB the share token generated for the approved applicant, for VERIFF the approved session id.',
  })
  sourceVerificationRef!: string;

  @MinLength(1)
  @MaxLength(256)
  @Matches(/^\S+$/, { message: 'must not contain spaces' })
  @HeaderSafe()
  @Field(() => String, { description: 'The user at the receiving platform to submit the data for (created there beforehand).' })
  userId!: string;

  @ArrayMinSize(1, { message: 'must contain at least one process' })
  @ArrayMaxSize(KYC_PROCESSES.length)
  @ArrayUnique(undefined, { message: 'must not contain the same process twice' })
  @Field(() => [KycProcess], { description: 'Which KYC processes to fill, e.g. `[IDENTITY, PROOF_OF_ADDRESS]`. At least one, each at most once.' })
  processes!: KycProcessValue[];

  @IsOptional()
  @MinLength(1)
  @MaxLength(255)
  @NoControlChars()
  @Field(() => String, { nullable: true, description: 'Send the same key when retrying: the first result is returned and no second ingestion is created (kept 24 h).' })
  idempotencyKey?: string | null;

  @IsOptional()
  @MinLength(1)
  @MaxLength(256)
  @NoControlChars()
  @Field(() => String, { nullable: true, description: 'VERIFF only: the Veriff integration name registered with the platform. Default: the server configuration.' })
  integrationName?: string | null;

  @IsOptional()
  @ArrayMinSize(1, { message: 'must contain at least one session' })
  @ArrayMaxSize(KYC_PROCESSES.length)
  @ValidateNested({ each: true })
  @Field(() => [IngestionSessionInput], {
    nullable: true,
    description:
      'VERIFF only: several approved sessions in one ingestion, each with the processes it provides, e.g. an IDV session for `[PROFILE, IDENTITY]` and a PoA session for `[ADDRESS, PROOF_OF_ADDRESS]`. `sourceVerificationRef` must be one of them and `processes` their union. Without it, `sourceVerificationRef` is one session providing every process.',
  })
  sessions?: IngestionSessionInput[] | null;
}

@ObjectType({ description: 'A change to an ingestion, as delivered by `ingestionUpdated`.' })
export class IngestionEvent {
  @Field(() => String, { description: 'Position of this event in the event log; pass it as `after` to resume.' }) cursor!: string;
  @Field(() => DateTime, { description: 'When the change was recorded.' }) at!: string;
  @Field(() => Ingestion, { description: 'The ingestion as it was right after this change.' }) ingestion!: IngestionRecord;
  @Field(() => IngestionStatus, { nullable: true, description: 'Status before this change; null when the event is the creation.' }) previousStatus!: IngestionStatusValue | null;
}

@ArgsType()
export class IngestionUpdatedArgs {
  @Field(() => ID, { nullable: true, description: 'Only this ingestion.' }) id?: string | null;
  @Field(() => String, { nullable: true, description: 'Only ingestions of this user; works before any ingestion exists.' }) userId?: string | null;
  @Field(() => String, { nullable: true, description: 'Resume after this event `cursor`: events recorded after it are replayed first.' }) after?: string | null;
}

export const toIngestionEvent = (e: BusEvent<IngestionChange>): IngestionEvent => ({
  cursor: e.cursor,
  at: e.at,
  ingestion: e.payload.ingestion,
  previousStatus: e.payload.previousStatus,
});

@Resolver(() => Ingestion)
export class IngestionResolver {
  @FieldResolver(() => [IngestionSourceSession], {
    description: 'Every source verification the ingestion reads, each with the processes it provides (one for SUMSUB; one or more VERIFF sessions).',
  })
  sourceSessions(@Root() ingestion: IngestionRecord): IngestionSourceSession[] {
    // records written before sessions were kept: the one source verification, for every process
    return ingestion.sourceSessions ?? [{ ref: ingestion.sourceVerificationRef, processes: ingestion.processes, integrationName: null }];
  }

  @Authorized('ingestions:read')
  @Query(() => Ingestion, { nullable: true, description: 'One ingestion by id; null when there is none (for you).' })
  async ingestion(@Arg('id', () => ID, { description: 'The `id` returned by `createIngestion`.' }) id: string, @Ctx() ctx: RequestContext) {
    return ctx.loaders.ingestion.load(id);
  }

  @Subscription(() => IngestionEvent, {
    description:
      'Changes to ingestions (creation included), filtered by id and/or userId. Fed by the provider webhooks, and by polling when they do not come. Each event carries the ingestion as it was right after the change.',
    subscribe: ({ args, context }) => {
      const ctx = context as RequestContext;
      requireScope(ctx.principal, 'ingestions:read');
      return ctx.services.ingestions.subscribe(ctx.tenant, args as IngestionUpdatedArgs);
    },
  })
  ingestionUpdated(@Root() event: BusEvent<IngestionChange>, @Args(() => IngestionUpdatedArgs) _args: IngestionUpdatedArgs): IngestionEvent {
    return toIngestionEvent(event);
  }
}

@ObjectType({ description: 'An ingestion in a page of results.' })
export class IngestionEdge {
  @Field(() => String, { description: 'Opaque; pass as `after` to continue after this edge, or as `before` (with `last`) for the items before it.' }) cursor!: string;
  @Field(() => Ingestion, { description: 'The ingestion.' }) node!: IngestionRecord;
}

@ObjectType({ description: 'A page of ingestions, newest first (Relay cursor connection).' })
export class IngestionConnection {
  @Field(() => [IngestionEdge], { description: 'The ingestions of this page with their cursors.' }) edges!: IngestionEdge[];
  @Field(() => [Ingestion], { description: 'The ingestions of this page (the `node` of each edge).' }) nodes!: IngestionRecord[];
  @Field(() => Int, { description: TOTAL_COUNT_DESCRIPTION }) totalCount!: number;
  @Field(() => PageInfo, { description: 'Whether more pages follow or precede, and the cursors to get them.' }) pageInfo!: PageInfo;
}

@Resolver(() => KycSubject)
export class KycSubjectIngestionsResolver {
  @Authorized('ingestions:read')
  @FieldResolver(() => IngestionConnection, { description: 'Ingestions created for this user (`userId`), newest first.' })
  async ingestions(
    @Root() subject: KycSubject,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Args(() => SubjectPageArgs) args: SubjectPageArgs,
  ) {
    return connection<IngestionRecord>(
      ctx.services.store,
      'ingestion',
      { tenant: ctx.tenant, subjectId: subject.id },
      pageQuery(args, 50, info),
      async (items) => {
        const fresh = await loadAll(ctx.loaders.refreshedIngestion, items);
        for (const i of fresh) ctx.loaders.ingestion.prime(i.id, i);
        return fresh;
      },
    );
  }
}

@Resolver(() => IngestionConnection)
export class IngestionConnectionResolver {
  @FieldResolver(() => Int, { description: TOTAL_COUNT_DESCRIPTION })
  totalCount(@Root() c: ConnectionValue<unknown>): Promise<number> {
    return c.count();
  }
}
