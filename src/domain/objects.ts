// `{ ...base, ...extra }` for the objects kyc-graph builds per webhook, event and request, with
// the reasons it is written this way (Node 20, V8 11.3; measured in docs/perf/webhook-path.md):
//
// - An object literal that adds keys after a leading spread (`{ ...view, id, provider, … }`)
//   gives every result a hidden class of its own once the code is optimized: each such key
//   costs ~1.7 µs, and code that later reads these objects sees a new shape every time.
// - Copying keys one by one into `{}` (`Object.assign({}, …)`, a `for` loop of assignments)
//   turns the copy into a dictionary-mode object past about 16 keys: V8 allows only 12 keys
//   beyond `{}`'s 4 in-object slots to be added by such stores. A record has 20–30 keys, so every
//   later copy of it and every read of its fields took the slow path (a record's update cost
//   20 µs per copy in the server instead of 2).
// - A spread of the base clones its hidden class (fast properties, however many keys), and a
//   spread of the extra keys adds them without a new class per object.

/** A shallow copy of `base` with the keys of `extra` (then `more`) set after its own: later keys win, as in a spread. */
export function extend<T extends object, U extends object>(base: T, extra: U): T & U;
export function extend<T extends object, U extends object, V extends object>(base: T, extra: U, more: V): T & U & V;
export function extend(base: object, extra: object, more?: object): object {
  return more === undefined ? { ...base, ...extra } : { ...base, ...extra, ...more };
}
