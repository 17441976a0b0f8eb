// The unified Verification type, its queries and its subscription.
import { loadAll } from '../loaders/index.js';
import { Arg, Args, ArgsType, Authorized, Ctx, Directive, Field, FieldResolver, ID, Info, InputType, Int, ObjectType, Query, Resolver, Root, Subscription, registerEnumType } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { IsOptional, Max, Min } from 'class-validator';
import {
  PROVIDERS,
  type Provider as ProviderValue,
  VERIFICATION_STATUSES,
  type VerificationRecord,
  type VerificationStatus as VerificationStatusValue,
} from '../domain/verification.js';
import type { BusEvent } from '../events/contract.js';
import { requireScope } from './auth.js';
import type { RequestContext } from './context.js';
import type { VerificationChange } from '../services/verifications.js';
import { DateTime, JSON as JSONScalar } from './scalars.js';
import { VerificationDetails } from './details.js';
import { CountryCode, IdentityDocumentType, toCountryCode, toIdentityDocumentType } from './country.js';
import { type ConnectionValue, connection, PAGE_ARGS_DESCRIPTIONS, PageInfo, pageQuery, TOTAL_COUNT_DESCRIPTION } from './connection.js';

const enumObject = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const Provider = enumObject(PROVIDERS);
registerEnumType(Provider, {
  name: 'Provider',
  description: 'The KYC provider behind a verification, check or ingestion.',
  valuesConfig: {
    UPPASS: { description: 'UpPass hosted verification form; result by webhook.' },
    PAWAPASS: { description: 'pawaPass hosted document and face scan session.' },
    ARGOS: { description: 'Argos server-side ID upload with OCR, confirmed in a second step.' },
    UPVEST: { description: 'Upvest user checks (KYC, proof of residency, instrument fit, compliance).' },
    UPHOLD: { description: 'Uphold KYC Connector: ingests an approved Sumsub/Veriff verification.' },
  },
});

export const VerificationStatus = enumObject(VERIFICATION_STATUSES);
registerEnumType(VerificationStatus, {
  name: 'VerificationStatus',
  description: 'Where a verification stands, the same for every provider. The raw value is in `providerStatus`.',
  valuesConfig: {
    CREATED: { description: 'The session exists; the end user has not started. Show the `url` to the end user.' },
    IN_PROGRESS: { description: 'The end user is filling in or capturing (or Argos step 1 is done and step 2 is pending).' },
    IN_REVIEW: { description: 'The end user is done; the provider is processing or reviewing. Tell the user to wait.' },
    RETRY_REQUIRED: { description: 'The provider asks for a new attempt; `retriesLeft` says how many remain.' },
    APPROVED: { description: 'Final: the identity was verified.' },
    DECLINED: { description: 'Final: the provider refused; `reviewReason` says why when the provider tells.' },
    EXPIRED: { description: 'Final: the session ran out of time before it was completed. Start a new one.' },
  },
});

@ObjectType({ description: 'Identity document data the provider extracted. Null until the end user has captured a document.' })
export class IdentityDocument {
  @Field(() => IdentityDocumentType, { nullable: true, description: "Kind of document, the same for every provider; OTHER when it is none of the listed ones (then read `providerType`)." }) type!: string | null;
  @Field(() => String, { nullable: true, description: 'Document type exactly as the provider names it, e.g. NATIONAL_ID (pawaPass), GOVERNMENT_ID (Argos).' }) providerType!: string | null;
  @Field(() => String, { nullable: true, description: 'Issuing country, ISO 3166-1 alpha-2.' }) country!: string | null;
  @Field(() => String, { nullable: true, description: 'Document serial number.' }) serialNo!: string | null;
  @Field(() => String, { nullable: true, description: 'National identity number printed on the document.' }) nationalNo!: string | null;
  @Field(() => String, { nullable: true, description: 'Given name(s) on the document.' }) firstName!: string | null;
  @Field(() => String, { nullable: true, description: 'Family name on the document.' }) lastName!: string | null;
  @Field(() => String, { nullable: true, description: 'Date of birth, YYYY-MM-DD.' }) dateOfBirth!: string | null;
  @Field(() => String, { nullable: true, description: 'Place of birth.' }) placeOfBirth!: string | null;
  @Field(() => String, { nullable: true, description: 'Nationality, ISO 3166-1 alpha-2.' }) nationality!: string | null;
  @Field(() => String, { nullable: true, description: 'Document expiry date, YYYY-MM-DD.' }) expiryAt!: string | null;
  @Field(() => String, { nullable: true, description: 'Document issue date, YYYY-MM-DD.' }) issuedAt!: string | null;
  @Field(() => String, { nullable: true, description: 'Authority that issued the document.' }) issuingAuthority!: string | null;
  @Field(() => String, { nullable: true, description: 'Place where the document was issued.' }) placeOfIssue!: string | null;
  @Field(() => DateTime, { nullable: true, description: 'When the provider first extracted this data.' }) createdAt!: string | null;
  @Field(() => DateTime, { nullable: true, description: 'When the provider last changed this data (e.g. an agent correction).' }) updatedAt!: string | null;
}

@ObjectType({ description: 'Face scan result. Null until the end user has taken the selfie / liveness step.' })
export class FaceScan {
  @Field(() => String, { nullable: true, description: 'Estimated age band, e.g. OVER_18 (pawaPass values: UNDER_8 … OVER_30, UNKNOWN).' }) ageEstimation!: string | null;
  @Field(() => DateTime, { nullable: true, description: 'When the scan was recorded.' }) createdAt!: string | null;
  @Field(() => DateTime, { nullable: true, description: 'When the scan result last changed.' }) updatedAt!: string | null;
}

@ObjectType({ description: 'One status a verification went through.' })
export class VerificationStatusChange {
  @Field(() => VerificationStatus, { description: 'The unified status.' }) status!: VerificationStatusValue;
  @Field(() => String, { description: "The provider's raw status at that point." }) providerStatus!: string;
  @Field(() => DateTime, { description: 'When kyc-graph learned of it.' }) at!: string;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'An identity verification session at one provider, in one shape for all providers.' })
export class Verification {
  @Field(() => ID, { description: 'Opaque global id (encodes provider and provider reference). Use it with `verification(id)`.' }) id!: string;
  @Field(() => Provider, { description: 'Which provider runs this session.' }) provider!: ProviderValue;
  @Field(() => String, { description: "The provider's own id (pawaPass id, UpPass slug, Argos submissionId)." }) providerRef!: string;
  @Field(() => String, { description: 'Your user id, as given at creation (`subjectId`, any string; the same value is `KycSubject.id`).' }) subjectId!: string;
  @Field(() => String, { nullable: true, description: 'Your reference as sent to the provider (pawaPass `externalId`).' }) externalId!: string | null;
  @Field(() => VerificationStatus, { description: 'Unified status; drive your UI from this.' }) status!: VerificationStatusValue;
  @Field(() => String, { description: "The provider's raw status string (e.g. pawaPass USER_DATA_COLLECTED)." }) providerStatus!: string;
  @Field(() => String, { nullable: true, description: 'Where the end user completes the verification (redirect or open it). Null for server-side providers.' }) url!: string | null;
  @Field(() => CountryCode, { nullable: true, description: 'Country of the verification (ISO 3166-1 alpha-2, the codes the start inputs take), when known.' }) country!: string | null;
  @Field(() => String, { nullable: true, description: "The country exactly as the provider reported it; set even when it is no ISO 3166-1 code (then `country` is null)." }) providerCountry!: string | null;
  @Field(() => IdentityDocument, { nullable: true, description: 'Extracted document data; null until the document was captured.' }) identityDocument!: IdentityDocument | null;
  @Field(() => FaceScan, { nullable: true, description: 'Face scan result; null until the face scan was taken.' }) faceScan!: FaceScan | null;
  @Field(() => String, { nullable: true, description: 'Why the provider reviewed or declined (pawaPass CAPTURE_ISSUE, DOCUMENT_VALIDITY, IMAGE_QUALITY, GENERIC). Null when it gave none.' }) reviewReason!: string | null;
  @Field(() => Int, { nullable: true, description: 'Attempts left when status is RETRY_REQUIRED; null for providers without retries.' }) retriesLeft!: number | null;
  @Field(() => JSONScalar, { nullable: true, description: 'The metadata you attached at creation, as the provider returns it.' }) metadata!: unknown;
  @Field(() => VerificationDetails, { nullable: true, description: 'Provider-specific extras; select them with `... on PawaPassDetails { … }`.' }) details!: unknown;
  @Field(() => [VerificationStatusChange], { description: 'Every status this verification went through, oldest first.' }) history!: VerificationStatusChange[];
  @Field(() => DateTime, { description: 'When it was created through kyc-graph.' }) createdAt!: string;
  @Field(() => DateTime, { description: 'When anything about it last changed.' }) updatedAt!: string;
  @Field(() => DateTime, { nullable: true, description: 'When the provider will expire the session if it is not completed.' }) expiresAt!: string | null;
}

@InputType({ description: 'Narrows `verifications`. All given fields must match.' })
export class VerificationFilter {
  @Field(() => String, { nullable: true, description: 'Only verifications started for this user id.' }) subjectId?: string | null;
  @Field(() => Provider, { nullable: true, description: 'Only this provider.' }) provider?: ProviderValue | null;
  @Field(() => VerificationStatus, { nullable: true, description: 'Only verifications currently in this status.' }) status?: VerificationStatusValue | null;
  @Field(() => String, { nullable: true, description: 'Only verifications with this externalId.' }) externalId?: string | null;
}

@ObjectType({ description: 'A verification in a page of results.' })
export class VerificationEdge {
  @Field(() => String, { description: 'Opaque; pass as `after` to continue after this edge, or as `before` (with `last`) for the items before it.' }) cursor!: string;
  @Field(() => Verification, { description: 'The verification.' }) node!: VerificationRecord;
}

@ObjectType({ description: 'A page of verifications, newest first (Relay cursor connection).' })
export class VerificationConnection {
  @Field(() => [VerificationEdge], { description: 'The verifications of this page with their cursors.' }) edges!: VerificationEdge[];
  @Field(() => [Verification], { description: 'The verifications of this page (the `node` of each edge).' }) nodes!: VerificationRecord[];
  @Field(() => Int, { description: TOTAL_COUNT_DESCRIPTION }) totalCount!: number;
  @Field(() => PageInfo, { description: 'Whether more pages follow or precede, and the cursors to get them.' }) pageInfo!: PageInfo;
}

@ObjectType({ description: 'A change to a verification, as delivered by `verificationUpdated`.' })
export class VerificationEvent {
  @Field(() => String, { description: 'Position of this event in the event log.' }) cursor!: string;
  @Field(() => DateTime, { description: 'When the change was recorded.' }) at!: string;
  @Field(() => Verification, { description: 'The verification as it was right after this change.' }) verification!: VerificationRecord;
  @Field(() => VerificationStatus, { nullable: true, description: 'Status before this change; null when the event is the creation.' }) previousStatus!: VerificationStatusValue | null;
}

@ArgsType()
class VerificationsArgs {
  @Field(() => VerificationFilter, { nullable: true, description: 'What to include.' }) filter?: VerificationFilter | null;
  @IsOptional()
  @Min(1)
  @Max(100)
  @Field(() => Int, { nullable: true, defaultValue: 20, description: PAGE_ARGS_DESCRIPTIONS.first(20) })
  first!: number;
  @Field(() => String, { nullable: true, description: PAGE_ARGS_DESCRIPTIONS.after }) after?: string | null;
  @IsOptional()
  @Min(1)
  @Max(100)
  @Field(() => Int, { nullable: true, description: PAGE_ARGS_DESCRIPTIONS.last }) last?: number | null;
  @Field(() => String, { nullable: true, description: PAGE_ARGS_DESCRIPTIONS.before }) before?: string | null;
}

@ArgsType()
export class VerificationUpdatedArgs {
  @Field(() => ID, { nullable: true, description: 'Only this verification.' }) id?: string | null;
  @Field(() => String, { nullable: true, description: 'Only verifications of this user id; works before any verification exists.' }) subjectId?: string | null;
  @Field(() => Provider, { nullable: true, description: 'Only this provider.' }) provider?: ProviderValue | null;
  @Field(() => String, { nullable: true, description: "Resume: first replay the matching events recorded after this event `cursor` (kept 24 h), then continue live, with nothing lost or repeated. Pass the last `cursor` you received." }) after?: string | null;
}

/** The page's records with stale statuses refreshed (one batch per provider per tick), primed for `verification(id)`. */
export async function freshVerifications(ctx: RequestContext, items: VerificationRecord[]): Promise<VerificationRecord[]> {
  const fresh = await loadAll(ctx.loaders.refreshedVerification, items);
  for (const v of fresh) ctx.loaders.verification.prime(v.id, v);
  return fresh;
}

/** `verification(id)`: the scope checked synchronously, the record read through the request's loader. */
export function readVerification(ctx: RequestContext, id: string) {
  requireScope(ctx.principal, 'verifications:read');
  return ctx.loaders.verification.load(id);
}

export const toEvent = (e: BusEvent<VerificationChange>): VerificationEvent => ({
  cursor: e.cursor,
  at: e.at,
  verification: e.payload.verification,
  previousStatus: e.payload.previousStatus,
});

@Resolver(() => Verification)
export class VerificationResolver {
  // the scope is checked here, synchronously, rather than by @Authorized (type-graphql's auth
  // middleware chain is a few awaits per call): the hot read (issue 18); same error either way
  @Query(() => Verification, { nullable: true, description: 'One verification by id; null when there is none (for you).' })
  verification(@Arg('id', () => ID, { description: 'The `id` returned by a start mutation (opaque; not the provider reference).' }) id: string, @Ctx() ctx: RequestContext) {
    return readVerification(ctx, id);
  }

  @Authorized('verifications:read')
  @Query(() => VerificationConnection, { description: 'Verifications you created, newest first.' })
  async verifications(@Args(() => VerificationsArgs) args: VerificationsArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    const f = args.filter ?? {};
    const filtered = f.provider != null || f.status != null || f.externalId != null;
    return connection<VerificationRecord>(
      ctx.services.store,
      'verification',
      {
        tenant: ctx.tenant,
        subjectId: f.subjectId,
        where: filtered ? (v) => (f.provider == null || v.provider === f.provider) && (f.status == null || v.status === f.status) && (f.externalId == null || v.externalId === f.externalId) : undefined,
      },
      pageQuery(args, 20, info),
      (items) => freshVerifications(ctx, items),
    );
  }

  @FieldResolver(() => CountryCode, { nullable: true })
  country(@Root() v: VerificationRecord): string | null {
    return toCountryCode(v.country);
  }

  @FieldResolver(() => String, { nullable: true })
  providerCountry(@Root() v: VerificationRecord): string | null {
    return v.country;
  }

  @Subscription(() => VerificationEvent, {
    description: 'Changes to verifications (creation included), filtered by id, subjectId and/or provider. Each event carries the verification as it was right after the change.',
    subscribe: ({ args, context }) => {
      const ctx = context as RequestContext;
      requireScope(ctx.principal, 'verifications:read');
      return ctx.services.verifications.subscribe(ctx.tenant, args as VerificationUpdatedArgs);
    },
  })
  verificationUpdated(@Root() event: BusEvent<VerificationChange>, @Args(() => VerificationUpdatedArgs) _args: VerificationUpdatedArgs): VerificationEvent {
    return toEvent(event);
  }

}

@Resolver(() => IdentityDocument)
export class IdentityDocumentResolver {
  @FieldResolver(() => IdentityDocumentType, { nullable: true })
  type(@Root() doc: { type: string | null }): string | null {
    return toIdentityDocumentType(doc.type);
  }

  @FieldResolver(() => String, { nullable: true })
  providerType(@Root() doc: { type: string | null }): string | null {
    return doc.type;
  }
}

@Resolver(() => VerificationConnection)
export class VerificationConnectionResolver {
  @FieldResolver(() => Int, { description: TOTAL_COUNT_DESCRIPTION })
  totalCount(@Root() c: ConnectionValue<unknown>): Promise<number> {
    return c.count();
  }
}
