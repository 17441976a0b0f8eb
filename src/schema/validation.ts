// Validates every input object with its class-validator rules before a resolver runs, and
// turns the first failure into BAD_USER_INPUT naming the field path (e.g. `input.successUrl`).
import { type ValidationError, validate } from 'class-validator';
import type { ValidatorFn } from 'type-graphql';
import { badUserInput } from '../errors.js';

function firstFailure(errors: ValidationError[], path: string[]): { path: string[]; message: string } | null {
  for (const e of errors) {
    const here = [...path, e.property];
    if (e.constraints) {
      const message = Object.values(e.constraints)[0];
      return { path: here, message };
    }
    const nested = firstFailure(e.children ?? [], here);
    if (nested) return nested;
  }
  return null;
}

const joinPath = (parts: string[]) => parts.reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');

export const validateInput: ValidatorFn = async (value, _type, { args }) => {
  if (value === null || typeof value !== 'object') return;
  const items = Array.isArray(value) ? value : [value];
  for (const item of items) {
    if (item === null || typeof item !== 'object') continue;
    const errors = await validate(item, { forbidUnknownValues: false });
    const failure = firstFailure(errors, []);
    if (!failure) continue;
    // an @ArgsType object fails on an argument itself; an input object fails inside its argument
    const top = failure.path[0];
    const owner = Object.hasOwn(args, top) ? null : Object.keys(args).find((n) => args[n] !== null && typeof args[n] === 'object');
    const path = owner ? [owner, ...failure.path] : failure.path;
    // class-validator messages start with the property name; drop it, the path says it
    const message = failure.message.replace(new RegExp(`^${failure.path.at(-1)}\\s+`), '');
    throw badUserInput(joinPath(path), message);
  }
};
