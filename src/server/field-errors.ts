// One BAD_USER_INPUT error per invalid input field: a resolver can throw only one error, so the
// input validation (schema/validation.ts) throws one carrying every invalid field in
// `extensions.fieldErrors`, and this plugin answers it as one error per field, each with its own
// `extensions.field`, message, path and locations, in the same response (server/request-plugin.ts).
import type { GraphQLFormattedError } from 'graphql';

interface FieldError {
  field: string;
  message: string;
}

export function expandFieldErrors(errors: readonly GraphQLFormattedError[]): GraphQLFormattedError[] {
  return errors.flatMap((e) => {
    const list = e.extensions?.fieldErrors as FieldError[] | undefined;
    if (!Array.isArray(list)) return [e];
    const { fieldErrors: _list, ...extensions } = e.extensions ?? {};
    return list.map((f) => ({ ...e, message: f.message, extensions: { ...extensions, field: f.field } }));
  });
}
