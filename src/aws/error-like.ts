// Errors are recognised by shape rather than `instanceof`: errors from Node's own modules come
// from another realm under some runners and test sandboxes, and must be classified all the same.

export function isErrorLike(value: unknown): value is Error {
  return typeof value === 'object' && value !== null && typeof (value as Error).name === 'string'
}
