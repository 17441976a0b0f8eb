// Upvest in GraphQL: one create mutation per check type (inputs mirror the seed's request
// bodies in camelCase, validated with every documented rule before any call), and
// recordVerificationAsKycCheck, which records an approved Verification of any provider as a KYC check.
import { HeaderSafe } from '../../schema/input-bounds.js';
import { IsOptional, Matches, MaxLength, MinLength, Validate, ValidateNested, type ValidationArguments, ValidatorConstraint, type ValidatorConstraintInterface } from 'class-validator';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';
import type { ConfirmedAddress } from '../../domain/check.js';
import { badUserInput, notFound } from '../../errors.js';
import { InstrumentFitCheck, KycCheck, KycDocumentType, KycMethod, ProofOfResidencyCheck, ProofOfResidencyDocumentType, USER_ID } from '../../schema/check.js';
import { DateTime } from '../../schema/scalars.js';
import type { RequestContext } from '../../schema/context.js';
import { idempotencyUuid } from './client.js';
import type { UpvestAdapter } from './index.js';
import { kycFromVerification, toUpvestAddress, type UpvestCheckCreate, upvestDateTime } from './mapper.js';

const COUNTRY = /^[A-Z]{2}$/;
const POSTCODE = /^[a-zA-Z0-9\s-]{1,10}$/;
const HTTP_URL = /^https?:\/\/[^\s]+$/;
const PO_BOX = /\b(p\.?\s*o\.?\s*box|postfach|c\/o|care of)\b/i;
/** A completion time a little ahead of our clock is tolerated (clock skew). */
const FUTURE_SKEW_MS = 5 * 60_000;

const monthsAgo = (months: number, from = new Date()) => {
  const d = new Date(from);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
};
const isDate = (s: unknown): s is string => typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

@ValidatorConstraint({ name: 'completedAt' })
class CompletedAt implements ValidatorConstraintInterface {
  // args.constraints[0]: maximum age in months (seed: KYC "Must not be older than 24 months"), 0 = none
  validate(value: unknown, args: ValidationArguments) {
    if (!(value instanceof Date) || Number.isNaN(value.getTime())) return false;
    if (value.getTime() > Date.now() + FUTURE_SKEW_MS) return false;
    const months = args.constraints[0] as number;
    return !months || value >= monthsAgo(months);
  }
  defaultMessage(args: ValidationArguments) {
    const months = args.constraints[0] as number;
    return months ? `must not be in the future nor older than ${months} months` : 'must not be in the future';
  }
}

@ValidatorConstraint({ name: 'calendarDate' })
class CalendarDate implements ValidatorConstraintInterface {
  validate(value: unknown) {
    return isDate(value);
  }
  defaultMessage() {
    return 'must be a date YYYY-MM-DD';
  }
}

@ValidatorConstraint({ name: 'notPoBox' })
class NotPoBox implements ValidatorConstraintInterface {
  validate(value: unknown) {
    return value == null || (typeof value === 'string' && !PO_BOX.test(value));
  }
  defaultMessage() {
    return 'must not be a P.O. box or c/o address';
  }
}

@ValidatorConstraint({ name: 'livenessOutsideGermany' })
class LivenessOutsideGermany implements ValidatorConstraintInterface {
  // seed: LIVENESS_PHOTO_ID "(residence country must not be Germany in this case)"
  validate(value: unknown, args: ValidationArguments) {
    const country = (args.object as { confirmedAddress?: { country?: string } | null }).confirmedAddress?.country;
    return !(value === 'LIVENESS_PHOTO_ID' && country === 'DE');
  }
  defaultMessage() {
    return 'LIVENESS_PHOTO_ID is not allowed when the residence country (confirmedAddress.country) is DE';
  }
}

@ValidatorConstraint({ name: 'porDocumentAge' })
class PorDocumentAge implements ValidatorConstraintInterface {
  // seed: bills and bank statements at most 12 months old; a registration certificate issued within 5 years
  validate(value: unknown, args: ValidationArguments) {
    if (!isDate(value)) return true; // CalendarDate reports it
    const o = args.object as CreateProofOfResidencyCheckInput;
    const at = o.checkConfirmedAt instanceof Date ? o.checkConfirmedAt : new Date();
    const issued = new Date(`${value}T00:00:00Z`);
    if (issued.getTime() > at.getTime()) return false;
    if (['UTILITY_BILL', 'TELEPHONE_BILL', 'INTERNET_BILL', 'BANK_STATEMENT'].includes(o.documentType)) return issued >= monthsAgo(12, at);
    if (o.documentType === 'REGISTRATION_CERT') return issued >= monthsAgo(60, at);
    return true;
  }
  defaultMessage(args: ValidationArguments) {
    const o = args.object as CreateProofOfResidencyCheckInput;
    if (o.documentType === 'REGISTRATION_CERT') return 'must be within 5 years before checkConfirmedAt for a REGISTRATION_CERT';
    if (['RESIDENCE_PERMIT', 'ID_CARD'].includes(o.documentType)) return 'must not be after checkConfirmedAt';
    return `must be within 12 months before checkConfirmedAt for a ${o.documentType}`;
  }
}

@InputType({ description: 'Confirmed address (Upvest `confirmed_address`). Must not be a P.O. box or c/o address.' })
export class ConfirmedAddressInput {
  @MinLength(1)
  @MaxLength(100)
  @Validate(NotPoBox)
  @Field(() => String, { description: 'First address line, 1 to 100 characters.' })
  addressLine1!: string;

  @IsOptional()
  @MaxLength(100)
  @Validate(NotPoBox)
  @Field(() => String, { nullable: true, description: 'Second address line, at most 100 characters.' })
  addressLine2?: string | null;

  @Matches(POSTCODE, { message: 'must be 1 to 10 letters, digits, spaces or hyphens' })
  @Field(() => String, { description: 'Postal code: 1 to 10 letters, digits, spaces or hyphens.' })
  postcode!: string;

  @MinLength(1)
  @MaxLength(85)
  @Field(() => String, { description: 'City, 1 to 85 characters.' })
  city!: string;

  @IsOptional()
  @MaxLength(50)
  @Field(() => String, { nullable: true, description: 'State, province or county, at most 50 characters.' })
  state?: string | null;

  @Matches(COUNTRY, { message: 'must be an ISO 3166-1 alpha-2 code in capitals, e.g. DE' })
  @Field(() => String, { description: 'Country, ISO 3166-1 alpha-2 in capitals, e.g. DE.' })
  country!: string;
}

@InputType({ description: 'Outcome of the suitability assessment (Upvest `instrument_suitability`).' })
export class InstrumentSuitabilityInput {
  @Field(() => Boolean, { description: 'True when the user went through a suitability assessment and the outcome indicated suitability.' })
  suitability!: boolean;
}


@InputType('CheckInputBase', { description: 'Fields every check input has (never used on its own).' })
abstract class CheckInputBase {
  @Matches(USER_ID, { message: 'must be a UUID' })
  @Field(() => ID, { description: 'The Upvest user the check is recorded for (a UUID).' })
  userId!: string;

  @IsOptional()
  @MinLength(1)
  @MaxLength(255)
  @HeaderSafe()
  @Field(() => String, { nullable: true, description: 'Send the same key when retrying: the first result is returned and no second check is recorded (kept 24 h). Also sent to Upvest as `idempotency-key`.' })
  idempotencyKey?: string | null;
}

@InputType({ description: "Records a KYC check. Fields mirror Upvest's KYC create request; `userId` and `idempotencyKey` are kyc-graph's." })
export class CreateKycCheckInput extends CheckInputBase {
  @Validate(CompletedAt, [24])
  @Field(() => DateTime, { description: 'When the KYC process was completed. Must not be older than 24 months.' })
  checkConfirmedAt!: Date;

  @Matches(HTTP_URL, { message: 'must be an http(s) URL' })
  @MaxLength(1000)
  @Field(() => String, { description: 'Download URL of the KYC evidence file (at most 1000 characters; the file at most 200 MB).' })
  dataDownloadLink!: string;

  @Field(() => KycDocumentType, { description: 'Identity document used.' })
  documentType!: keyof typeof KycDocumentType;

  @Validate(CalendarDate)
  @Field(() => String, { description: 'Expiry date of that document, YYYY-MM-DD.' })
  documentExpirationDate!: string;

  @Matches(COUNTRY, { message: 'must be an ISO 3166-1 alpha-2 code in capitals, e.g. DE' })
  @Field(() => String, { description: 'Issuing country of the document, ISO 3166-1 alpha-2 in capitals.' })
  nationality!: string;

  @MinLength(1)
  @MaxLength(100)
  @Field(() => String, { description: 'The KYC provider that performed the identification, 1 to 100 characters (e.g. IDNOW).' })
  provider!: string;

  @Validate(LivenessOutsideGermany)
  @Field(() => KycMethod, { description: 'How the user was identified. LIVENESS_PHOTO_ID is refused when `confirmedAddress.country` is DE.' })
  method!: keyof typeof KycMethod;

  @IsOptional()
  @ValidateNested()
  @Field(() => ConfirmedAddressInput, { nullable: true, description: 'Address confirmed by the KYC process.' })
  confirmedAddress?: ConfirmedAddressInput | null;

  @Field(() => Boolean, { nullable: true, description: 'True when this refreshes an earlier KYC record rather than being the first one.' })
  kycUpdate?: boolean | null;
}

@InputType({ description: "Records a proof-of-residency check. Fields mirror Upvest's POR create request." })
export class CreateProofOfResidencyCheckInput extends CheckInputBase {
  @Validate(CompletedAt, [0])
  @Field(() => DateTime, { description: 'When the proof of residency was checked.' })
  checkConfirmedAt!: Date;

  @Validate(CalendarDate)
  @Validate(PorDocumentAge)
  @Field(() => String, { description: 'Issuance date of the document, YYYY-MM-DD. Bills and bank statements: within 12 months before `checkConfirmedAt`; REGISTRATION_CERT: within 5 years.' })
  issuanceDate!: string;

  @Matches(HTTP_URL, { message: 'must be an http(s) URL' })
  @MaxLength(1000)
  @Field(() => String, { description: 'Download URL of the evidence file (at most 1000 characters; the file at most 200 MB).' })
  dataDownloadLink!: string;

  @Field(() => ProofOfResidencyDocumentType, { description: 'Document used.' })
  documentType!: keyof typeof ProofOfResidencyDocumentType;

  @ValidateNested()
  @Field(() => ConfirmedAddressInput, { description: 'The confirmed residence address.' })
  confirmedAddress!: ConfirmedAddressInput;
}

@InputType({ description: "Records an instrument-fit check. Fields mirror Upvest's INSTRUMENT_FIT create request." })
export class CreateInstrumentFitCheckInput extends CheckInputBase {
  @Validate(CompletedAt, [0])
  @Field(() => DateTime, { description: 'When the questionnaire was completed.' })
  checkConfirmedAt!: Date;

  @ValidateNested()
  @Field(() => InstrumentSuitabilityInput, { description: 'Outcome of the suitability assessment.' })
  instrumentSuitability!: InstrumentSuitabilityInput;
}

@ArgsType()
class RecordVerificationAsKycCheckArgs {
  @MinLength(1)
  @Field(() => ID, { description: 'An APPROVED Verification (any provider) whose document becomes the KYC record.' })
  verificationId!: string;

  @Matches(USER_ID, { message: 'must be a UUID' })
  @Field(() => ID, { description: 'The Upvest user to record the check for (a UUID).' })
  userId!: string;

  @Matches(HTTP_URL, { message: 'must be an http(s) URL' })
  @MaxLength(1000)
  @Field(() => String, { description: 'Download URL of the KYC evidence file you export from the verification provider (at most 1000 characters).' })
  dataDownloadLink!: string;

  @Field(() => KycMethod, { nullable: true, description: 'How the user was identified. Default: LIVENESS_PHOTO_ID when the verification has a face scan; required otherwise.' })
  method?: keyof typeof KycMethod | null;

  @IsOptional()
  @ValidateNested()
  @Field(() => ConfirmedAddressInput, { nullable: true, description: 'Residence address confirmed during the verification.' })
  confirmedAddress?: ConfirmedAddressInput | null;

  @Field(() => Boolean, { nullable: true, description: 'True when this refreshes an earlier KYC record.' })
  kycUpdate?: boolean | null;

  @IsOptional()
  @MinLength(1)
  @MaxLength(255)
  @HeaderSafe()
  @Field(() => String, { nullable: true, description: 'Send the same key when retrying: the first result is returned and no second check is recorded.' })
  idempotencyKey?: string | null;
}

const address = (a: ConfirmedAddressInput): ConfirmedAddress => ({
  addressLine1: a.addressLine1,
  addressLine2: a.addressLine2 ?? null,
  postcode: a.postcode,
  city: a.city,
  state: a.state ?? null,
  country: a.country,
});

/** The Upvest request body for a validated input (kyc-graph's own fields removed). */
export function toCreateRequest(
  input: CreateKycCheckInput | CreateProofOfResidencyCheckInput | CreateInstrumentFitCheckInput,
  type: UpvestCheckCreate['type'],
): UpvestCheckCreate {
  const at = upvestDateTime(input.checkConfirmedAt);
  switch (type) {
    case 'KYC': {
      const i = input as CreateKycCheckInput;
      return {
        type,
        check_confirmed_at: at,
        data_download_link: i.dataDownloadLink,
        document_type: i.documentType,
        document_expiration_date: i.documentExpirationDate,
        nationality: i.nationality,
        provider: i.provider,
        method: i.method,
        ...(i.confirmedAddress ? { confirmed_address: toUpvestAddress(address(i.confirmedAddress)) } : {}),
        ...(i.kycUpdate != null ? { kyc_update: i.kycUpdate } : {}),
      };
    }
    case 'POR': {
      const i = input as CreateProofOfResidencyCheckInput;
      return {
        type,
        check_confirmed_at: at,
        issuance_date: i.issuanceDate,
        data_download_link: i.dataDownloadLink,
        document_type: i.documentType,
        confirmed_address: toUpvestAddress(address(i.confirmedAddress)),
      };
    }
    case 'INSTRUMENT_FIT':
      return { type, check_confirmed_at: at, instrument_suitability: { suitability: (input as CreateInstrumentFitCheckInput).instrumentSuitability.suitability } };
  }
}

@Resolver()
export class UpvestResolver {
  private create(ctx: RequestContext, operation: string, userId: string, idempotencyKey: string | null | undefined, body: UpvestCheckCreate) {
    const adapter = ctx.services.adapters.get('UPVEST') as UpvestAdapter;
    return ctx.services.checks.create({
      provider: 'UPVEST',
      operation,
      tenant: ctx.tenant,
      idempotencyKey: idempotencyKey ?? null,
      input: { userId, body },
      // our key is scoped per tenant and operation; Upvest's per client and must be a UUID: a
      // name-based UUID of the three, so every retry of this request sends the same one
      create: () => adapter.createCheck(userId, body, idempotencyKey ? idempotencyUuid(ctx.tenant, operation, idempotencyKey) : undefined),
    });
  }

  @Authorized('checks:write')
  @Mutation(() => KycCheck, { description: 'Records a KYC check for an Upvest user. It starts IN_PROGRESS; PASSED or FAILED arrives on `checkUpdated`.' })
  createKycCheck(@Arg('input', () => CreateKycCheckInput, { description: 'The check to record.' }) input: CreateKycCheckInput, @Ctx() ctx: RequestContext) {
    return this.create(ctx, 'createKycCheck', input.userId, input.idempotencyKey, toCreateRequest(input, 'KYC'));
  }

  @Authorized('checks:write')
  @Mutation(() => ProofOfResidencyCheck, { description: 'Records a proof-of-residency check for an Upvest user. It starts IN_PROGRESS; the outcome arrives on `checkUpdated`.' })
  createProofOfResidencyCheck(@Arg('input', () => CreateProofOfResidencyCheckInput, { description: 'The check to record.' }) input: CreateProofOfResidencyCheckInput, @Ctx() ctx: RequestContext) {
    return this.create(ctx, 'createProofOfResidencyCheck', input.userId, input.idempotencyKey, toCreateRequest(input, 'POR'));
  }

  @Authorized('checks:write')
  @Mutation(() => InstrumentFitCheck, { description: 'Records the outcome of the suitability questionnaire for an Upvest user.' })
  createInstrumentFitCheck(@Arg('input', () => CreateInstrumentFitCheckInput, { description: 'The check to record.' }) input: CreateInstrumentFitCheckInput, @Ctx() ctx: RequestContext) {
    return this.create(ctx, 'createInstrumentFitCheck', input.userId, input.idempotencyKey, toCreateRequest(input, 'INSTRUMENT_FIT'));
  }

  @Authorized('checks:write')
  @Mutation(() => KycCheck, { description: 'Records an APPROVED Verification (from any verification provider) as an Upvest KYC check: document type, expiry, issuing country, provider and method are taken from it. Refuses a verification that is not APPROVED.' })
  async recordVerificationAsKycCheck(@Args(() => RecordVerificationAsKycCheckArgs) args: RecordVerificationAsKycCheckArgs, @Ctx() ctx: RequestContext) {
    const v = await ctx.loaders.verification.load(args.verificationId);
    if (!v) throw notFound('Verification', args.verificationId);
    const mapped = kycFromVerification(v, {
      dataDownloadLink: args.dataDownloadLink,
      method: args.method ?? null,
      confirmedAddress: args.confirmedAddress ? address(args.confirmedAddress) : null,
      kycUpdate: args.kycUpdate ?? null,
    });
    if ('field' in mapped) throw badUserInput(mapped.field, mapped.message);
    return this.create(ctx, 'recordVerificationAsKycCheck', args.userId, args.idempotencyKey, mapped.body);
  }
}
