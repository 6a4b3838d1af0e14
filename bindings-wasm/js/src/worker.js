// The module Worker behind createWorkerValidator(): runs validations off the page's thread.
// Messages in:  {id, type: 'validate', input, schema, options} | {id, type: 'checkSchema', schema, options}
//               | {id, type: 'fix', input, schema, options} | {id, type: 'abort'}
// Messages out: {id, type: 'progress', progress} | {id, type: 'result', value}
//               | {id, type: 'error', error: {name, message}}
// As a Worker of a validation pool (pool.js), from the coordinating Worker:
//   in:  {type: 'pool-init', module} | {type: 'pool-open', run, schema, options, blob}
//        | {type: 'pool-block', run, id, from, to, exact}
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
// The file of the latest `pool-open`, known as soon as the message arrives.
let poolBlob = null;
// The file's bytes around the block being validated (see prefetch).
let poolBytes = null;

// Bytes a block reader needs: from a little before the block (it looks for the first line
// start) to a little past it (it looks for its last record's end). Reading them with one
// asynchronous read is several times faster than FileReaderSync's small synchronous ones.
const BEFORE = 4096;
const AFTER = 64 * 1024;

async function prefetch(blob, from, to) {
  const start = Math.max(0, from - BEFORE);
  const end = Math.min(blob.size, to + AFTER);
  return { start, bytes: new Uint8Array(await blob.slice(start, end).arrayBuffer()) };
}

// Reads from the prefetched bytes when they hold the range, else from the file itself.
function readerOver(blob) {
  const direct = blobReader(blob);
  return (offset, length) => {
    const held = poolBytes;
    if (held && offset >= held.start && offset + length <= held.start + held.bytes.length) {
      return held.bytes.subarray(offset - held.start, offset - held.start + length);
    }
    return direct(offset, length);
  };
}

async function onPoolMessage(message) {
  const { type, run } = message;
  try {
    if (type === 'pool-init') {
      await init(message.module ?? undefined);
    } else if (type === 'pool-open') {
      await init();
      await ensureReferentials(message.schema);
      poolBlocks?.free();
      poolBlocks = null;
      poolRun = run;
      poolBlocks = call((e) => new e.PoolWorker(message.schema, message.options, message.blob.size, readerOver(message.blob)));
    } else if (type === 'pool-block' && run === poolRun && poolBlocks) {
      poolBytes = message.prefetched ? await message.prefetched : null;
      let result;
      try {
        result = call(() => poolBlocks.validate(message.id, message.from, message.to, message.exact));
      } finally {
        poolBytes = null;
      }
      self.postMessage({ type: 'pool-result', run, id: message.id, result }, [result.buffer]);
    }
  } catch (error) {
    self.postMessage({ type: 'pool-error', run, message: error?.message ?? String(error) });
  }
}

self.addEventListener('message', async (event) => {
  if (typeof event.data?.type === 'string' && event.data.type.startsWith('pool-')) {
    const message = event.data;
    if (message.type === 'pool-open') poolBlob = { run: message.run, blob: message.blob };
    if (message.type === 'pool-block' && poolBlob?.run === message.run) {
      // The block's bytes are read now, while earlier blocks are being validated.
      message.prefetched = prefetch(poolBlob.blob, message.from, message.to);
      // A failed read is reported when the block's turn comes, not as an unhandled rejection.
      message.prefetched.catch(() => {});
    }
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
