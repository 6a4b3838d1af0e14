// The module Worker behind createWorkerValidator(): runs validations off the page's thread.
// Messages in:  {id, type: 'validate', input, schema, options} | {id, type: 'checkSchema', schema, options}
//               | {id, type: 'fix', input, schema, options} | {id, type: 'abort'}
// Messages out: {id, type: 'progress', progress} | {id, type: 'result', value}
//               | {id, type: 'error', error: {name, message}}
// As a Worker of a validation pool (pool.js), from the coordinating Worker:
//   in:  {type: 'pool-open', run, schema, options, blob} | {type: 'pool-block', run, id, from, to, exact}
//   out: {type: 'pool-result', run, id, result} | {type: 'pool-error', run, message}
import { call, ensureReferentials, init } from './engine.js';
import { checkSchema, fix, validate } from './index.js';
import { blobReader } from './pool.js';

const running = new Map();

// Pool messages are handled one after the other, in the order they came (opening the file
// awaits the engine's loading).
let poolQueue = Promise.resolve();
let poolBlocks = null;
let poolRun = null;

async function onPoolMessage(message) {
  const { type, run } = message;
  try {
    if (type === 'pool-open') {
      await init();
      await ensureReferentials(message.schema);
      poolBlocks?.free();
      poolBlocks = null;
      poolRun = run;
      poolBlocks = call((e) => new e.PoolWorker(message.schema, message.options, message.blob.size, blobReader(message.blob)));
    } else if (type === 'pool-block' && run === poolRun && poolBlocks) {
      const result = call(() => poolBlocks.validate(message.id, message.from, message.to, message.exact));
      self.postMessage({ type: 'pool-result', run, id: message.id, result }, [result.buffer]);
    }
  } catch (error) {
    self.postMessage({ type: 'pool-error', run, message: error?.message ?? String(error) });
  }
}

self.addEventListener('message', async (event) => {
  if (typeof event.data?.type === 'string' && event.data.type.startsWith('pool-')) {
    const message = event.data;
    poolQueue = poolQueue.then(() => onPoolMessage(message));
    return;
  }
  const { id, type } = event.data;
  if (type === 'abort') {
    running.get(id)?.abort();
    return;
  }
  const controller = new AbortController();
  running.set(id, controller);
  try {
    let value;
    if (type === 'validate') {
      const { input, schema, options } = event.data;
      value = await validate(input, schema, {
        ...options,
        signal: controller.signal,
        onProgress: (progress) => self.postMessage({ id, type: 'progress', progress }),
      });
    } else if (type === 'fix') {
      const { input, schema, options } = event.data;
      value = await fix(input, schema, { ...options, signal: controller.signal });
    } else if (type === 'checkSchema') {
      value = await checkSchema(event.data.schema, { ...event.data.options, signal: controller.signal });
    } else {
      throw new Error(`unknown request type ${JSON.stringify(type)}`);
    }
    // The corrected file's buffer moves to the page instead of being copied.
    self.postMessage({ id, type: 'result', value }, value?.data instanceof Uint8Array ? [value.data.buffer] : []);
  } catch (error) {
    self.postMessage({ id, type: 'error', error: { name: error?.name ?? 'Error', message: error?.message ?? String(error) } });
  } finally {
    running.delete(id);
  }
});
