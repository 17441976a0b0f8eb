// Bounds of inputs that travel to a provider inside an HTTP header or URL path (DESIGN.md "Doors
// closed": input bounds). A value fetch would refuse locally must be refused here, as
// BAD_USER_INPUT naming the field, not discovered by the HTTP client (where it once counted as a
// provider failure and opened the circuit for every tenant).
import { Matches } from 'class-validator';

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
