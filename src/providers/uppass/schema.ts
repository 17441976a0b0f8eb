// UpPass in GraphQL: the start and resend mutations (input mirrors Create Form: form_slug, lang,
// answers), and the UpPassDetails member of VerificationDetails.
import { jsonBoundsProblem, NoControlChars } from '../../schema/input-bounds.js';
import { IsObject, IsOptional, Matches, MaxLength, MinLength, Validate, type ValidationArguments, type ValidatorConstraintInterface, ValidatorConstraint } from 'class-validator';
import { Arg, Authorized, Ctx, Field, Float, ID, InputType, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import { parseVerificationId } from '../../domain/verification.js';
import { badUserInput, notFound } from '../../errors.js';
import { registerDetailsType } from '../../schema/details.js';
import { DateTime, JSON as JSONScalar } from '../../schema/scalars.js';
import { Verification } from '../../schema/verification.js';
import type { RequestContext } from '../../schema/context.js';
import type { UpPassAdapter } from './index.js';

/** Slug characters UpPass uses in form urls. */
const SLUG = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
/** An ISO 639-1 code, optionally with a region (the `{lang}` url prefix). */
const LANG = /^[a-z]{2}(-[a-z]{2,4})?$/;
const ANSWER_KEY = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
const MAX_ANSWERS_BYTES = 64 * 1024;
const MAX_ANSWERS = 200;

/** What is wrong with `answers`, or null. */
function answersProblem(value: unknown): string | null {
  if (value === undefined || value === null || typeof value !== 'object') return null; // IsObject reports non-objects
  const bounds = jsonBoundsProblem(value); // before anything stringifies it (depth)
  if (bounds) return bounds;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > MAX_ANSWERS) return `must have at most ${MAX_ANSWERS} keys`;
  for (const [k] of entries) {
    if (k.length > 100 || !ANSWER_KEY.test(k)) return `key ${JSON.stringify(k.slice(0, 100))} must be a question key (letters, digits, _ . -; at most 100)`;
  }
  const text = JSON.stringify(value);
  if (text.includes('\\u0000')) return 'must not contain null bytes';
  if (Buffer.byteLength(text) > MAX_ANSWERS_BYTES) return `must be at most ${MAX_ANSWERS_BYTES} bytes as JSON`;
  const doc = (value as Record<string, unknown>).ekyc_document_type;
  if (doc !== undefined && typeof doc !== 'string') return 'ekyc_document_type must be a string, e.g. "passport"';
  return null;
}

@ValidatorConstraint({ name: 'upPassAnswers' })
class UpPassAnswersRule implements ValidatorConstraintInterface {
  validate(value: unknown) {
    return answersProblem(value) === null;
  }
  defaultMessage(args?: ValidationArguments) {
    return answersProblem(args?.value) ?? 'is not valid';
  }
}

@InputType({ description: "Starts an UpPass application. Fields mirror UpPass's Create Form call (`form_slug`, `lang`, `answers`); `subjectId` and `idempotencyKey` are kyc-graph's." })
export class StartUpPassVerificationInput {
  @MinLength(1)
  @MaxLength(256)
  @NoControlChars()
  @Field(() => String, { description: 'Your user id; lets you list and subscribe by user (`verifications(filter: {subjectId})`).' })
  subjectId!: string;

  @MaxLength(100)
  @Matches(SLUG, { message: 'must be an UpPass flow slug (letters, digits, - and _)' })
  @Field(() => String, { description: 'The UpPass flow (form) to create an application of, as named in the UpPass portal, e.g. `kyc-onboarding`. The sandbox accepts any slug.' })
  formSlug!: string;

  @Matches(LANG, { message: 'must be a language code such as en or th' })
  @Field(() => String, { description: 'Language of the form the end user sees, e.g. `en` or `th` (the sandbox serves en and th; another language is refused by UpPass with NOT_FOUND).' })
  lang!: string;

  @IsOptional()
  @IsObject({ message: 'must be a JSON object' })
  @Validate(UpPassAnswersRule)
  @Field(() => JSONScalar, {
    nullable: true,
    description:
      'Predefined answers and input parameters, keyed by question key, e.g. `{"ekyc_document_type": "passport", "customer_id": "uuid_1"}`. Without `ekyc_document_type` UpPass asks for a national ID. At most 200 keys and 64 KiB.',
  })
  answers?: Record<string, unknown> | null;

  @IsOptional()
  @MinLength(1)
  @MaxLength(255)
  @Field(() => String, { nullable: true, description: 'Send the same key when retrying: the first result is returned and no second UpPass application is created (or paid for; kept 24 h).' })
  idempotencyKey?: string | null;
}

@ObjectType({ description: 'One answer of the UpPass form (a predefined answer or what the end user entered).' })
class UpPassAnswer {
  @Field(() => String, { description: 'The question key, as configured in the UpPass form builder.' }) questionKey!: string;
  @Field(() => JSONScalar, { nullable: true, description: 'The answer as UpPass returns it (usually a string).' }) value!: unknown;
  @Field(() => DateTime, { nullable: true, description: 'When the answer was first given.' }) createdAt!: string | null;
  @Field(() => DateTime, { nullable: true, description: 'When the answer last changed.' }) updatedAt!: string | null;
}

@ObjectType({ description: 'A frame captured during a liveness attempt.' })
class UpPassLivenessImage {
  @Field(() => String, { description: 'Image URL at UpPass (may need your UpPass session to open).' }) url!: string;
  @Field(() => String, { description: 'What the end user was asked to do, e.g. blink, turn_left.' }) action!: string;
}

@ObjectType({ description: 'One liveness (selfie video) attempt.' })
class UpPassLivenessAttempt {
  @Field(() => Int, { description: "UpPass's id of the attempt." }) id!: number;
  @Field(() => Int, { description: 'Attempt number, from 1.' }) attempt!: number;
  @Field(() => String, { description: 'Result of this attempt as UpPass names it, e.g. pass or fail.' }) status!: string;
  @Field(() => String, { nullable: true, description: 'Why the attempt failed, as UpPass words it.' }) message!: string | null;
  @Field(() => DateTime, { nullable: true, description: 'When the attempt was made.' }) createdAt!: string | null;
  @Field(() => [UpPassLivenessImage], { description: 'Frames captured during the attempt.' }) images!: UpPassLivenessImage[];
}

@ObjectType({ description: 'The liveness check of the eKYC step.' })
class UpPassLiveness {
  @Field(() => String, { nullable: true, description: 'URL of the liveness recording at UpPass.' }) url!: string | null;
  @Field(() => [UpPassLivenessAttempt], { description: 'Every attempt, oldest first; `attempts.length` is the number of tries.' }) attempts!: UpPassLivenessAttempt[];
}

@ObjectType({ description: 'Comparison of the selfie with the face on the identity document.' })
class UpPassFaceCompare {
  @Field(() => Float, { nullable: true, description: 'Similarity score as UpPass reports it (the sandbox uses 0–1; higher is more similar).' }) score!: number | null;
  @Field(() => String, { nullable: true, description: 'Result, e.g. pass, fail or need_review.' }) status!: string | null;
}

@ObjectType({ description: 'One capture of the identity document.' })
class UpPassDocumentAttempt {
  @Field(() => Int, { description: "UpPass's id of the attempt." }) id!: number;
  @Field(() => Int, { description: 'Attempt number, from 1.' }) attempt!: number;
  @Field(() => String, { description: 'Image URL at UpPass.' }) url!: string;
  @Field(() => String, { description: 'Document type captured, e.g. national_id or passport.' }) type!: string;
  @Field(() => String, { description: 'Result of this capture, e.g. pass or fail.' }) status!: string;
  @Field(() => String, { nullable: true, description: 'Why the capture failed, as UpPass words it.' }) message!: string | null;
  @Field(() => DateTime, { nullable: true, description: 'When the capture was made.' }) createdAt!: string | null;
}

@ObjectType({ description: 'The identity document step of the eKYC check.' })
class UpPassIdentityDocumentCheck {
  @Field(() => String, { nullable: true, description: 'Image URL of the accepted capture.' }) url!: string | null;
  @Field(() => String, { nullable: true, description: 'Document type, e.g. national_id or passport.' }) type!: string | null;
  @Field(() => String, { nullable: true, description: 'URL of the face cropped from the document.' }) faceImageUrl!: string | null;
  @Field(() => [UpPassDocumentAttempt], { description: 'Every capture, oldest first.' }) attempts!: UpPassDocumentAttempt[];
}

@ObjectType({ description: 'Summary of the bank statement step (the full statement stays at UpPass).' })
class UpPassBankStatementSummary {
  @Field(() => Int, { description: "UpPass's id of the bank statement." }) id!: number;
  @Field(() => Boolean, { nullable: true, description: 'True when every statement validation passed (`validation_pass`).' }) validationPass!: boolean | null;
  @Field(() => Int, { description: 'How many statement documents the end user uploaded.' }) documentCount!: number;
  @Field(() => JSONScalar, { nullable: true, description: 'The individual validations, e.g. `{"validation_transaction_min_month": true}`.' }) validation!: unknown;
  @Field(() => DateTime, { nullable: true, description: 'When UpPass analysed the statement.' }) createdAt!: string | null;
}

@ObjectType({ description: 'UpPass-specific fields of a verification: the application, its answers and the eKYC results.' })
export class UpPassDetails {
  @Field(() => String, { description: 'The UpPass flow (form slug) the application belongs to.' }) formSlug!: string;
  @Field(() => String, { nullable: true, description: 'Language the form was created in.' }) lang!: string | null;
  @Field(() => Int, { nullable: true, description: "UpPass's numeric application id; null until UpPass reported it." }) applicationId!: number | null;
  @Field(() => String, { nullable: true, description: "UpPass's application number as shown in its dashboard." }) applicationNo!: string | null;
  @Field(() => String, { nullable: true, description: 'Form step the end user is on (at creation).' }) step!: string | null;
  @Field(() => String, { nullable: true, description: 'Section of that step (at creation).' }) section!: string | null;
  @Field(() => DateTime, { nullable: true, description: 'When the end user submitted the form; null before.' }) submittedAt!: string | null;
  @Field(() => String, { nullable: true, description: 'Type of the last UpPass event received, e.g. submit_form, update_status, drop_off.' }) lastEventType!: string | null;
  @Field(() => String, { nullable: true, description: 'eKYC result (`other_status.ekyc`): pass, fail or need_review.' }) ekycStatus!: string | null;
  @Field(() => [UpPassAnswer], { description: 'Form answers, including the predefined answers you passed.' }) answers!: UpPassAnswer[];
  @Field(() => UpPassLiveness, { nullable: true, description: 'Liveness attempts; null until the end user did the liveness step.' }) liveness!: UpPassLiveness | null;
  @Field(() => UpPassFaceCompare, { nullable: true, description: 'Selfie-to-document face comparison; null until done.' }) faceCompare!: UpPassFaceCompare | null;
  @Field(() => UpPassIdentityDocumentCheck, { nullable: true, description: 'Identity document captures (`extra.ekyc.identity_document`); null until done. The unified `Verification.identityDocument` carries its type.' }) documentCheck!: UpPassIdentityDocumentCheck | null;
  @Field(() => UpPassBankStatementSummary, { nullable: true, description: 'Bank statement summary; null when the flow has no bank statement step.' }) bankStatement!: UpPassBankStatementSummary | null;
}
registerDetailsType(UpPassDetails);

@Resolver()
export class UpPassResolver {
  @Authorized('verifications:write')
  @Mutation(() => Verification, { description: 'Creates an UpPass application of a form and returns it with the `url` (UpPass `form_url`) to send the end user to. The result arrives by webhook on `verificationUpdated`.' })
  async startUpPassVerification(
    @Arg('input', () => StartUpPassVerificationInput, { description: 'The form to start, its language and predefined answers.' }) input: StartUpPassVerificationInput,
    @Ctx() ctx: RequestContext,
  ) {
    const adapter = ctx.services.adapters.get('UPPASS') as UpPassAdapter;
    const body = input.answers ? { answers: input.answers } : { answers: {} };
    return ctx.services.verifications.start({
      provider: 'UPPASS',
      operation: 'startUpPassVerification',
      tenant: ctx.tenant,
      subjectId: input.subjectId,
      idempotencyKey: input.idempotencyKey ?? null,
      input: { subjectId: input.subjectId, formSlug: input.formSlug, lang: input.lang, body },
      create: () => adapter.createForm(input.lang, input.formSlug, body),
    });
  }

  @Authorized('verifications:write')
  @Mutation(() => Boolean, {
    description:
      'Asks UpPass to send the webhook of an application again (e.g. after your endpoint was down). True once UpPass accepted; the update arrives on `verificationUpdated` if anything changed. UNVERIFIED against live UpPass: UpPass documents this call\'s parameters and answer but not its path; kyc-graph calls `POST /{lang}/api/forms/{formSlug}/applied-forms/{slug}/resend-webhook/`, which the sandbox serves. A live UpPass that does not know the path answers 404/405 (PROVIDER_REJECTED).',
  })
  async resendUpPassWebhook(@Arg('id', () => ID, { description: 'The id of an UpPass Verification.' }) id: string, @Ctx() ctx: RequestContext) {
    const parsed = parseVerificationId(id);
    if (!parsed) throw badUserInput('id', 'is not a Verification id');
    if (parsed.provider !== 'UPPASS') throw badUserInput('id', 'is not an UpPass verification');
    const record = await ctx.loaders.verification.load(id);
    if (!record) throw notFound('Verification', id);
    await (ctx.services.adapters.get('UPPASS') as UpPassAdapter).resendWebhook(record);
    return true;
  }
}
