// One file across a pool of Workers. The validation Worker coordinates: it reads the start of
// the file, hands out blocks to `workers` more Workers (running worker.js) and merges their
// results in file order; every Worker reads the file itself (FileReaderSync on Blob slices),
// so the file's bytes never travel, only block results. The report is the one a single
// Worker gives for the same bytes (the engine's property tests hold it to that).
import { call, compiledModule } from './engine.js';
import { ConformeError, abortError } from './errors.js';

/** Whether `input` can be split across a pool here: a Blob, in a Worker that can read it synchronously. */
export function canPool(input, workers) {
  return workers > 1
    && typeof FileReaderSync !== 'undefined'
    && typeof Worker !== 'undefined'
    && typeof Blob !== 'undefined' && input instanceof Blob;
}

/** The pool's size when the caller does not say: one Worker per logical core. */
export function defaultWorkers() {
  return globalThis.navigator?.hardwareConcurrency ?? 1;
}

/** `(offset, length) => Uint8Array` over `blob`, for the engine (synchronous: Workers only). */
export function blobReader(blob) {
  const reader = new FileReaderSync();
  return (offset, length) => new Uint8Array(reader.readAsArrayBuffer(blob.slice(offset, offset + length)));
}

// The pool's Workers, started on first use and kept for the next files.
const helpers = [];
let runs = 0;

function poolOf(size) {
  while (helpers.length < size) {
    const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
    // The engine this Worker compiled: the new one instantiates it without fetching it.
    worker.postMessage({ type: 'pool-init', module: compiledModule() });
    helpers.push(worker);
  }
  return helpers.slice(0, size);
}

/**
 * Validates `blob` across `workers` Workers; `schema` is the resolved Table Schema text,
 * `optionsJson` the engine's options. Resolves to the report.
 */
export async function validatePooled(blob, schema, optionsJson, { workers, signal, onProgress }) {
  const coordinator = call((e) => new e.PoolCoordinator(schema, optionsJson, blob.size, blobReader(blob)));
  try {
    // `workers`: how many Workers validate (1 while the coordinator reads alone).
    let used = 1;
    const progress = () => onProgress?.({ bytes: coordinator.bytes, total: blob.size, rows: coordinator.rows, workers: used });
    const first = call(() => coordinator.nextJob());
    if (first) {
      used = workers;
      await runPool(coordinator, first, poolOf(workers), { blob, schema, optionsJson, signal, progress });
      used = 1;
    }
    // Read alone: the whole file when it is not worth splitting or is not UTF-8 from the
    // start, or the rest after a block that could not be read in parallel.
    for (;;) {
      if (signal?.aborted) throw abortError(signal);
      const state = call(() => coordinator.advance());
      progress();
      if (state === 'finished') break;
      if (state === 'waiting') throw new ConformeError('the pool coordinator waits for a block no Worker has (a bug: please report it)');
      await nextTask();
    }
    return JSON.parse(call(() => coordinator.finish()));
  } finally {
    coordinator.free();
  }
}

// Hands out blocks, four a Worker in flight (a Worker reads the next ones while it validates), until every block is merged or the coordinator
// reads on alone.
function runPool(coordinator, first, pool, { blob, schema, optionsJson, signal, progress }) {
  const run = ++runs;
  for (const worker of pool) worker.postMessage({ type: 'pool-open', run, schema, options: optionsJson, blob });
  return new Promise((resolve, reject) => {
    const inFlight = new Map();
    const load = pool.map(() => 0);
    let next = first;
    let ended = false;
    const end = (error) => {
      if (ended) return;
      ended = true;
      pool.forEach((worker) => {
        worker.removeEventListener('message', onMessage);
        worker.removeEventListener('error', onError);
      });
      signal?.removeEventListener('abort', onAbort);
      if (error) reject(error);
      else resolve();
    };
    const handOut = () => {
      while (inFlight.size < 4 * pool.length) {
        const job = next ?? call(() => coordinator.nextJob());
        next = undefined;
        if (!job) return;
        const [id, from, to, exact] = job;
        const w = load.indexOf(Math.min(...load));
        load[w] += 1;
        inFlight.set(id, w);
        pool[w].postMessage({ type: 'pool-block', run, id, from, to, exact: exact === 1 });
      }
    };
    function onMessage(event) {
      const message = event.data;
      if (ended || message?.run !== run) return;
      if (message.type === 'pool-error') {
        end(new ConformeError(message.message));
        return;
      }
      if (message.type !== 'pool-result') return;
      load[inFlight.get(message.id)] -= 1;
      inFlight.delete(message.id);
      try {
        call(() => coordinator.accept(message.id, message.result));
        const state = call(() => coordinator.advance());
        progress();
        // 'reading': the coordinator reads on alone (validatePooled's loop).
        if (state !== 'waiting') {
          end();
          return;
        }
        handOut();
        if (inFlight.size === 0) end();
      } catch (error) {
        end(error);
      }
    }
    function onError(event) {
      end(new ConformeError(`a Worker of the validation pool failed: ${event.message ?? 'unknown error'}`));
    }
    function onAbort() {
      end(abortError(signal));
    }
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    pool.forEach((worker) => {
      worker.addEventListener('message', onMessage);
      worker.addEventListener('error', onError);
    });
    try {
      handOut();
    } catch (error) {
      end(error);
    }
  });
}

function nextTask() {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
