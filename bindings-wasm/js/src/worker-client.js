// The page side of the validation Worker: same API as validate()/checkSchema(), but the work
// runs in a dedicated module Worker so the page never freezes on a big file.
import { ConformeError, abortError, throwIfAborted } from './errors.js';

/**
 * Starts a module Worker running the engine. `workerUrl` overrides where `worker.js` is
 * served from (bundlers that move files). Call `terminate()` when done.
 */
export function createWorkerValidator({ workerUrl = new URL('./worker.js', import.meta.url) } = {}) {
  if (typeof Worker === 'undefined') {
    throw new ConformeError('createWorkerValidator() needs Web Workers (a browser); in Node, call validate() directly');
  }
  const worker = new Worker(workerUrl, { type: 'module' });
  const pending = new Map();
  let nextId = 1;

  const failAll = (error) => {
    for (const request of pending.values()) request.reject(error);
    pending.clear();
  };
  worker.addEventListener('message', (event) => {
    const { id, type } = event.data;
    const request = pending.get(id);
    if (!request) return;
    if (type === 'progress') {
      request.onProgress?.(event.data.progress);
      return;
    }
    pending.delete(id);
    if (type === 'result') {
      request.resolve(event.data.value);
    } else {
      const { name, message } = event.data.error;
      request.reject(name === 'AbortError' ? new DOMException(message, 'AbortError') : new ConformeError(message));
    }
  });
  worker.addEventListener('error', (event) => {
    failAll(new ConformeError(`the validation worker failed to start or crashed: ${event.message ?? 'unknown error'}`));
  });

  function request(message, { signal, onProgress } = {}) {
    throwIfAborted(signal);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        pending.delete(id);
        worker.postMessage({ id, type: 'abort' });
        reject(abortError(signal));
      };
      const settle = (fn) => (value) => {
        signal?.removeEventListener('abort', onAbort);
        fn(value);
      };
      pending.set(id, { resolve: settle(resolve), reject: settle(reject), onProgress });
      signal?.addEventListener('abort', onAbort, { once: true });
      worker.postMessage({ id, ...message });
    });
  }

  return {
    /** Same as `validate()`, run in the Worker. */
    validate(input, schema, options = {}) {
      const { signal, onProgress, ...rest } = options;
      return request({ type: 'validate', input, schema, options: rest }, { signal, onProgress });
    },
    /** Same as `fix()`, run in the Worker. */
    fix(input, schema, options = {}) {
      const { signal, ...rest } = options;
      return request({ type: 'fix', input, schema, options: rest }, { signal });
    },
    /** Same as `checkSchema()`, run in the Worker. */
    checkSchema(schema, options = {}) {
      return request({ type: 'checkSchema', schema, options: { lang: options.lang } });
    },
    /** Stops the Worker; pending validations reject. */
    terminate() {
      worker.terminate();
      failAll(new ConformeError('the validation worker was terminated'));
    },
  };
}
