// The unified Check interface and its four types, their queries, KycSubject.checks and the
// checkUpdated subscription.
import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, InterfaceType, ObjectType, Query, Resolver, Root, Subscription, registerEnumType } from 'type-graphql';
import {
  CHECK_STATUSES,
  CHECK_TYPES,
  type Check as CheckValue,
  type CheckChange,
  type CheckStatus as CheckStatusValue,
  type CheckType as CheckTypeValue,
  KYC_DOCUMENT_TYPES,
  KYC_METHODS,
  POR_DOCUMENT_TYPES,
} from '../domain/check.js';
import { badUserInput } from '../errors.js';
import type { BusEvent } from '../events/contract.js';
import { requireScope } from './auth.js';
import type { RequestContext } from './context.js';
import { DateTime } from './scalars.js';
import { KycSubject } from './subject.js';

const enumObject = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

/** User ids of checks are UUIDs (the check provider's user id). */
export const USER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const CheckType = enumObject(CHECK_TYPES);
registerEnumType(CheckType, {
  name: 'CheckType',
  description: 'What a check establishes about a user.',
  valuesConfig: {
    KYC: { description: 'Know your customer: the identity was verified (document, method, provider). Type `KycCheck`.' },
    POR: { description: 'Proof of residency: a document shows where the user lives. Type `ProofOfResidencyCheck`.' },
    INSTRUMENT_FIT: { description: 'Appropriateness / suitability questionnaire outcome. Type `InstrumentFitCheck`.' },
    COMPLIANCE: { description: 'A compliance check. Type `ComplianceCheck`.' },
  },
});

export const CheckStatus = enumObject(CHECK_STATUSES);
registerEnumType(CheckStatus, {
  name: 'CheckStatus',
  description: 'Where a check stands.',
  valuesConfig: {
    IN_PROGRESS: { description: 'Recorded; the provider is still processing it. Wait for `checkUpdated`.' },
    PASSED: { description: 'Final: the check passed.' },
    FAILED: { description: 'Final: the check failed; record a new one with corrected data.' },
  },
});

export const KycDocumentType = enumObject(KYC_DOCUMENT_TYPES);
registerEnumType(KycDocumentType, {
  name: 'KycDocumentType',
  description: 'Identity document used in a KYC check.',
  valuesConfig: {
    PASSPORT: { description: 'Passport.' },
    ID_CARD: { description: 'National identification document.' },
    RESIDENCE_PERMIT: { description: 'Residence permit.' },
  },
});

export const KycMethod = enumObject(KYC_METHODS);
registerEnumType(KycMethod, {
  name: 'KycMethod',
  description: 'How the AML-compliant identification was done.',
  valuesConfig: {
    VIDEO_ID: { description: 'Video identification.' },
    IN_PERSON_ID: { description: "In-person identification at the post office or the client's outlet." },
    ELECTRONIC_ID: { description: 'Advanced electronic identification (namely the German eID).' },
    LIVENESS_PHOTO_ID: { description: 'Photos and security features of the document plus a video liveness check. Not allowed when the residence country is DE.' },
  },
});

export const ProofOfResidencyDocumentType = enumObject(POR_DOCUMENT_TYPES);
registerEnumType(ProofOfResidencyDocumentType, {
  name: 'ProofOfResidencyDocumentType',
  description: 'Document used as proof of residency. Bills and bank statements may be at most 12 months old; a registration certificate at most 5 years; permits and ID cards must still be valid.',
  valuesConfig: {
    UTILITY_BILL: { description: 'Water, gas or electricity bill (at most 12 months old).' },
    TELEPHONE_BILL: { description: 'Landline telephone bill (at most 12 months old).' },
    INTERNET_BILL: { description: 'Internet bill (at most 12 months old).' },
    BANK_STATEMENT: { description: 'Bank account statement (at most 12 months old).' },
    REGISTRATION_CERT: { description: 'Registration certificate (issued within the past 5 years).' },
    RESIDENCE_PERMIT: { description: 'Residence permit, e.g. Blue Card (while valid).' },
    ID_CARD: { description: 'ID card that contains the registration address (while valid).' },
  },
});

@ObjectType({ description: 'An address confirmed by a check. Never a P.O. box or c/o address.' })
export class ConfirmedAddress {
  @Field(() => String, { description: 'First address line.' }) addressLine1!: string;
  @Field(() => String, { nullable: true, description: 'Second address line.' }) addressLine2!: string | null;
  @Field(() => String, { description: 'Postal code (postcode, PIN or ZIP code).' }) postcode!: string;
  @Field(() => String, { description: 'City.' }) city!: string;
  @Field(() => String, { nullable: true, description: 'State, province or county.' }) state!: string | null;
  @Field(() => String, { description: 'Country, ISO 3166-1 alpha-2.' }) country!: string;
}

@ObjectType({ description: 'Outcome of the suitability assessment.' })
export class InstrumentSuitability {
  @Field(() => Boolean, { description: 'True when the user went through a suitability assessment and the outcome indicated suitability.' }) suitability!: boolean;
}

const TYPE_NAMES: Record<CheckTypeValue, string> = {
  KYC: 'KycCheck',
  POR: 'ProofOfResidencyCheck',
  INSTRUMENT_FIT: 'InstrumentFitCheck',
  COMPLIANCE: 'ComplianceCheck',
};

/** The concrete type's name of a check (synchronous: graphql-jit does not await a type resolver). */
export const checkTypeName = (value: { type: CheckTypeValue }) => TYPE_NAMES[value.type];

@InterfaceType('Check', {
  description: 'A check recorded for a user at the check provider. Select type-specific fields with `... on KycCheck { … }`.',
  resolveType: checkTypeName,
})
export abstract class Check {
  @Field(() => ID, { description: "The provider's check id. Use it with `check(userId, id)`." }) id!: string;
  @Field(() => ID, { description: 'The user the check belongs to (the provider user id, a UUID).' }) userId!: string;
  @Field(() => CheckType, { description: 'What kind of check this is; tells which concrete type it is.' }) type!: CheckTypeValue;
  @Field(() => CheckStatus, { description: 'Where the check stands; changes arrive on `checkUpdated`.' }) status!: CheckStatusValue;
  @Field(() => DateTime, { nullable: true, description: 'When the check was completed (`checkConfirmedAt` at creation).' }) confirmedAt!: string | null;
}

@ObjectType({ implements: Check, description: 'A KYC check: the identity of the user was verified with a document, a method and a KYC provider.' })
export class KycCheck extends Check {
  @Field(() => String, { nullable: true, description: 'Download URL of the KYC evidence file (at most 200 MB).' }) dataDownloadLink!: string | null;
  @Field(() => KycDocumentType, { nullable: true, description: 'Identity document used.' }) documentType!: string | null;
  @Field(() => String, { nullable: true, description: 'Expiry date of that document, YYYY-MM-DD.' }) documentExpirationDate!: string | null;
  @Field(() => String, { nullable: true, description: 'Issuing country of the document, ISO 3166-1 alpha-2.' }) nationality!: string | null;
  @Field(() => String, { nullable: true, description: 'The KYC provider that performed the identification (free text, e.g. IDNOW).' }) provider!: string | null;
  @Field(() => KycMethod, { nullable: true, description: 'How the identification was done.' }) method!: string | null;
  @Field(() => ConfirmedAddress, { nullable: true, description: 'Address confirmed by the KYC process, when one was given.' }) confirmedAddress!: ConfirmedAddress | null;
  @Field(() => Boolean, { nullable: true, description: 'True when this check refreshes an earlier KYC record rather than being the first one.' }) kycUpdate!: boolean | null;
}

@ObjectType({ implements: Check, description: 'A proof-of-residency check: a document shows the address the user lives at.' })
export class ProofOfResidencyCheck extends Check {
  @Field(() => String, { nullable: true, description: 'Issuance date of the document, YYYY-MM-DD.' }) issuanceDate!: string | null;
  @Field(() => String, { nullable: true, description: 'Download URL of the evidence file (at most 200 MB).' }) dataDownloadLink!: string | null;
  @Field(() => ProofOfResidencyDocumentType, { nullable: true, description: 'Document used.' }) documentType!: string | null;
  @Field(() => ConfirmedAddress, { nullable: true, description: 'The confirmed residence address.' }) confirmedAddress!: ConfirmedAddress | null;
}

@ObjectType({ implements: Check, description: "An instrument-fit check: the user's answers to the appropriateness or suitability questionnaire." })
export class InstrumentFitCheck extends Check {
  @Field(() => InstrumentSuitability, { nullable: true, description: 'Outcome of the suitability assessment.' }) instrumentSuitability!: InstrumentSuitability | null;
}

@ObjectType({ implements: Check, description: 'A compliance check.' })
export class ComplianceCheck extends Check {}

@ObjectType({ description: 'A change to a check, as delivered by `checkUpdated`.' })
export class CheckEvent {
  @Field(() => String, { description: 'Position of this event in the event log; pass it as `after` to resume.' }) cursor!: string;
  @Field(() => DateTime, { description: 'When the change was recorded.' }) at!: string;
  @Field(() => Check, { description: 'The check as it was right after this change.' }) check!: CheckValue;
}

export const toCheckEvent = (e: BusEvent<CheckChange>): CheckEvent => ({ cursor: e.cursor, at: e.at, check: e.payload.check });

@ArgsType()
export class CheckUpdatedArgs {
  @Field(() => ID, { nullable: true, description: "Only this user's checks; works before the user has any." }) userId?: string | null;
  @Field(() => String, { nullable: true, description: 'Resume after this `cursor` of an earlier event (nothing lost in between).' }) after?: string | null;
}

/** Always through the per-request loader, so every user's list is fetched once per request. */
const checksOf = (ctx: RequestContext, userId: string): Promise<CheckValue[]> => ctx.loaders.checksByUser.load(userId);

@Resolver(() => Check)
export class CheckResolver {
  @Authorized('checks:read')
  @Query(() => [Check], { description: "Every check of a user, straight from the check provider (one provider call per user per request)." })
  async checks(@Arg('userId', () => ID, { description: 'The user (a UUID).' }) userId: string, @Ctx() ctx: RequestContext) {
    if (!USER_ID.test(userId)) throw badUserInput('userId', 'must be a UUID');
    return checksOf(ctx, userId);
  }

  @Authorized('checks:read')
  @Query(() => Check, { nullable: true, description: "One check of a user; null when the user has no check with this id. Served from the user's check list, so asking for `checks` and `check` of one user costs one provider call." })
  async check(
    @Arg('userId', () => ID, { description: 'The user (a UUID).' }) userId: string,
    @Arg('id', () => ID, { description: 'The check id.' }) id: string,
    @Ctx() ctx: RequestContext,
  ) {
    if (!USER_ID.test(userId)) throw badUserInput('userId', 'must be a UUID');
    return (await checksOf(ctx, userId)).find((c) => c.id === id) ?? null;
  }

  @Subscription(() => CheckEvent, {
    description: 'Changes to checks recorded through this API (creation included), optionally for one user. Each event carries the check as it was right after the change.',
    subscribe: ({ args, context }) => {
      const ctx = context as RequestContext;
      const a = args as CheckUpdatedArgs;
      requireScope(ctx.principal, 'checks:read');
      return ctx.services.checks.subscribe(ctx.tenant, { userId: a.userId }, a.after);
    },
  })
  checkUpdated(@Root() event: BusEvent<CheckChange>, @Args(() => CheckUpdatedArgs) _args: CheckUpdatedArgs): CheckEvent {
    return toCheckEvent(event);
  }
}

@Resolver(() => KycSubject)
export class KycSubjectChecksResolver {
  @Authorized('checks:read')
  @FieldResolver(() => [Check], { description: "The subject's checks at the check provider. Empty when the subject id is not a UUID (no provider user can have it)." })
  async checks(@Root() subject: KycSubject, @Ctx() ctx: RequestContext) {
    if (!USER_ID.test(subject.id)) return [];
    return checksOf(ctx, subject.id);
  }
}
