// Validates every input object with its class-validator rules before a resolver runs, and
// answers every failure at once: one BAD_USER_INPUT per invalid field, each naming the field path
// (e.g. `input.successUrl`). A resolver throws one error, so it carries the list in
// `extensions.fieldErrors` and the server answers one error per field (server/field-errors.ts).
import { type ValidationError, validate } from 'class-validator';
import type { ValidatorFn } from 'type-graphql';
import { badUserInput } from '../errors.js';

interface Failure {
  path: string[];
  message: string;
}

function failures(errors: ValidationError[], path: string[], out: Failure[] = []): Failure[] {
  for (const e of errors) {
    const here = [...path, e.property];
    // the first message of a field (its first broken rule); nested fields each report their own
    if (e.constraints) out.push({ path: here, message: Object.values(e.constraints)[0] });
    failures(e.children ?? [], here, out);
  }
  return out;
}

const joinPath = (parts: string[]) => parts.reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');

export const validateInput: ValidatorFn = async (value, _type, { args }) => {
  if (value === null || typeof value !== 'object') return;
  const items = Array.isArray(value) ? value : [value];
  const invalid: { field: string; message: string }[] = [];
  for (const item of items) {
    if (item === null || typeof item !== 'object') continue;
    for (const failure of failures(await validate(item, { forbidUnknownValues: false }), [])) {
      // an @ArgsType object fails on an argument itself; an input object fails inside its argument
      const top = failure.path[0];
      const owner = Object.hasOwn(args, top) ? null : Object.keys(args).find((n) => args[n] !== null && typeof args[n] === 'object');
      const field = joinPath(owner ? [owner, ...failure.path] : failure.path);
      // class-validator messages start with the property name; drop it, the path says it
      const message = failure.message.replace(new RegExp(`^${failure.path.at(-1)}\\s+`), '');
      invalid.push({ field, message: `${field}: ${message}` });
    }
  }
  if (invalid.length === 0) return;
  const error = badUserInput(invalid[0].field, invalid[0].message.slice(invalid[0].field.length + 2));
  if (invalid.length > 1) error.extensions.fieldErrors = invalid;
  throw error;
};
