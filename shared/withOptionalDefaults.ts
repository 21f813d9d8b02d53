/**
 * A schema's parsed type (z.output) with the keys its defaults fill in made optional: the type of a
 * request whose callers may leave those keys out, since the parse fills them in. Used where the
 * caller's type cannot be z.input itself: a field typed by an interface (a model's typed arrays),
 * or callers that read back the other defaulted fields of what they built.
 */
export type WithOptionalDefaults<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;
