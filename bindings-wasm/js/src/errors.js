/** A schema, options or input that cannot be used; the message says what and how to fix it. */
export class ConformeError extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = 'ConformeError';
  }
}

/** The error a cancelled validation rejects with (the signal's reason when it has one). */
export function abortError(signal) {
  if (signal?.reason !== undefined) return signal.reason;
  return new DOMException('the validation was cancelled', 'AbortError');
}

export function throwIfAborted(signal) {
  if (signal?.aborted) throw abortError(signal);
}
