// Bounds of inputs that travel to a provider inside an HTTP header or URL path (DESIGN.md "Doors
// closed": input bounds). A value fetch would refuse locally must be refused here, as
// BAD_USER_INPUT naming the field, not discovered by the HTTP client (where it once counted as a
// provider failure and opened the circuit for every tenant).
import { Matches, Validate, type ValidationArguments, ValidatorConstraint, type ValidatorConstraintInterface } from 'class-validator';

/** What an HTTP header value can carry as sent: visible ASCII, no spaces, no control characters. */
export const HEADER_SAFE = /^[\x21-\x7e]*$/;
/** No control characters (C0, DEL, C1); anything else is percent-encoded where it goes in a path. */
// eslint-disable-next-line no-control-regex
export const NO_CONTROL_CHARS = /^[^\u0000-\u001f\u007f-\u009f]*$/;

/** The value is sent in an HTTP header: printable ASCII only. */
export const HeaderSafe = () =>
  Matches(HEADER_SAFE, { message: 'must be printable ASCII without spaces or control characters (it is sent to the provider in an HTTP header)' });

/** The value goes into a URL path or our own keys: no control characters. */
export const NoControlChars = () => Matches(NO_CONTROL_CHARS, { message: 'must not contain control characters' });

/** `JSON` inputs (metadata, answers): at most this many levels of nesting. */
export const JSON_MAX_DEPTH = 16;
/** `JSON` inputs: at most this many bytes as JSON text. */
export const JSON_MAX_BYTES = 64 * 1024;

/**
 * What is wrong with a JSON input's shape (too deep, too large), or null. Walks iteratively, so a
 * value nested thousands of levels deep is measured without exhausting the stack.
 */
export function jsonBoundsProblem(value: unknown): string | null {
  if (value === null || typeof value !== 'object') return null;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth > JSON_MAX_DEPTH) return `must be nested at most ${JSON_MAX_DEPTH} levels deep`;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1]);
  }
  if (Buffer.byteLength(JSON.stringify(value)) > JSON_MAX_BYTES) return `must be at most ${JSON_MAX_BYTES} bytes as JSON`;
  return null;
}

@ValidatorConstraint({ name: 'jsonBounds' })
class JsonBoundsRule implements ValidatorConstraintInterface {
  validate(value: unknown) {
    return jsonBoundsProblem(value) === null;
  }
  defaultMessage(args?: ValidationArguments) {
    return jsonBoundsProblem(args?.value) ?? 'is not valid';
  }
}

/** A free-form JSON input: at most JSON_MAX_DEPTH levels and JSON_MAX_BYTES bytes. */
export const JsonBounds = () => Validate(JsonBoundsRule);
